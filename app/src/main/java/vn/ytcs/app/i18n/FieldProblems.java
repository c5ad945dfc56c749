// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.util.List;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.text.VietText;

/** The rules a record breaks, in the user's language: by the field in an editor, or naming kind, record and field. */
public final class FieldProblems {

    /** Longest part of a value quoted in a message. */
    private static final int VALUE_LENGTH = 80;

    private FieldProblems() {
    }

    /** The sentence to show next to the field, e.g. "too long: 250 characters, at most 200". */
    public static String text(FieldProblem p, Messages m) {
        // Values as the record holds them: a year is 2025, not "2.025".
        Object[] args = p.args().stream().map(a -> VietText.printable(String.valueOf(a), VALUE_LENGTH)).toArray();
        return m.get(p.key(), args);
    }

    /** The sentence naming kind, record and field, for a refusal shown away from the editor. */
    public static String describe(FieldProblem p, Messages m) {
        String record = p.record() == null ? "" : p.record().toString().substring(0, 8);
        return m.get("record.problem", m.get("record.kind." + p.kind()), record, p.field(), text(p, m));
    }

    /** Every problem, one after the other. */
    public static String describe(List<FieldProblem> problems, Messages m) {
        return String.join("; ", problems.stream().map(p -> describe(p, m)).toList());
    }
}
