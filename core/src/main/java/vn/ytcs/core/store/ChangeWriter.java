// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.change.HybridClock;
import vn.ytcs.core.store.jooq.tables.records.AuditLogRecord;

import static vn.ytcs.core.store.jooq.Sequences.CHANGE_SEQ;
import static vn.ytcs.core.store.jooq.Tables.AUDIT_LOG;

/**
 * The one place where synced rows are created, changed and deleted: stamps site, version and
 * time, and writes the audit trail. Every synced table has the columns ID, SITE_ID, VERSION,
 * UPDATED_AT and DELETED. The rows it is given hold stored values that passed their kind's
 * rules ({@link vn.ytcs.core.record.RecordKind}); see {@link StoreRegisterWriter}.
 */
final class ChangeWriter {

    /** Columns every synced table has, kept by this class; the rest are the record's fields. */
    static final Set<String> BOOKKEEPING = Set.of("ID", "SITE_ID", "VERSION", "UPDATED_AT", "DELETED", "CHANGE_SEQ",
            "FIELD_VERSIONS");

    private final DSLContext ctx;
    private final HybridClock clock;
    private final UUID site;
    private final String actor;

    ChangeWriter(DSLContext ctx, HybridClock clock, UUID site, String actor) {
        this.ctx = ctx;
        this.clock = clock;
        this.site = site;
        this.actor = actor;
    }

    /** Creates the row, or updates the fields of the existing row that differ from {@code incoming}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void save(UpdatableRecord<?> incoming) {
        save((Table) incoming.getTable(), (UpdatableRecord) incoming);
    }

    private <R extends UpdatableRecord<R>> void save(Table<R> table, R incoming) {
        Field<UUID> id = uuidField(table, "ID");
        UUID recordId = Objects.requireNonNull(incoming.get(id), "id");
        R existing = ctx.selectFrom(table).where(id.eq(recordId)).fetchOne();
        Hlc version = clock.next();
        OffsetDateTime now = now(version);
        if (existing == null) {
            incoming.set(uuidField(table, "SITE_ID"), site);
            stamp(table, incoming, version, now, allFields(table, version), ctx.nextval(CHANGE_SEQ));
            incoming.set(booleanField(table, "DELETED"), false);
            ctx.executeInsert(incoming);
            audit(table, recordId, "CREATE", null, null, null, version, null, now);
            return;
        }
        java.util.TreeMap<String, String> versions = versionsOf(table, existing);
        boolean changed = false;
        for (Field<?> f : table.fields()) {
            if (BOOKKEEPING.contains(f.getName())) {
                continue;
            }
            Object before = existing.get(f);
            Object after = incoming.get(f);
            if (!Objects.equals(before, after)) {
                audit(table, recordId, "UPDATE", f.getName(), before, after, version, versions.get(f.getName()), now);
                copy(f, incoming, existing);
                versions.put(f.getName(), version.toString());
                changed = true;
            }
        }
        if (Boolean.TRUE.equals(existing.get(booleanField(table, "DELETED")))) {
            existing.set(booleanField(table, "DELETED"), false);
            audit(table, recordId, "UPDATE", "DELETED", true, false, version, versions.get("DELETED"), now);
            versions.put("DELETED", version.toString());
            changed = true;
        }
        if (changed) {
            stamp(table, existing, version, now, versions, ctx.nextval(CHANGE_SEQ));
            ctx.executeUpdate(existing);
        }
    }

    /** Every field of a new row at its creation version. */
    private static java.util.TreeMap<String, String> allFields(Table<?> table, Hlc version) {
        java.util.TreeMap<String, String> versions = new java.util.TreeMap<>();
        for (Field<?> f : table.fields()) {
            if (!BOOKKEEPING.contains(f.getName())) {
                versions.put(f.getName(), version.toString());
            }
        }
        versions.put("DELETED", version.toString());
        return versions;
    }

    /** The field versions of a row; a row from before sync tracking has every field at the row's version. */
    static java.util.TreeMap<String, String> versionsOf(Table<?> table, org.jooq.Record row) {
        java.util.TreeMap<String, String> versions = FieldVersions.parse(row.get(table.field("FIELD_VERSIONS", String.class)));
        if (versions.isEmpty()) {
            String rowVersion = row.get(table.field("VERSION", String.class));
            for (Field<?> f : table.fields()) {
                if (!BOOKKEEPING.contains(f.getName())) {
                    versions.put(f.getName(), rowVersion);
                }
            }
            versions.put("DELETED", rowVersion);
        }
        return versions;
    }

