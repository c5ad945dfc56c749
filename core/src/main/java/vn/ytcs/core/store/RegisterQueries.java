// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.figures.FiguresService;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletService;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.staff.StaffService;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.station.StationService;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitService;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitTree;

import static vn.ytcs.core.store.jooq.Tables.ADMIN_UNIT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT_ANSWER;
import static vn.ytcs.core.store.jooq.Tables.COMMUNE_YEAR;
import static vn.ytcs.core.store.jooq.Tables.HAMLET;
import static vn.ytcs.core.store.jooq.Tables.HAMLET_WORKER;
import static vn.ytcs.core.store.jooq.Tables.STAFF;
import static vn.ytcs.core.store.jooq.Tables.STATION;
import static vn.ytcs.core.store.jooq.Tables.UNIT_SUCCESSION;

/** Read side of the register: live rows only (tombstones are never returned). */
final class RegisterQueries implements UnitService, StationService, StaffService, HamletService, FiguresService,
        AssessmentService {

    /** Vietnamese lists sort people by given name (the last word), then by the whole name. */
    private static final Comparator<StaffMember> STAFF_ORDER = VietText.<StaffMember>order(m -> givenName(m.fullName()))
            .thenComparing(VietText.order(StaffMember::fullName));

    private final DSLContext ctx;

    RegisterQueries(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LocalDate defaultAsOf(LocalDate today) {
        boolean any = ctx.fetchExists(ADMIN_UNIT, ADMIN_UNIT.DELETED.isFalse().and(validOn(today)));
        if (any) {
            return today;
        }
        LocalDate lastEnd = ctx.select(DSL.max(ADMIN_UNIT.VALID_TO)).from(ADMIN_UNIT)
                .where(ADMIN_UNIT.DELETED.isFalse()).and(ADMIN_UNIT.VALID_TO.le(today))
                .fetchOne(0, LocalDate.class);
        return lastEnd == null ? today : lastEnd.minusDays(1);
    }

    private static Condition validOn(LocalDate day) {
        return ADMIN_UNIT.VALID_FROM.le(day).and(ADMIN_UNIT.VALID_TO.isNull().or(ADMIN_UNIT.VALID_TO.gt(day)));
    }

    @Override
    public UnitTree tree(LocalDate asOf) {
        return new UnitTree(ctx.selectFrom(ADMIN_UNIT)
                .where(ADMIN_UNIT.DELETED.isFalse())
                .and(validOn(asOf))
                .fetch(Mapping::unit));
    }

    @Override
    public Optional<Unit> byCode(String code, LocalDate asOf) {
        return ctx.selectFrom(ADMIN_UNIT)
                .where(ADMIN_UNIT.DELETED.isFalse())
                .and(ADMIN_UNIT.CODE.equalIgnoreCase(code.trim()))
                .and(validOn(asOf))
                .fetchOptional(Mapping::unit);
    }

    @Override
    public List<UnitSuccession> successions(Unit unit) {
        return ctx.selectFrom(UNIT_SUCCESSION)
                .where(UNIT_SUCCESSION.DELETED.isFalse())
                .and(UNIT_SUCCESSION.FROM_UNIT_ID.eq(unit.id()).or(UNIT_SUCCESSION.TO_UNIT_ID.eq(unit.id())))
                .orderBy(UNIT_SUCCESSION.EFFECTIVE_DATE)
                .fetch(Mapping::succession);
    }

    @Override
    public List<UnitSuccession> successions() {
        return ctx.selectFrom(UNIT_SUCCESSION)
                .where(UNIT_SUCCESSION.DELETED.isFalse())
                .orderBy(UNIT_SUCCESSION.EFFECTIVE_DATE)
                .fetch(Mapping::succession);
    }

    @Override
    public List<Unit> units(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : ctx.selectFrom(ADMIN_UNIT)
                .where(ADMIN_UNIT.DELETED.isFalse())
                .and(ADMIN_UNIT.ID.in(ids))
                .fetch(Mapping::unit);
    }

    @Override
    public List<Unit> byCodeAnyDay(String code) {
        return ctx.selectFrom(ADMIN_UNIT)
                .where(ADMIN_UNIT.DELETED.isFalse())
                .and(ADMIN_UNIT.CODE.equalIgnoreCase(code.trim()))
                .orderBy(ADMIN_UNIT.VALID_FROM)
                .fetch(Mapping::unit);
    }

    @Override
    public Optional<Station> stationOf(UUID communeId) {
        return ctx.selectFrom(STATION)
                .where(STATION.DELETED.isFalse())
                .and(STATION.UNIT_ID.eq(communeId))
                .and(STATION.STATION_KIND.eq(StationKind.STATION.name()))
                .orderBy(STATION.ID)
                .limit(1)
                .fetchOptional(Mapping::station);
    }

    @Override
    public List<Station> stationsOf(Collection<UUID> communeIds) {
        return ctx.selectFrom(STATION)
                .where(STATION.DELETED.isFalse())
                .and(STATION.UNIT_ID.in(communeIds))
                .fetch(Mapping::station);
    }

    @Override
    public List<StaffMember> staffOf(Collection<UUID> stationIds) {
        List<StaffMember> staff = ctx.selectFrom(STAFF)
                .where(STAFF.DELETED.isFalse())
                .and(STAFF.STATION_ID.in(stationIds))
                .fetch(Mapping::staff);
        staff.sort(STAFF_ORDER);
        return staff;
    }

    @Override
    public List<Hamlet> hamletsOf(Collection<UUID> communeIds) {
        List<Hamlet> hamlets = ctx.selectFrom(HAMLET)
                .where(HAMLET.DELETED.isFalse())
                .and(HAMLET.COMMUNE_ID.in(communeIds))
                .fetch(Mapping::hamlet);
        hamlets.sort(VietText.order(Hamlet::name));
        return hamlets;
    }

    @Override
    public List<HamletWorker> workersOf(Collection<UUID> hamletIds) {
        return ctx.selectFrom(HAMLET_WORKER)
                .where(HAMLET_WORKER.DELETED.isFalse())
                .and(HAMLET_WORKER.HAMLET_ID.in(hamletIds))
                .orderBy(HAMLET_WORKER.WORKER_ROLE, HAMLET_WORKER.FULL_NAME)
                .fetch(Mapping::worker);
    }

    @Override
    public List<CommuneYear> figuresOf(Collection<UUID> communeIds) {
        return ctx.selectFrom(COMMUNE_YEAR)
                .where(COMMUNE_YEAR.DELETED.isFalse())
                .and(COMMUNE_YEAR.UNIT_ID.in(communeIds))
                .orderBy(COMMUNE_YEAR.FIGURE_YEAR)
                .fetch(Mapping::figures);
    }

    @Override
    public List<Assessment> assessmentsOf(Collection<UUID> unitIds, int period) {
        return ctx.selectFrom(ASSESSMENT)
                .where(ASSESSMENT.DELETED.isFalse())
                .and(ASSESSMENT.UNIT_ID.in(unitIds))
                .and(ASSESSMENT.PERIOD.eq(period))
                .fetch(Mapping::assessment);
    }

    @Override
    public boolean anyAssessedOn(LocalDate day, int period) {
        return ctx.fetchExists(ctx.selectOne().from(ASSESSMENT).join(ADMIN_UNIT).on(ADMIN_UNIT.ID.eq(ASSESSMENT.UNIT_ID))
                .where(ASSESSMENT.DELETED.isFalse()).and(ASSESSMENT.PERIOD.eq(period))
                .and(ADMIN_UNIT.DELETED.isFalse()).and(validOn(day)));
    }

    @Override
    public List<AssessmentAnswer> answersOf(Collection<UUID> assessmentIds) {
        return ctx.selectFrom(ASSESSMENT_ANSWER)
                .where(ASSESSMENT_ANSWER.DELETED.isFalse())
                .and(ASSESSMENT_ANSWER.ASSESSMENT_ID.in(assessmentIds))
                .fetch(Mapping::answer);
    }

    /** The live record of the type with the id: a unit, station, staff member, hamlet, worker, year's figures, assessment or answer. */
    <T> Optional<T> find(Class<T> type, UUID id) {
        Object found;
        if (type == Unit.class) {
            found = ctx.selectFrom(ADMIN_UNIT).where(ADMIN_UNIT.ID.eq(id).and(ADMIN_UNIT.DELETED.isFalse())).fetchOne(Mapping::unit);
        } else if (type == Station.class) {
            found = ctx.selectFrom(STATION).where(STATION.ID.eq(id).and(STATION.DELETED.isFalse())).fetchOne(Mapping::station);
        } else if (type == StaffMember.class) {
            found = ctx.selectFrom(STAFF).where(STAFF.ID.eq(id).and(STAFF.DELETED.isFalse())).fetchOne(Mapping::staff);
        } else if (type == Hamlet.class) {
            found = ctx.selectFrom(HAMLET).where(HAMLET.ID.eq(id).and(HAMLET.DELETED.isFalse())).fetchOne(Mapping::hamlet);
        } else if (type == HamletWorker.class) {
            found = ctx.selectFrom(HAMLET_WORKER).where(HAMLET_WORKER.ID.eq(id).and(HAMLET_WORKER.DELETED.isFalse()))
                    .fetchOne(Mapping::worker);
        } else if (type == CommuneYear.class) {
            found = ctx.selectFrom(COMMUNE_YEAR).where(COMMUNE_YEAR.ID.eq(id).and(COMMUNE_YEAR.DELETED.isFalse()))
                    .fetchOne(Mapping::figures);
        } else if (type == Assessment.class) {
            found = ctx.selectFrom(ASSESSMENT).where(ASSESSMENT.ID.eq(id).and(ASSESSMENT.DELETED.isFalse()))
                    .fetchOne(Mapping::assessment);
        } else if (type == AssessmentAnswer.class) {
            found = ctx.selectFrom(ASSESSMENT_ANSWER).where(ASSESSMENT_ANSWER.ID.eq(id).and(ASSESSMENT_ANSWER.DELETED.isFalse()))
                    .fetchOne(Mapping::answer);
        } else {
            throw new IllegalArgumentException("not a register record type: " + type.getName());
        }
        return Optional.ofNullable(type.cast(found));
    }

    /** Targets the province set, by code; empty when it has set none. */
    List<vn.ytcs.core.directive.Target> targets() {
        return ctx.selectFrom(vn.ytcs.core.store.jooq.Tables.TARGET)
                .where(vn.ytcs.core.store.jooq.Tables.TARGET.DELETED.isFalse())
                .orderBy(vn.ytcs.core.store.jooq.Tables.TARGET.CODE)
                .fetch(Mapping::target);
    }

    private static String givenName(String fullName) {
        String trimmed = fullName.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(space + 1);
    }
}
