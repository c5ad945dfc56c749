// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Collects the problems of one record, each naming its kind, the record and the field. */
final class Problems {

    private final String kind;
    private final UUID record;
    private final List<FieldProblem> found = new ArrayList<>();

    Problems(String kind, UUID record) {
        this.kind = kind;
        this.record = record;
    }

    void add(String field, FieldProblem.Problem problem, Object... args) {
        found.add(new FieldProblem(kind, record, field, problem, Arrays.asList(args)));
    }

    List<FieldProblem> list() {
        return List.copyOf(found);
    }
}
