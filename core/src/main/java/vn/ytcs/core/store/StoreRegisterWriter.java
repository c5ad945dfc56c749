// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.Optional;
import java.util.UUID;
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
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT_ANSWER;
import static vn.ytcs.core.store.jooq.Tables.APP_META;
import static vn.ytcs.core.store.jooq.Tables.COMMUNE_YEAR;
import static vn.ytcs.core.store.jooq.Tables.HAMLET;
import static vn.ytcs.core.store.jooq.Tables.HAMLET_WORKER;
import static vn.ytcs.core.store.jooq.Tables.STAFF;
import static vn.ytcs.core.store.jooq.Tables.STATION;
import static vn.ytcs.core.store.jooq.Tables.TARGET;
import static vn.ytcs.core.store.jooq.Tables.UNIT_SUCCESSION;

final class StoreRegisterWriter implements RegisterWriter {

    private final DSLContext ctx;
    private final ChangeWriter changes;

    private final SyncStore sync;
    private final vn.ytcs.core.site.SiteService sites;

    StoreRegisterWriter(DSLContext ctx, ChangeWriter changes, SyncStore sync, vn.ytcs.core.site.SiteService sites) {
        this.sites = sites;
        this.ctx = ctx;
        this.changes = changes;
        this.sync = sync;
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
    public void save(Unit unit) {
        changes.save(ADMIN_UNIT, Mapping.row(ctx, unit));
    }

    @Override
    public void save(UnitSuccession succession) {
        changes.save(UNIT_SUCCESSION, Mapping.row(ctx, succession));
    }

    @Override
    public void save(Station station) {
        changes.save(STATION, Mapping.row(ctx, station));
    }

    @Override
    public void save(StaffMember member) {
        changes.save(STAFF, Mapping.row(ctx, member));
    }

    @Override
    public void save(Hamlet hamlet) {
        changes.save(HAMLET, Mapping.row(ctx, hamlet));
    }

    @Override
    public void save(HamletWorker worker) {
        changes.save(HAMLET_WORKER, Mapping.row(ctx, worker));
    }

    @Override
    public void save(CommuneYear figures) {
        changes.save(COMMUNE_YEAR, Mapping.row(ctx, figures));
    }

    @Override
    public void save(Assessment assessment) {
        changes.save(ASSESSMENT, Mapping.row(ctx, assessment));
    }

    @Override
    public void save(AssessmentAnswer answer) {
        changes.save(ASSESSMENT_ANSWER, Mapping.row(ctx, answer));
    }

    @Override
    public void save(vn.ytcs.core.directive.Target target) {
        changes.save(TARGET, Mapping.row(ctx, target));
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
    public void createAll(java.util.List<?> records) {
        java.util.List<org.jooq.UpdatableRecord<?>> rows = new java.util.ArrayList<>(records.size());
        for (Object r : records) {
            rows.add(row(r));
        }
        changes.createAll(rows);
    }

    private org.jooq.UpdatableRecord<?> row(Object r) {
        if (r instanceof Unit u) {
            return Mapping.row(ctx, u);
        } else if (r instanceof UnitSuccession s) {
            return Mapping.row(ctx, s);
        } else if (r instanceof Station s) {
            return Mapping.row(ctx, s);
        } else if (r instanceof StaffMember m) {
            return Mapping.row(ctx, m);
        } else if (r instanceof Hamlet h) {
            return Mapping.row(ctx, h);
        } else if (r instanceof HamletWorker w) {
            return Mapping.row(ctx, w);
        } else if (r instanceof CommuneYear y) {
            return Mapping.row(ctx, y);
        } else if (r instanceof Assessment a) {
            return Mapping.row(ctx, a);
        } else if (r instanceof AssessmentAnswer a) {
            return Mapping.row(ctx, a);
        }
        throw new IllegalArgumentException("not a register record: " + r.getClass().getName());
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
    public void delete(RecordKind kind, UUID id) {
        switch (kind) {
            case UNIT -> changes.delete(ADMIN_UNIT, id);
            case SUCCESSION -> changes.delete(UNIT_SUCCESSION, id);
            case STATION -> changes.delete(STATION, id);
            case STAFF -> changes.delete(STAFF, id);
            case HAMLET -> changes.delete(HAMLET, id);
            case HAMLET_WORKER -> changes.delete(HAMLET_WORKER, id);
            case COMMUNE_YEAR -> changes.delete(COMMUNE_YEAR, id);
            case ASSESSMENT -> changes.delete(ASSESSMENT, id);
            case ASSESSMENT_ANSWER -> changes.delete(ASSESSMENT_ANSWER, id);
        }
    }
}
