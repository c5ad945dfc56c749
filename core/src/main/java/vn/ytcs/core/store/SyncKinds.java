// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;

import static vn.ytcs.core.store.jooq.Tables.ADMIN_UNIT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT_ANSWER;
import static vn.ytcs.core.store.jooq.Tables.CATALOG_DOCUMENT;
import static vn.ytcs.core.store.jooq.Tables.COMMUNE_YEAR;
import static vn.ytcs.core.store.jooq.Tables.HAMLET;
import static vn.ytcs.core.store.jooq.Tables.HAMLET_WORKER;
import static vn.ytcs.core.store.jooq.Tables.STAFF;
import static vn.ytcs.core.store.jooq.Tables.STATION;
import static vn.ytcs.core.store.jooq.Tables.TARGET;
import static vn.ytcs.core.store.jooq.Tables.UNIT_SUCCESSION;

/** The synced tables by the kind names packages use, parents before children. */
public final class SyncKinds {

    private static final Map<String, Table<? extends UpdatableRecord<?>>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("unit", ADMIN_UNIT);
        TABLES.put("succession", UNIT_SUCCESSION);
        TABLES.put("station", STATION);
        TABLES.put("staff", STAFF);
        TABLES.put("hamlet", HAMLET);
        TABLES.put("hamlet_worker", HAMLET_WORKER);
        TABLES.put("commune_year", COMMUNE_YEAR);
        TABLES.put("assessment", ASSESSMENT);
        TABLES.put("assessment_answer", ASSESSMENT_ANSWER);
        TABLES.put("target", TARGET);
        TABLES.put("catalog", CATALOG_DOCUMENT);
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
        return FIELDS.computeIfAbsent(kind, SyncKinds::computeFields);
    }

    /** Per-kind metadata, computed once: a package checks it for every record. */
    private static final Map<String, Map<String, Class<?>>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Map<String, Integer>> LENGTHS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, java.util.Set<String>> REQUIRED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Class<?>> computeFields(String kind) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (Field<?> f : table(kind).fields()) {
            if (!ChangeWriter.BOOKKEEPING.contains(f.getName())) {
                out.put(f.getName().toLowerCase(Locale.ROOT), f.getType());
            }
        }
        return out;
    }

    /** Longest text each text field of a kind may hold, in characters. */
    public static Map<String, Integer> maxLengths(String kind) {
        return LENGTHS.computeIfAbsent(kind, SyncKinds::computeLengths);
    }

    private static Map<String, Integer> computeLengths(String kind) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Field<?> f : table(kind).fields()) {
            if (f.getType() == String.class && f.getDataType().hasLength() && f.getDataType().length() > 0) {
                out.put(f.getName().toLowerCase(Locale.ROOT), f.getDataType().length());
            }
        }
        return out;
    }

    /** Fields that must not be null. */
    public static java.util.Set<String> required(String kind) {
        return REQUIRED.computeIfAbsent(kind, SyncKinds::computeRequired);
    }

    private static java.util.Set<String> computeRequired(String kind) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Field<?> f : table(kind).fields()) {
            if (!f.getDataType().nullable() && !ChangeWriter.BOOKKEEPING.contains(f.getName())) {
                out.add(f.getName().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static Table<? extends UpdatableRecord<?>> table(String kind) {
        Table<? extends UpdatableRecord<?>> t = TABLES.get(kind);
        if (t == null) {
            throw new IllegalArgumentException("unknown kind: " + kind);
        }
        return t;
    }

    static String kindOf(Table<?> table) {
        for (var e : TABLES.entrySet()) {
            if (e.getValue().getName().equals(table.getName())) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(table.getName());
    }
}
