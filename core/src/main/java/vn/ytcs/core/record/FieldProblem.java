// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import java.util.List;
import java.util.UUID;

/**
 * One rule of a record kind that a record breaks, named so that a screen can show it next to
 * the field and a refusal can name kind, record and field: {@link #key()} is the message key the
 * application translates, {@link #args()} its placeholders (values as the record holds them;
 * other fields by their column name).
 *
 * @param kind   the kind's name, as packages use it ("commune_year")
 * @param record the record's id; null for a record not yet given one
 * @param field  the column name of the field concerned ("insured")
 */
public record FieldProblem(String kind, UUID record, String field, Problem problem, List<Object> args) {

    /** The rules a field can break, one message each. */
    public enum Problem {
        /** Empty or missing, and required. */
        REQUIRED,
        /** A field the kind does not have; args: the fields it has. */
        UNKNOWN_FIELD,
        /** Of another type than the field holds; args: the expected type. */
        WRONG_TYPE,
        /** Not one of the values the field takes; args: the value, the values allowed. */
        NOT_IN_LIST,
        /** Longer than the field holds; args: the length, the maximum. */
        TOO_LONG,
        /** Outside the range the field takes; args: the value, the minimum, the maximum. */
        OUT_OF_RANGE,
        /** More than another field allows; args: the value, the other field, its value. */
        MORE_THAN,
        /** A date earlier than another field's; args: the value, the other field, its value. */
        EARLIER_THAN,
        /** A date not after another field's; args: the value, the other field, its value. */
        NOT_AFTER,
        /** The same as another field, which it must differ from; args: the other field. */
        SAME_AS,
        /** Required because of another field's value; args: the other field, its value. */
        REQUIRED_WHEN,
        /** Does not belong with another field's value; args: the value, the other field, its value. */
        DOES_NOT_MATCH,
        /** An answer for an indicator its assessment's catalog does not have; args: the code, the catalog. */
        UNKNOWN_INDICATOR,
        /** An entered answer for an indicator the register gives; args: the code. */
        DERIVED_INDICATOR,
        /** An answer that is not a value at all (not JSON); args: the value. */
        ANSWER_UNREADABLE,
        /** Not yes or no for a yes/no indicator; args: the value. */
        ANSWER_NOT_YES_NO,
        /** Not a number for an indicator measured by one; args: the value. */
        ANSWER_NOT_NUMBER,
        /** A negative number; args: the value. */
        ANSWER_NEGATIVE,
        /** A percentage above 100; args: the value. */
        ANSWER_NOT_PERCENT,
        /** Not a list of items for a checklist indicator; args: the value, the items. */
        ANSWER_NOT_ITEMS,
        /** An item its checklist does not have; args: the item, the items. */
        ANSWER_UNKNOWN_ITEM,
        /** Marked not applicable without saying why (in the note). */
        NOT_APPLICABLE_WITHOUT_REASON,
        /** Marked not applicable and given a value as well; args: the value. */
        NOT_APPLICABLE_WITH_VALUE,
        /** A catalog document that is not a valid catalog; args: the JSON path, the problem. */
        CATALOG_INVALID
    }

    public FieldProblem {
        // A value may be null (a field left empty); List.copyOf refuses nulls.
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    /** The message key of the problem, e.g. {@code field.problem.TOO_LONG}. */
    public String key() {
        return "field.problem." + problem.name();
    }

    @Override
    public String toString() {
        return kind + " " + record + " " + field + ": " + problem + (args.isEmpty() ? "" : " " + args);
    }
}
