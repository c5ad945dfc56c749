// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.change.HybridClock;
import vn.ytcs.core.store.jooq.tables.records.AuditLogRecord;
import vn.ytcs.core.store.jooq.tables.records.ImportLogRecord;
import vn.ytcs.core.store.jooq.tables.records.SyncConflictRecord;

import static vn.ytcs.core.store.jooq.Sequences.CHANGE_SEQ;
import static vn.ytcs.core.store.jooq.Tables.ADMIN_UNIT;
import static vn.ytcs.core.store.jooq.Tables.AUDIT_LOG;
import static vn.ytcs.core.store.jooq.Tables.IMPORT_LOG;
import static vn.ytcs.core.store.jooq.Tables.STATION;
import static vn.ytcs.core.store.jooq.Tables.SYNC_CONFLICT;

/**
 * The store as sync needs it: synced records as plain {@link RecordState}s, changes since a
 * point of the local change sequence, verbatim writes of merged records, conflicts and the
 * import log. Obtained from {@link Store#sync()} for reading and from {@link RegisterWriter#sync()}
 * inside a write transaction.
 */
public final class SyncStore {

    /**
     * A kept conflict: the value that stays for now, and the other one.
     *
     * @param keptIsLocal whether the value that stays is this site's own ("mine"); the other is then "theirs"
     */
    public record Conflict(UUID id, OffsetDateTime detectedAt, String kind, UUID recordId, String field,
                           String keptValue, String keptVersion, String otherValue, String otherVersion,
                           UUID otherSite, String packageFile, OffsetDateTime resolvedAt, String resolution,
                           boolean keptIsLocal) {

        /** This site's value, as it was when the conflict was found. */
        public String mine() {
            return keptIsLocal ? keptValue : otherValue;
        }

        /** The other site's value. */
        public String theirs() {
            return keptIsLocal ? otherValue : keptValue;
        }
    }

    /** One line of the import log. */
    public record ImportEntry(OffsetDateTime at, String actor, String file, String sha256, UUID sender, Integer sequence,
                              String outcome, int created, int changed, int deleted, int conflicts) {
    }

    /** An audit entry as packages carry it. */
    public record AuditEntry(UUID recordId, String table, String action, String field, String oldValue,
                             String newValue, String actor, OffsetDateTime at, UUID site, String version) {
    }

    private final DSLContext ctx;
    private final HybridClock clock;