    /**
     * Creates many new rows in batches, with their audit rows: the fast path for loading data
     * known to be new (a record that exists already fails the whole transaction).
     */
    void createAll(List<? extends UpdatableRecord<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<org.jooq.TableRecord<?>> audit = new java.util.ArrayList<>(rows.size());
        List<Long> seqs = ctx.nextvals(CHANGE_SEQ, rows.size());
        int i = 0;
        for (UpdatableRecord<?> row : rows) {
            Table<?> table = row.getTable();
            Hlc version = clock.next();
            OffsetDateTime now = now(version);
            row.set(uuidField(table, "SITE_ID"), site);
            row.set(booleanField(table, "DELETED"), false);
            stamp(table, row, version, now, allFields(table, version), seqs.get(i++));
            audit.add(auditRow(table, row.get(uuidField(table, "ID")), "CREATE", null, null, null, version, null, now));
        }
        ctx.batchInsert(rows).execute();
        ctx.batchInsert(audit).execute();
    }

    /** Turns the record of the kind into a tombstone. Returns false when there was no live record. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean delete(String kind, UUID recordId) {
        return delete((Table) SyncKinds.table(kind), recordId);
    }

    /** Turns the row into a tombstone. Returns false when there was no live row. */
    <R extends UpdatableRecord<R>> boolean delete(Table<R> table, UUID recordId) {
        Field<UUID> id = uuidField(table, "ID");
        R existing = ctx.selectFrom(table).where(id.eq(recordId)).fetchOne();
        if (existing == null || Boolean.TRUE.equals(existing.get(booleanField(table, "DELETED")))) {
            return false;
        }
        Hlc version = clock.next();
        OffsetDateTime now = now(version);
        java.util.TreeMap<String, String> versions = versionsOf(table, existing);
        String before = versions.put("DELETED", version.toString());
        existing.set(booleanField(table, "DELETED"), true);
        stamp(table, existing, version, now, versions, ctx.nextval(CHANGE_SEQ));
        ctx.executeUpdate(existing);
        audit(table, recordId, "DELETE", "DELETED", false, true, version, before, now);
        return true;
    }

    private static <T> void copy(Field<T> f, org.jooq.Record from, org.jooq.Record to) {
        to.set(f, from.get(f));
    }

    private static void stamp(Table<?> table, org.jooq.Record row, Hlc version, OffsetDateTime now,
                              java.util.Map<String, String> versions, long changeSeq) {
        row.set(table.field("VERSION", String.class), version.toString());
        row.set(table.field("UPDATED_AT", OffsetDateTime.class), now);
        row.set(table.field("FIELD_VERSIONS", String.class), FieldVersions.format(versions));
        row.set(table.field("CHANGE_SEQ", Long.class), changeSeq);
    }

    private static OffsetDateTime now(Hlc version) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(version.millis()), ZoneOffset.UTC);
    }

    private void audit(Table<?> table, UUID recordId, String action, String field, Object before, Object after,
                       Hlc version, String basedOn, OffsetDateTime now) {
        auditRow(table, recordId, action, field, before, after, version, basedOn, now).insert();
    }

    private AuditLogRecord auditRow(Table<?> table, UUID recordId, String action, String field, Object before,
                                    Object after, Hlc version, String basedOn, OffsetDateTime now) {
        AuditLogRecord row = ctx.newRecord(AUDIT_LOG);
        row.setChangedAt(now);
        row.setActor(actor);
        row.setSiteId(site);
        row.setTableName(table.getName());
        row.setRecordId(recordId);
        row.setAction(action);
        row.setField(field);
        row.setOldValue(text(before));
        row.setNewValue(text(after));
        row.setVersion(version.toString());
        row.setBasedOn(basedOn);
        return row;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Field<UUID> uuidField(Table<?> table, String name) {
        return Objects.requireNonNull(table.field(name, UUID.class), name);
    }

    private static Field<Boolean> booleanField(Table<?> table, String name) {
        return Objects.requireNonNull(table.field(name, Boolean.class), name);
    }
}
