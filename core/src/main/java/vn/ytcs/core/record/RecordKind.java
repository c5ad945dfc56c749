// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import vn.ytcs.core.text.VietText;

/**
 * One kind of register record, declared once: its name in packages, its table, its record type,
 * its fields with their rules, the rules across fields (and across records), and the commune a
 * record belongs to. The writer, the package check, the editors' field messages and the schema
 * tests all read this; {@link RecordKinds} holds the declarations.
 *
 * @param <T> the record type (Void for a kind written only by sync)
 */
public final class RecordKind<T> {

    /** A rule across the fields of one record, or across records (through the context). */
    @FunctionalInterface
    interface Rule {
        void check(Map<String, Object> values, RecordContext context, Problems out);
    }

    /** Which commune a record belongs to. */
    sealed interface Commune {
        /** The record is the commune when {@code field} holds {@code value} (a unit of commune level). */
        record Self(String field, String value) implements Commune {
        }

        /** The field holds the commune's id. */
        record Field(String field) implements Commune {
        }

        /** The commune of the record the reference field points to. */
        record Through(String field) implements Commune {
        }

        /** Records of no commune (districts' successions, targets, catalogs). */
        record None() implements Commune {
        }
    }

    private final String name;
    private final String table;
    private final Class<T> type;
    private final Function<T, UUID> id;
    private final List<FieldRule<T>> fields;
    private final Map<String, FieldRule<T>> byName = new LinkedHashMap<>();
    private final List<Rule> rules;
    private final Commune commune;
    private final java.util.Set<String> looksUp;

    private RecordKind(String name, String table, Class<T> type, Function<T, UUID> id, List<FieldRule<T>> fields,
                       List<Rule> rules, Commune commune, java.util.Set<String> looksUp) {
        this.looksUp = java.util.Set.copyOf(looksUp);
        this.name = name;
        this.table = table;
        this.type = type;
        this.id = id;
        this.fields = List.copyOf(fields);
        this.rules = List.copyOf(rules);
        this.commune = commune;
        this.fields.forEach(f -> byName.put(f.name(), f));
    }

    /** The kind's name, as packages and sync use it ("hamlet_worker"). */
    public String name() {
        return name;
    }

    /** The table it is kept in, in lower case ("admin_unit"). */
    public String table() {
        return table;
    }

    /** The domain record type; empty for a kind that only sync writes (catalog documents). */
    public Optional<Class<T>> type() {
        return Optional.ofNullable(type);
    }

    /** The record fields in table order, the id and the bookkeeping columns left out. */
    public List<FieldRule<T>> fields() {
        return fields;
    }

    public Optional<FieldRule<T>> field(String column) {
        return Optional.ofNullable(byName.get(column));
    }

    /**
     * The kinds whose records its rules read (an answer reads its assessment): a check of many
     * records keeps those it has passed, for the records after them.
     */
    public java.util.Set<String> looksUp() {
        return looksUp;
    }

    /** The id of a record of this kind. */
    public UUID idOf(T record) {
        return id.apply(record);
    }

    /**
     * The record's fields by column name, as they are stored: text stripped and in NFC, enums
     * by name. Every field is present; an empty one maps to null.
     */
    public Map<String, Object> values(T record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldRule<T> f : fields) {
            out.put(f.name(), stored(f.value().apply(record)));
        }
        return out;
    }

    /** The stored form of a value: text stripped and in NFC (what is kept and compared), an enum by its name. */
    public static Object stored(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value instanceof String s ? VietText.nfc(s.strip()) : value;
    }

    /** Every rule the record breaks, checked against its parents and catalogs as the context gives them. */
    public List<FieldProblem> problems(T record, RecordContext context) {
        return check(idOf(record), values(record), context);
    }

    /**
     * Every rule the fields break: each field on its own (type, required, values, length, range),
     * then the rules across fields and records. A field the kind does not have is a problem too.
     */
    public List<FieldProblem> check(UUID recordId, Map<String, Object> values, RecordContext context) {
        Problems out = new Problems(name, recordId);
        for (String column : values.keySet()) {
            if (!byName.containsKey(column)) {
                out.add(column, FieldProblem.Problem.UNKNOWN_FIELD, String.join(", ", byName.keySet()));
            }
        }
        for (FieldRule<T> f : fields) {
            f.check(values.get(f.name()), out);
        }
        List<FieldProblem> own = out.list();
        if (own.isEmpty()) {
            for (Rule r : rules) {
                r.check(values, context, out);
            }
            return out.list();
        }
        // Rules across fields read typed values. Beside problems of single fields (an editor shows
        // them all at once) a rule runs too, unless a field it reads is a broken one; what it says
        // of a field that already has a problem is left out.
        java.util.Set<String> broken = new java.util.HashSet<>();
        own.forEach(p -> broken.add(p.field()));
        Problems across = new Problems(name, recordId);
        for (Rule r : rules) {
            try {
                r.check(values, context, across);
            } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
                // a field the rule reads is among the broken ones, already listed
            }
        }
        List<FieldProblem> all = new java.util.ArrayList<>(own);
        across.list().stream().filter(p -> !broken.contains(p.field())).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * The commune the record belongs to (a commune unit itself; a station, figures or an
     * assessment by their unit; staff, hamlet workers and answers through their parent), or
     * null for a record of no commune or a parent not found.
     */
    /** The kind of the parent record through which a record of this kind belongs to its commune, if it does. */
    public Optional<String> communeThrough() {
        return commune instanceof Commune.Through t ? Optional.of(byName.get(t.field()).references()) : Optional.empty();
    }

    public UUID communeOf(UUID recordId, Map<String, Object> values, Parents parents) {
        if (commune instanceof Commune.Self s) {
            return s.value().equals(values.get(s.field())) ? recordId : null;
        }
        if (commune instanceof Commune.Field f) {
            return (UUID) values.get(f.field());
        }
        if (commune instanceof Commune.Through t) {
            UUID parent = (UUID) values.get(t.field());
            if (parent == null) {
                return null;
            }
            RecordKind<?> kind = RecordKinds.byName(byName.get(t.field()).references());
            return parents.find(kind.name(), parent).map(p -> kind.communeOf(parent, p, parents)).orElse(null);
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }

    static <T> Builder<T> builder(String name, String table, Class<T> type, Function<T, UUID> id) {
        return new Builder<>(name, table, type, id);
    }

    /** Declares a kind field by field. */
    static final class Builder<T> {
        private final String name;
        private final String table;
        private final Class<T> type;
        private final Function<T, UUID> id;
        private final List<FieldRule<T>> fields = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private Commune commune = new Commune.None();
        private final java.util.Set<String> looksUp = new java.util.HashSet<>();

        private Builder(String name, String table, Class<T> type, Function<T, UUID> id) {
            this.name = name;
            this.table = table;
            this.type = type;
            this.id = id;
        }

        Builder<T> field(FieldRule<T> f) {
            fields.add(f);
            return this;
        }

        Builder<T> rule(Rule r) {
            rules.add(r);
            return this;
        }

        /** A rule that reads records of other kinds, named. */
        Builder<T> rule(Rule r, String... kinds) {
            looksUp.addAll(List.of(kinds));
            return rule(r);
        }

        Builder<T> commune(Commune c) {
            commune = c;
            return this;
        }

        RecordKind<T> build() {
            return new RecordKind<>(name, table, type, id, fields, rules, commune, looksUp);
        }
    }
}
