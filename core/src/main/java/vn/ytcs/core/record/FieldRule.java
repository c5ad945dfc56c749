// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One field of a record kind and its rules: the column it is kept in, the Java type of its
 * stored value (text, whole number, decimal, yes/no, date, or a reference: the id of a record
 * of another kind), whether it is required, the values it may take, its range and its length.
 *
 * @param name       the column name in lower case, as packages and the audit name it
 * @param type       String, Integer, BigDecimal, Boolean, LocalDate or UUID
 * @param values     the values a choice field takes (enum constant names); null for any
 * @param min        the smallest number allowed; null for no bound
 * @param max        the largest number allowed; null for no bound
 * @param maxLength  the longest text, in characters; 0 for fields that are not text
 * @param references the kind whose id a reference field holds; null for other fields
 * @param value      the stored value of the field in a record of the kind's type (enums by name)
 * @param <T>        the kind's record type
 */
public record FieldRule<T>(String name, Class<?> type, boolean required, List<String> values, BigDecimal min,
                           BigDecimal max, int maxLength, String references, Function<T, Object> value) {

    /** The Java types a field's stored value may have. */
    public static final Set<Class<?>> TYPES = Set.of(String.class, Integer.class, BigDecimal.class, Boolean.class,
            LocalDate.class, UUID.class);

    public FieldRule {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(name + ": " + type);
        }
        values = values == null ? null : List.copyOf(values);
    }

    static <T> FieldRule<T> text(String name, int maxLength, Function<T, Object> value) {
        return new FieldRule<>(name, String.class, false, null, null, null, maxLength, null, value);
    }

    static <T> FieldRule<T> choice(String name, Enum<?>[] constants, Function<T, Object> value) {
        List<String> names = Arrays.stream(constants).map(Enum::name).toList();
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        return new FieldRule<>(name, String.class, false, names, null, null, longest, null, value);
    }

    static <T> FieldRule<T> whole(String name, long min, long max, Function<T, Object> value) {
        return new FieldRule<>(name, Integer.class, false, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0, null,
                value);
    }

    static <T> FieldRule<T> decimal(String name, long min, long max, Function<T, Object> value) {
        return new FieldRule<>(name, BigDecimal.class, false, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0,
                null, value);
    }

    static <T> FieldRule<T> flag(String name, Function<T, Object> value) {
        return new FieldRule<>(name, Boolean.class, true, null, null, null, 0, null, value);
    }

    static <T> FieldRule<T> date(String name, Function<T, Object> value) {
        return new FieldRule<>(name, LocalDate.class, false, null, null, null, 0, null, value);
    }

    static <T> FieldRule<T> reference(String name, String kind, Function<T, Object> value) {
        return new FieldRule<>(name, UUID.class, false, null, null, null, 0, kind, value);
    }

    /** The same field, required. */
    FieldRule<T> needed() {
        return new FieldRule<>(name, type, true, values, min, max, maxLength, references, value);
    }

    /** Checks a stored value of this field on its own (type, presence, values, length, range). */
    void check(Object v, Problems out) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                out.add(name, FieldProblem.Problem.REQUIRED);
            }
            return;
        }
        if (!type.isInstance(v)) {
            out.add(name, FieldProblem.Problem.WRONG_TYPE, type.getSimpleName());
            return;
        }
        if (values != null && !values.contains(v)) {
            out.add(name, FieldProblem.Problem.NOT_IN_LIST, v, String.join(", ", values));
        } else if (v instanceof String s && maxLength > 0 && s.length() > maxLength) {
            out.add(name, FieldProblem.Problem.TOO_LONG, s.length(), maxLength);
        }
        BigDecimal number = v instanceof Integer i ? BigDecimal.valueOf(i) : v instanceof BigDecimal d ? d : null;
        if (number != null && ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0))) {
            out.add(name, FieldProblem.Problem.OUT_OF_RANGE, v, min, max);
        }
    }
}
