// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;
import vn.ytcs.core.record.FieldRule;
import vn.ytcs.core.record.RecordKind;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.store.jooq.DefaultSchema;

/**
 * The synced tables by the kind names packages use, parents before children: the jOOQ side of
 * the declarations in {@link RecordKinds}.
 */
public final class SyncKinds {

    private static final Map<String, Table<? extends UpdatableRecord<?>>> TABLES = new LinkedHashMap<>();
    private static final Map<String, Map<String, Class<?>>> FIELDS = new LinkedHashMap<>();
    /** Per kind, the table's columns in the order of the kind's fields. */
    private static final Map<String, List<Field<?>>> COLUMNS = new LinkedHashMap<>();

    static {
        for (RecordKind<?> kind : RecordKinds.all()) {
            @SuppressWarnings("unchecked")
            Table<? extends UpdatableRecord<?>> table = (Table<? extends UpdatableRecord<?>>) DefaultSchema.DEFAULT_SCHEMA
                    .getTable(kind.table().toUpperCase(Locale.ROOT));
            if (table == null) {
                throw new IllegalStateException("no table " + kind.table() + " for kind " + kind.name());
            }
            TABLES.put(kind.name(), table);
            Map<String, Class<?>> types = new LinkedHashMap<>();
            List<Field<?>> columns = new java.util.ArrayList<>();
            for (FieldRule<?> f : kind.fields()) {
                types.put(f.name(), f.type());
                columns.add(java.util.Objects.requireNonNull(table.field(f.name().toUpperCase(Locale.ROOT)),
                        () -> kind.table() + "." + f.name()));
            }
            FIELDS.put(kind.name(), java.util.Collections.unmodifiableMap(types));
            COLUMNS.put(kind.name(), List.copyOf(columns));
        }
    }

    private SyncKinds() {
    }

    /** Kind names in the order a package lists them and an import applies them. */
    public static List<String> all() {
        return List.copyOf(TABLES.keySet());
    }

    /** The table a kind is kept in, as the audit names it. */
    public static String tableName(String kind) {
        return table(kind).getName();
    }

    public static boolean known(String kind) {
        return TABLES.containsKey(kind);
    }

    /** The record fields of a kind (lower-case column names, bookkeeping left out) and their Java types. */
    public static Map<String, Class<?>> fields(String kind) {
        Map<String, Class<?>> f = FIELDS.get(kind);
        if (f == null) {
            throw new IllegalArgumentException("unknown kind: " + kind);
        }
        return f;
    }

    /** The columns of a kind's fields, in the order of {@link RecordKind#fields()}. */
    static List<Field<?>> columns(String kind) {
        table(kind);
        return COLUMNS.get(kind);
    }

    static Table<? extends UpdatableRecord<?>> table(String kind) {
        Table<? extends UpdatableRecord<?>> t = TABLES.get(kind);
        if (t == null) {
            throw new IllegalArgumentException("unknown kind: " + kind);
        }
        return t;
    }
}
