// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.Parents;
import vn.ytcs.core.record.RecordContext;
import vn.ytcs.core.record.RecordKind;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import org.jooq.DSLContext;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitSuccession;

import static vn.ytcs.core.store.jooq.Tables.ADMIN_UNIT;
import static vn.ytcs.core.store.jooq.Tables.APP_META;
import static vn.ytcs.core.store.jooq.Tables.TARGET;

final class StoreRegisterWriter implements RegisterWriter {

    private final DSLContext ctx;
    private final ChangeWriter changes;

    private final SyncStore sync;
    private final vn.ytcs.core.site.SiteService sites;
    /** What a record is checked against: the records of this transaction, the catalogs of the store. */
    private final RecordContext context;

    StoreRegisterWriter(DSLContext ctx, ChangeWriter changes, SyncStore sync, vn.ytcs.core.site.SiteService sites,
                        Supplier<Catalogs> catalogs) {
        this.sites = sites;
        this.ctx = ctx;
        this.changes = changes;
        this.sync = sync;
        this.context = new RecordContext(storeParents(sync), catalogs);
    }

    /** Live records of this transaction as field maps (tombstones are no parents). */
    static Parents storeParents(SyncStore sync) {
        return (kind, id) -> sync.find(kind, id).filter(s -> !s.deleted()).map(RecordState::fields);
    }

    /** Checks the record against its kind's rules, then creates it or changes what differs. */
    private <T> void write(T record) {
        RecordKind<T> kind = RecordKinds.of(record);
        saveValues(kind, kind.idOf(record), kind.values(record));
    }

    @Override
    public void saveValues(RecordKind<?> kind, UUID id, Map<String, Object> values) {
        refuseBroken(kind.check(id, values, context));
        changes.save(Mapping.row(ctx, kind, id, values));
    }

    private static void refuseBroken(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new StoreException(problems);
        }
    }

    @Override
    public vn.ytcs.core.site.SiteService sites() {
        return sites;
    }

    @Override
    public SyncStore sync() {
        return sync;
    }

    @Override
    public void saveRecord(Object record) {
        write(record);
    }

    @Override
    public void save(Unit unit) {
        write(unit);
    }

    @Override
    public void save(UnitSuccession succession) {
        write(succession);
    }

    @Override
    public void save(Station station) {
        write(station);
    }

    @Override
    public void save(StaffMember member) {
        write(member);
    }

    @Override
    public void save(Hamlet hamlet) {
        write(hamlet);
    }

    @Override
    public void save(HamletWorker worker) {
        write(worker);
    }

    @Override
    public void save(CommuneYear figures) {
        write(figures);
    }

    @Override
    public void save(Assessment assessment) {
        write(assessment);
    }

    @Override
    public void save(AssessmentAnswer answer) {
        write(answer);
    }

    @Override
    public void save(vn.ytcs.core.directive.Target target) {
        write(target);
    }

    @Override
    public int replaceTargets(java.util.List<vn.ytcs.core.directive.Target> targets) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        targets.forEach(t -> kept.add(t.code()));
        int removed = 0;
        for (var row : ctx.selectFrom(TARGET).where(TARGET.DELETED.isFalse()).fetch()) {
            if (!kept.contains(row.getCode()) && changes.delete(TARGET, row.getId())) {
                removed++;
            }
        }
        targets.forEach(this::save);
        return removed;
    }

    @Override
    public void createAll(List<?> records) {
        // A record's parent may come in the same batch: they are found here before the database.
        Map<UUID, Map<String, Object>> batch = new HashMap<>();
        List<RecordKind<Object>> kinds = new ArrayList<>(records.size());
        List<UUID> ids = new ArrayList<>(records.size());
        List<Map<String, Object>> values = new ArrayList<>(records.size());
        for (Object r : records) {
            RecordKind<Object> kind = RecordKinds.of(r);
            UUID id = kind.idOf(r);
            Map<String, Object> v = kind.values(r);
            kinds.add(kind);
            ids.add(id);
            values.add(v);
            if (id != null) {
                batch.put(id, v);
            }
        }
        RecordContext inBatch = new RecordContext(((Parents) (kind, id) -> Optional.ofNullable(batch.get(id)))
                .or(context.parents().cached()), context.catalogs());
        List<FieldProblem> problems = new ArrayList<>();
        List<org.jooq.UpdatableRecord<?>> rows = new ArrayList<>(records.size());
        for (int i = 0; i < kinds.size(); i++) {
            problems.addAll(kinds.get(i).check(ids.get(i), values.get(i), inBatch));
            rows.add(Mapping.row(ctx, kinds.get(i), ids.get(i), values.get(i)));
        }
        refuseBroken(problems);
        changes.createAll(rows);
    }

    @Override
    public int unitCount() {
        return ctx.fetchCount(ADMIN_UNIT, ADMIN_UNIT.DELETED.isFalse());
    }

    @Override
    public Optional<String> meta(String key) {
        return Optional.ofNullable(ctx.select(APP_META.META_VALUE).from(APP_META).where(APP_META.META_KEY.eq(key))
                .fetchOne(APP_META.META_VALUE));
    }

    @Override
    public void putMeta(String key, String value) {
        ctx.mergeInto(APP_META).using(ctx.selectOne())
                .on(APP_META.META_KEY.eq(key))
                .whenMatchedThenUpdate().set(APP_META.META_VALUE, value)
                .whenNotMatchedThenInsert(APP_META.META_KEY, APP_META.META_VALUE).values(key, value)
                .execute();
    }

    @Override
    public void delete(RecordKind<?> kind, UUID id) {
        changes.delete(kind.name(), id);
    }
}