    SyncStore(DSLContext ctx, HybridClock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    /** The latest local change number: a later export sends what lies beyond it. */
    public long lastChangeSeq() {
        long max = 0;
        for (String kind : SyncKinds.all()) {
            Table<?> table = SyncKinds.table(kind);
            Long m = ctx.select(DSL.max(table.field("CHANGE_SEQ", Long.class))).from(table).fetchOne(0, Long.class);
            max = Math.max(max, m == null ? 0 : m);
        }
        return max;
    }

    /** Every record changed after the given change number, kind by kind, parents first; streamed. */
    public void changesSince(long afterSeq, Consumer<RecordState> sink) {
        for (String kind : SyncKinds.all()) {
            Table<? extends UpdatableRecord<?>> table = SyncKinds.table(kind);
            Field<Long> seq = table.field("CHANGE_SEQ", Long.class);
            try (Cursor<? extends Record> cursor = ctx.selectFrom(table).where(seq.gt(afterSeq)).orderBy(changeOrder(table))
                    .fetchSize(5000).fetchLazy()) {
                for (Record r : cursor) {
                    sink.accept(state(kind, table, r));
                }
            }
        }
    }

    /**
     * A synced row as an export reads it: the current row of a forward-only JDBC cursor, its values
     * read straight from the result when asked for, so that no record or map is built per row.
     */
    public interface ExportRow {
        String kind();

        String id() throws java.io.IOException;

        /** The owning site's id. */
        String owner() throws java.io.IOException;

        String version() throws java.io.IOException;

        boolean deleted() throws java.io.IOException;

        /** The record's fields (its bookkeeping left out), lower-case names in column order. */
        void fields(FieldSink sink) throws java.io.IOException;

        /** The fields that last changed at another version than the record's, by name, as text. */
        void laterFieldVersions(FieldSink sink) throws java.io.IOException;
    }

    /** Receives the values of an {@link ExportRow}, each by the kind of value it is. */
    public interface FieldSink {
        /** Text, or null. */
        void text(String field, String value) throws java.io.IOException;

        void number(String field, long value) throws java.io.IOException;

        void decimal(String field, java.math.BigDecimal value) throws java.io.IOException;

        void bool(String field, boolean value) throws java.io.IOException;

        void none(String field) throws java.io.IOException;
    }

    /** Takes each row of an export. */
    @FunctionalInterface
    public interface ExportSink<T> {
        void accept(T row) throws java.io.IOException;
    }

    /**
     * The rows {@link #changesSince} returns, in the same order, streamed from forward-only JDBC
     * cursors on one connection: what an export writes, at the speed of the database.
     */
    public void exportChangesSince(long afterSeq, ExportSink<ExportRow> sink) throws java.io.IOException {
        streamed(c -> {
            for (String kind : SyncKinds.all()) {
                Table<? extends UpdatableRecord<?>> table = SyncKinds.table(kind);
                var query = ctx.select(table.fields()).from(table).where(table.field("CHANGE_SEQ", Long.class).gt(afterSeq))
                        .orderBy(changeOrder(table));
                try (java.sql.PreparedStatement st = c.prepareStatement(query.getSQL(),
                        java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY)) {
                    List<Object> binds = query.getBindValues();
                    for (int i = 0; i < binds.size(); i++) {
                        st.setObject(i + 1, binds.get(i));
                    }
                    st.setFetchSize(EXPORT_FETCH);
                    try (java.sql.ResultSet rs = st.executeQuery()) {
                        JdbcRow row = new JdbcRow(kind, table, rs);
                        while (rs.next()) {
                            sink.accept(row);
                        }
                    }
                }
            }
        });
    }

    /**
     * Audit entries as a package carries them, streamed from a forward-only JDBC cursor: every
     * entry in one pass when {@code recordIds} is null (a full package), else those of the given
     * records, a thousand records a query.
     */
    public void exportAudit(java.util.Collection<UUID> recordIds, ExportSink<AuditEntry> sink) throws java.io.IOException {
        streamed(c -> {
            String select = "SELECT RECORD_ID, TABLE_NAME, ACTION, FIELD, OLD_VALUE, NEW_VALUE, ACTOR, CHANGED_AT, SITE_ID,"
                    + " VERSION FROM AUDIT_LOG";
            if (recordIds == null) {
                auditRows(c, select + " ORDER BY ID", List.of(), sink);
                return;
            }
            List<UUID> all = new ArrayList<>(recordIds);
            for (int from = 0; from < all.size(); from += 1000) {
                List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 1000));
                auditRows(c, select + " WHERE RECORD_ID IN (" + "?,".repeat(chunk.size() - 1) + "?) ORDER BY ID", chunk, sink);
            }
        });
    }

    private static final int EXPORT_FETCH = 5000;

    private interface JdbcWork {
        void run(java.sql.Connection c) throws java.sql.SQLException, java.io.IOException;
    }

    /** Runs the work on one connection, its queries executed lazily (row by row as read, not first kept whole). */
    private void streamed(JdbcWork work) throws java.io.IOException {
        try {
            ctx.connection(c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
                try {
                    work.run(c);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void auditRows(java.sql.Connection c, String sql, List<UUID> ids, ExportSink<AuditEntry> sink)
            throws java.sql.SQLException, java.io.IOException {
        try (java.sql.PreparedStatement st = c.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                java.sql.ResultSet.CONCUR_READ_ONLY)) {
            for (int i = 0; i < ids.size(); i++) {
                st.setObject(i + 1, ids.get(i));
            }
            st.setFetchSize(EXPORT_FETCH);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String field = rs.getString(4);
                    sink.accept(new AuditEntry(rs.getObject(1, UUID.class), lower(rs.getString(2)), rs.getString(3),
                            field == null ? null : lower(field), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class), rs.getObject(9, UUID.class), rs.getString(10)));
                }
            }
        }
    }

    /**
     * The order a package lists a kind in: parents first (units by level, stations before their
     * health points), else none, so that the table is read as it lies. Which change came first does
     * not matter to the receiver, and the change order jumped about the file at national scale.
     */
    private static List<SortField<?>> changeOrder(Table<?> table) {
        List<SortField<?>> order = new ArrayList<>();
        if (table == ADMIN_UNIT) {
            // A parent unit edited after its children must still arrive first.
            order.add(DSL.case_(ADMIN_UNIT.UNIT_LEVEL).when("PROVINCE", 0).when("DISTRICT", 1).else_(2).asc());
        } else if (table == STATION) {
            order.add(STATION.STATION_KIND.desc());
        }
        return order;
    }

    /** The current row of a result over all columns of a synced table, in the table's column order. */
    private static final class JdbcRow implements ExportRow {
        private static final int TEXT = 0;
        private static final int NUMBER = 1;
        private static final int DECIMAL = 2;
        private static final int BOOL = 3;
        private static final int UUID_TEXT = 4;
        private static final int DATE = 5;
        private static final int TIMESTAMP = 6;

        private final String kind;
        private final java.sql.ResultSet rs;
        /** Column numbers (from 1) of the fields, their lower-case names and kinds of value. */
        private final int[] columns;
        private final String[] names;
        private final int[] types;
        private final int id;
        private final int owner;
        private final int version;
        private final int deleted;
        private final int fieldVersions;

        JdbcRow(String kind, Table<?> table, java.sql.ResultSet rs) {
            this.kind = kind;
            this.rs = rs;
            Field<?>[] all = table.fields();
            int n = 0;
            for (Field<?> f : all) {
                n += ChangeWriter.BOOKKEEPING.contains(f.getName()) ? 0 : 1;
            }
            columns = new int[n];
            names = new String[n];
            types = new int[n];
            int k = 0;
            for (int i = 0; i < all.length; i++) {
                if (!ChangeWriter.BOOKKEEPING.contains(all[i].getName())) {
                    columns[k] = i + 1;
                    names[k] = lower(all[i].getName());
                    types[k] = typeOf(all[i].getType());
                    k++;
                }
            }
            id = column(all, "ID");
            owner = column(all, "SITE_ID");
            version = column(all, "VERSION");
            deleted = column(all, "DELETED");
            fieldVersions = column(all, "FIELD_VERSIONS");
        }

        private static int column(Field<?>[] all, String name) {
            for (int i = 0; i < all.length; i++) {
                if (all[i].getName().equals(name)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(name);
        }

        private static int typeOf(Class<?> type) {
            if (type == String.class) {
                return TEXT;
            } else if (type == Integer.class || type == Long.class) {
                return NUMBER;
            } else if (type == java.math.BigDecimal.class) {
                return DECIMAL;
            } else if (type == Boolean.class) {
                return BOOL;
            } else if (type == UUID.class) {
                return UUID_TEXT;
            } else if (type == java.time.LocalDate.class) {
                return DATE;
            } else if (type == OffsetDateTime.class) {
                return TIMESTAMP;
            }
            throw new IllegalArgumentException("no export for " + type);
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String id() throws java.io.IOException {
            return uuid(id);
        }

        @Override
        public String owner() throws java.io.IOException {
            return uuid(owner);
        }

        @Override
        public String version() throws java.io.IOException {
            try {
                return rs.getString(version);
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException(e);
            }
        }

        @Override
        public boolean deleted() throws java.io.IOException {
            try {
                return rs.getBoolean(deleted);
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException(e);
            }
        }

        private String uuid(int column) throws java.io.IOException {
            try {
                UUID value = rs.getObject(column, UUID.class);
                return value == null ? null : value.toString();
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException(e);
            }
        }

        @Override
        public void fields(FieldSink sink) throws java.io.IOException {
            try {
                for (int i = 0; i < columns.length; i++) {
                    int c = columns[i];
                    String name = names[i];
                    switch (types[i]) {
                        case NUMBER -> {
                            long v = rs.getLong(c);
                            if (rs.wasNull()) {
                                sink.none(name);
                            } else {
                                sink.number(name, v);
                            }
                        }
                        case BOOL -> {
                            boolean v = rs.getBoolean(c);
                            if (rs.wasNull()) {
                                sink.none(name);
                            } else {
                                sink.bool(name, v);
                            }
                        }
                        case DECIMAL -> {
                            java.math.BigDecimal v = rs.getBigDecimal(c);
                            if (v == null) {
                                sink.none(name);
                            } else {
                                sink.decimal(name, v);
                            }
                        }
                        case UUID_TEXT -> sink.text(name, uuid(c));
                        case DATE -> {
                            java.time.LocalDate v = rs.getObject(c, java.time.LocalDate.class);
                            sink.text(name, v == null ? null : v.toString());
                        }
                        case TIMESTAMP -> {
                            OffsetDateTime v = rs.getObject(c, OffsetDateTime.class);
                            sink.text(name, v == null ? null : v.toString());
                        }
                        default -> sink.text(name, rs.getString(c));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException(e);
            }
        }

        @Override
        public void laterFieldVersions(FieldSink sink) throws java.io.IOException {
            String text;
            String rowVersion;
            try {
                text = rs.getString(fieldVersions);
                rowVersion = rs.getString(version);
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException(e);
            }
            // A row from before sync tracking has every field at the row's version: nothing to list.
            if (text != null) {
                for (var e : FieldVersions.parse(text).entrySet()) {
                    if (!e.getValue().equals(rowVersion)) {
                        sink.text(lower(e.getKey()), e.getValue());
                    }
                }
            }
        }
    }

    public Optional<RecordState> find(String kind, UUID id) {
        Table<? extends UpdatableRecord<?>> table = SyncKinds.table(kind);
        Record r = ctx.selectFrom(table).where(table.field("ID", UUID.class).eq(id)).fetchOne();
        return Optional.ofNullable(r).map(row -> state(kind, table, row));
    }

    /** The local records of a kind among the ids, in one query. */
    public Map<UUID, RecordState> findAll(String kind, java.util.Collection<UUID> ids) {
        Table<? extends UpdatableRecord<?>> table = SyncKinds.table(kind);
        Map<UUID, RecordState> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Record r : ctx.selectFrom(table).where(table.field("ID", UUID.class).in(ids)).fetch()) {
            RecordState s = state(kind, table, r);
            out.put(s.id(), s);
        }
        return out;
    }

    /**
     * Writes merged records in batches, parents first as given: new ones inserted, known ones
     * updated, each with a new local change number.
     */
    public void putAll(List<RecordState> states, java.util.Set<UUID> existing) {
        if (states.isEmpty()) {
            return;
        }
        List<Long> seqs = ctx.nextvals(CHANGE_SEQ, states.size());
        Map<String, List<UpdatableRecord<?>>> inserts = new LinkedHashMap<>();
        Map<String, List<UpdatableRecord<?>>> updates = new LinkedHashMap<>();
        java.util.Set<UUID> owners = new java.util.HashSet<>();
        int i = 0;
        for (RecordState state : states) {
            if (owners.add(state.owner())) {
                ensureSite(state.owner());
            }
            UpdatableRecord<?> row = row(state, seqs.get(i++));
            if (existing.contains(state.id())) {
                row.changed(SyncKinds.table(state.kind()).field("ID"), false);
                updates.computeIfAbsent(state.kind(), k -> new ArrayList<>()).add(row);
            } else {
                inserts.computeIfAbsent(state.kind(), k -> new ArrayList<>()).add(row);
            }
        }
        for (String kind : SyncKinds.all()) {
            if (inserts.containsKey(kind)) {
                ctx.batchInsert(inserts.get(kind).stream().map(r -> (org.jooq.TableRecord<?>) r).toList()).execute();
            }
            if (updates.containsKey(kind)) {
                for (UpdatableRecord<?> row : updates.get(kind)) {
                    row.attach(ctx.configuration());
                    row.changed(true);
                    row.changed(row.getTable().field("ID"), false);
                }
                ctx.batchUpdate(updates.get(kind)).execute();
            }
        }
    }

    private UpdatableRecord<?> row(RecordState state, long changeSeq) {
        Table<? extends UpdatableRecord<?>> table = SyncKinds.table(state.kind());
        UpdatableRecord<?> row = ctx.newRecord(table);
        for (Field<?> f : table.fields()) {
            String name = f.getName();
            if (!ChangeWriter.BOOKKEEPING.contains(name)) {
                set(row, f, state.fields().get(name.toLowerCase(Locale.ROOT)));
            }
        }
        Map<String, String> versions = new java.util.TreeMap<>();
        Hlc max = Hlc.parse(state.version());
        for (var e : state.fieldVersions().entrySet()) {
            versions.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue());
        }
        clock.observe(max);
        row.set(table.field("ID", UUID.class), state.id());
        row.set(table.field("SITE_ID", UUID.class), state.owner());
        row.set(table.field("VERSION", String.class), state.version());
        row.set(table.field("UPDATED_AT", OffsetDateTime.class),
                OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(max.millis()), java.time.ZoneOffset.UTC));
        row.set(table.field("DELETED", Boolean.class), state.deleted());
        row.set(table.field("FIELD_VERSIONS", String.class), FieldVersions.format(versions));
        row.set(table.field("CHANGE_SEQ", Long.class), changeSeq);
        return row;
    }

    /**
     * Adds audit entries a package carried, once each, in batches. Returns, for the records this
     * site already had (they have local audit), the versions the sender's entries show it had seen.
     */
    public AuditBatch addAuditBatch(List<AuditEntry> entries) {
        Map<UUID, Map<String, java.util.Set<String>>> known = new java.util.HashMap<>();
        Map<UUID, java.util.Set<String>> before = new java.util.HashMap<>();
        if (entries.isEmpty()) {
            return new AuditBatch(known, before);
        }
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        entries.forEach(e -> ids.add(e.recordId()));
        java.util.Set<String> local = new java.util.HashSet<>();
        java.util.Set<UUID> withHistory = new java.util.HashSet<>();
        for (var r : ctx.select(AUDIT_LOG.RECORD_ID, AUDIT_LOG.VERSION, AUDIT_LOG.FIELD, AUDIT_LOG.ACTION).from(AUDIT_LOG)
                .where(AUDIT_LOG.RECORD_ID.in(ids)).fetch()) {
            withHistory.add(r.value1());
            local.add(r.value1() + "/" + r.value2() + "/" + r.value3() + "/" + r.value4());
            before.computeIfAbsent(r.value1(), k -> new java.util.HashSet<>())
                    .add(("CREATE".equals(r.value4()) ? "*" : String.valueOf(r.value3()).toLowerCase(Locale.ROOT)) + "/" + r.value2());
        }
        List<AuditLogRecord> fresh = new ArrayList<>();
        for (AuditEntry e : entries) {
            if (withHistory.contains(e.recordId())) {
                known.computeIfAbsent(e.recordId(), k -> new java.util.HashMap<>())
                        .computeIfAbsent(e.field() == null ? "*" : e.field().toLowerCase(Locale.ROOT), k -> new java.util.HashSet<>())
                        .add(e.version());
            }
            if (local.add(e.recordId() + "/" + e.version() + "/" + e.field() + "/" + e.action())) {
                AuditLogRecord r = ctx.newRecord(AUDIT_LOG);
                r.setRecordId(e.recordId());
                r.setTableName(e.table());
                r.setAction(e.action());
                r.setField(e.field());
                r.setOldValue(e.oldValue());
                r.setNewValue(e.newValue());
                r.setActor(e.actor());
                r.setChangedAt(e.at());
                r.setSiteId(e.site());
                r.setVersion(e.version());
                fresh.add(r);
            }
        }
        if (!fresh.isEmpty()) {
            ctx.batchInsert(fresh).execute();
        }
        return new AuditBatch(known, before);
    }

    /** The newest audit entry's number: what an import must not count as seen before it. */
    public long lastAuditId() {
        Long max = ctx.select(DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /**
     * What a batch of a package's audit entries tells, writing nothing: as {@link #addAuditBatch},
     * but counting only this site's audit up to entry {@code upToId}, so that entries an import has
     * already stored do not count as seen before it (the preview and the apply agree).
     */
    public AuditBatch auditKnown(List<AuditEntry> entries, long upToId) {
        Map<UUID, Map<String, java.util.Set<String>>> known = new java.util.HashMap<>();
        Map<UUID, java.util.Set<String>> before = new java.util.HashMap<>();
        if (entries.isEmpty()) {
            return new AuditBatch(known, before);
        }
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        entries.forEach(e -> ids.add(e.recordId()));
        for (var r : ctx.select(AUDIT_LOG.RECORD_ID, AUDIT_LOG.VERSION, AUDIT_LOG.FIELD, AUDIT_LOG.ACTION).from(AUDIT_LOG)
                .where(AUDIT_LOG.RECORD_ID.in(ids)).and(AUDIT_LOG.ID.le(upToId)).fetch()) {
            before.computeIfAbsent(r.value1(), k -> new java.util.HashSet<>())
                    .add(("CREATE".equals(r.value4()) ? "*" : String.valueOf(r.value3()).toLowerCase(Locale.ROOT)) + "/" + r.value2());
        }
        for (AuditEntry e : entries) {
            if (before.containsKey(e.recordId())) {
                known.computeIfAbsent(e.recordId(), k -> new java.util.HashMap<>())
                        .computeIfAbsent(e.field() == null ? "*" : e.field().toLowerCase(Locale.ROOT), k -> new java.util.HashSet<>())
                        .add(e.version());
            }
        }
        return new AuditBatch(known, before);
    }

    /** Which of the ids a kind's table holds (deleted ones too), in one query. */
    public java.util.Set<UUID> present(String kind, java.util.Collection<UUID> ids) {
        Table<? extends UpdatableRecord<?>> table = SyncKinds.table(kind);
        Field<UUID> id = table.field("ID", UUID.class);
        return ids.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(ctx.select(id).from(table).where(id.in(ids)).fetch(id));
    }

    /**
     * What a batch of incoming audit entries told: for records this site had, the versions the
     * sender had seen (by field, "*" for creation) and the versions this site had seen before the
     * import ("field/version" or "*&#47;version").
     */
    public record AuditBatch(Map<UUID, Map<String, java.util.Set<String>>> sender, Map<UUID, java.util.Set<String>> local) {
    }

    private static final Map<String, String> LOWER = new java.util.concurrent.ConcurrentHashMap<>();

    private static String lower(String name) {
        return LOWER.computeIfAbsent(name, k -> k.toLowerCase(Locale.ROOT));
    }

    private static RecordState state(String kind, Table<?> table, Record r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Field<?>[] all = r.fields();
        for (int i = 0; i < all.length; i++) {
            String name = all[i].getName();
            if (!ChangeWriter.BOOKKEEPING.contains(name)) {
                fields.put(lower(name), r.get(i));
            }
        }
        Map<String, String> versions = new LinkedHashMap<>();
        ChangeWriter.versionsOf(table, r).forEach((k, v) -> versions.put(lower(k), v));
        return new RecordState(kind, r.get(table.field("ID", UUID.class)), r.get(table.field("SITE_ID", UUID.class)),
                r.get(table.field("VERSION", String.class)), Boolean.TRUE.equals(r.get(table.field("DELETED", Boolean.class))),
                fields, versions);
    }

    /**
     * Makes sure a record's owning site has a row: a site met only through the records a third
     * site relayed is known by its id until it sends a package itself.
     */
    public void ensureSite(UUID site) {
        var t = vn.ytcs.core.store.jooq.Tables.SITE;
        if (!ctx.fetchExists(t, t.ID.eq(site))) {
            ctx.insertInto(t, t.ID, t.NAME, t.ROLE, t.IS_LOCAL, t.TRUSTED, t.CREATED_AT)
                    .values(site, site.toString(), "DISTRICT", false, false, OffsetDateTime.now()).execute();
        }
    }

    /**
     * Writes a merged record as it is (its owner, versions and field versions), with a new local
     * change number so that it travels on to other sites; the local clock moves past its versions.
     */
    public void put(RecordState state) {
        ensureSite(state.owner());
        Table<? extends UpdatableRecord<?>> table = SyncKinds.table(state.kind());
        state.fieldVersions().values().forEach(this::observe);
        UpdatableRecord<?> row = row(state, ctx.nextval(CHANGE_SEQ));
        if (ctx.fetchExists(table, table.field("ID", UUID.class).eq(state.id()))) {
            row.changed(table.field("ID"), false);
            ctx.update(table).set(row).where(table.field("ID", UUID.class).eq(state.id())).execute();
        } else {
            ctx.insertInto(table).set(row).execute();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record row, Field<T> field, Object value) {
        row.set(field, (T) value);
    }

    /** Whether this site has seen the version of a record's field (its audit knows it, or the record was created at it). */
    public boolean seen(UUID recordId, String field, String version) {
        return ctx.fetchExists(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(recordId).and(AUDIT_LOG.VERSION.eq(version))
                .and(AUDIT_LOG.FIELD.eq(field.toUpperCase(Locale.ROOT)).or(AUDIT_LOG.ACTION.eq("CREATE"))));
    }

    /** Adds audit entries, once each. */
    public void addAudit(List<AuditEntry> entries) {
        addAuditBatch(entries);
    }

    /** Keeps a conflict, once: the same value kept aside again (a package sent twice) adds nothing. Returns whether it was new. */
    public boolean addConflict(Conflict c) {
        if (ctx.fetchExists(SYNC_CONFLICT, SYNC_CONFLICT.RECORD_ID.eq(c.recordId()).and(SYNC_CONFLICT.FIELD.eq(c.field()))
                .and(SYNC_CONFLICT.OTHER_VERSION.eq(c.otherVersion())).and(SYNC_CONFLICT.RESOLVED_AT.isNull()))) {
            return false;
        }
        SyncConflictRecord r = ctx.newRecord(SYNC_CONFLICT);
        r.setId(c.id());
        r.setDetectedAt(c.detectedAt());
        r.setRecordKind(c.kind());
        r.setRecordId(c.recordId());
        r.setField(c.field());
        r.setKeptValue(c.keptValue());
        r.setKeptVersion(c.keptVersion());
        r.setOtherValue(c.otherValue());
        r.setOtherVersion(c.otherVersion());
        r.setOtherSite(c.otherSite());
        r.setPackageFile(c.packageFile());
        r.setKeptIsLocal(c.keptIsLocal());
        r.insert();
        return true;
    }

    /** Conflicts, the open ones only or all, oldest first. */
    public List<Conflict> conflicts(boolean openOnly) {
        return ctx.selectFrom(SYNC_CONFLICT)
                .where(openOnly ? SYNC_CONFLICT.RESOLVED_AT.isNull() : DSL.trueCondition())
                .orderBy(SYNC_CONFLICT.DETECTED_AT, SYNC_CONFLICT.ID)
                .fetch(r -> new Conflict(r.getId(), r.getDetectedAt(), r.getRecordKind(), r.getRecordId(), r.getField(),
                        r.getKeptValue(), r.getKeptVersion(), r.getOtherValue(), r.getOtherVersion(), r.getOtherSite(),
                        r.getPackageFile(), r.getResolvedAt(), r.getResolution(), r.getKeptIsLocal()));
    }

    public void markResolved(UUID conflict, String resolution) {
        ctx.update(SYNC_CONFLICT).set(SYNC_CONFLICT.RESOLVED_AT, OffsetDateTime.now())
                .set(SYNC_CONFLICT.RESOLUTION, resolution).where(SYNC_CONFLICT.ID.eq(conflict)).execute();
    }

    public void log(ImportEntry e) {
        ImportLogRecord r = ctx.newRecord(IMPORT_LOG);
        r.setImportedAt(e.at());
        r.setActor(e.actor());
        r.setFileName(e.file());
        r.setSha256(e.sha256());
        r.setSender(e.sender());
        r.setSequence(e.sequence());
        r.setOutcome(e.outcome());
        r.setCreated(e.created());
        r.setChanged(e.changed());
        r.setDeleted(e.deleted());
        r.setConflicts(e.conflicts());
        r.insert();
    }

    public List<ImportEntry> importLog() {
        return ctx.selectFrom(IMPORT_LOG).orderBy(IMPORT_LOG.ID).fetch(r -> new ImportEntry(r.getImportedAt(), r.getActor(),
                r.getFileName(), r.getSha256(), r.getSender(), r.getSequence(), r.getOutcome(), r.getCreated(),
                r.getChanged(), r.getDeleted(), r.getConflicts()));
    }

    /**
     * A package this site wrote: what it covered, for the next incremental export.
     *
     * @param sha256 the payload hash; null while the package is being written, or when its export was cut off
     */
    public record Outgoing(UUID receiver, int sequence, OffsetDateTime created, long highWater, boolean full,
                           String file, String sha256) {
    }

    public void addOutgoing(Outgoing o) {
        var r = ctx.newRecord(vn.ytcs.core.store.jooq.Tables.OUTGOING_PACKAGE);
        r.setReceiver(o.receiver());
        r.setSequence(o.sequence());
        r.setCreatedAt(o.created());
        r.setHighWater(o.highWater());
        r.setFullExport(o.full());
        r.setFileName(o.file());
        r.setSha256(o.sha256());
        r.insert();
    }

    /** The package written last to any of the receivers (by sequence), finished or not. */
    public Optional<Outgoing> lastOutgoing(java.util.Collection<UUID> receivers) {
        var t = vn.ytcs.core.store.jooq.Tables.OUTGOING_PACKAGE;
        return ctx.selectFrom(t).where(t.RECEIVER.in(receivers)).orderBy(t.SEQUENCE.desc()).limit(1)
                .fetchOptional(SyncStore::outgoing);
    }

    /** The package of that sequence written to the receiver, if this site wrote one. */
    public Optional<Outgoing> outgoing(UUID receiver, int sequence) {
        var t = vn.ytcs.core.store.jooq.Tables.OUTGOING_PACKAGE;
        return ctx.selectFrom(t).where(t.RECEIVER.eq(receiver)).and(t.SEQUENCE.eq(sequence)).fetchOptional(SyncStore::outgoing);
    }

    private static Outgoing outgoing(vn.ytcs.core.store.jooq.tables.records.OutgoingPackageRecord r) {
        return new Outgoing(r.getReceiver(), r.getSequence(), r.getCreatedAt(), r.getHighWater(), r.getFullExport(),
                r.getFileName(), r.getSha256());
    }

    /** Records that a reserved package is complete: its file is in place and reads back as signed. */
    public void completeOutgoing(UUID receiver, int sequence, String sha256) {
        var t = vn.ytcs.core.store.jooq.Tables.OUTGOING_PACKAGE;
        ctx.update(t).set(t.SHA256, sha256).where(t.RECEIVER.eq(receiver)).and(t.SEQUENCE.eq(sequence)).execute();
    }

    /** Gives back a reserved number whose file never appeared. */
    public void removeOutgoing(UUID receiver, int sequence) {
        var t = vn.ytcs.core.store.jooq.Tables.OUTGOING_PACKAGE;
        ctx.deleteFrom(t).where(t.RECEIVER.eq(receiver)).and(t.SEQUENCE.eq(sequence)).and(t.SHA256.isNull()).execute();
    }

    /** The local change number covered by a package sent to the receiver; 0 when there is none. */
    public long highWater(UUID receiver, int sequence) {
        var t = vn.ytcs.core.store.jooq.Tables.OUTGOING_PACKAGE;
        Long hw = ctx.select(t.HIGH_WATER).from(t).where(t.RECEIVER.eq(receiver)).and(t.SEQUENCE.eq(sequence))
                .fetchOne(t.HIGH_WATER);
        return hw == null ? 0 : hw;
    }

    /** Moves the local clock past a version seen elsewhere. */
    public void observe(String version) {
        clock.observe(Hlc.parse(version));
    }

    /** A new version for a change sync makes itself (the owner's value restored after a conflict). */
    public String nextVersion() {
        return clock.next().toString();
    }
}
