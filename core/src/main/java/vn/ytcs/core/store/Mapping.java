// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import org.jooq.DSLContext;
import vn.ytcs.core.catalog.Text;
import vn.ytcs.core.store.jooq.tables.records.TargetRecord;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.store.jooq.tables.records.AssessmentAnswerRecord;
import vn.ytcs.core.store.jooq.tables.records.AssessmentRecord;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.jooq.tables.records.AdminUnitRecord;
import vn.ytcs.core.store.jooq.tables.records.CommuneYearRecord;
import vn.ytcs.core.store.jooq.tables.records.HamletRecord;
import vn.ytcs.core.store.jooq.tables.records.HamletWorkerRecord;
import vn.ytcs.core.store.jooq.tables.records.StaffRecord;
import vn.ytcs.core.store.jooq.tables.records.StationRecord;
import vn.ytcs.core.store.jooq.tables.records.UnitSuccessionRecord;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitType;

import static vn.ytcs.core.store.jooq.Tables.ADMIN_UNIT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT;
import static vn.ytcs.core.store.jooq.Tables.ASSESSMENT_ANSWER;
import static vn.ytcs.core.store.jooq.Tables.COMMUNE_YEAR;
import static vn.ytcs.core.store.jooq.Tables.HAMLET;
import static vn.ytcs.core.store.jooq.Tables.HAMLET_WORKER;
import static vn.ytcs.core.store.jooq.Tables.STAFF;
import static vn.ytcs.core.store.jooq.Tables.STATION;
import static vn.ytcs.core.store.jooq.Tables.TARGET;
import static vn.ytcs.core.store.jooq.Tables.UNIT_SUCCESSION;

/** Domain records to rows and back. Bookkeeping columns are set by {@link ChangeWriter}. */
final class Mapping {

    private Mapping() {
    }

    static Unit unit(AdminUnitRecord r) {
        return new Unit(r.getId(), r.getCode(), r.getCodeOfficial(), r.getName(), UnitType.valueOf(r.getUnitType()),
                r.getParentId(), r.getValidFrom(), r.getValidTo(), r.getVung(),
                r.getSocioRegion() == null ? null : SocioRegion.valueOf(r.getSocioRegion()), r.getDemo(), r.getNote());
    }

    static AdminUnitRecord row(DSLContext ctx, Unit u) {
        AdminUnitRecord r = ctx.newRecord(ADMIN_UNIT);
        r.setId(u.id());
        r.setCode(u.code());
        r.setCodeOfficial(u.codeOfficial());
        r.setName(u.name());
        r.setUnitLevel(u.level().name());
        r.setUnitType(u.type().name());
        r.setParentId(u.parentId());
        r.setValidFrom(u.validFrom());
        r.setValidTo(u.validTo());
        r.setVung(u.vung());
        r.setSocioRegion(u.region() == null ? null : u.region().name());
        r.setDemo(u.demo());
        r.setNote(u.note());
        return r;
    }

    static UnitSuccession succession(UnitSuccessionRecord r) {
        return new UnitSuccession(r.getId(), r.getFromUnitId(), r.getToUnitId(), r.getEffectiveDate());
    }

    static UnitSuccessionRecord row(DSLContext ctx, UnitSuccession s) {
        UnitSuccessionRecord r = ctx.newRecord(UNIT_SUCCESSION);
        r.setId(s.id());
        r.setFromUnitId(s.fromUnit());
        r.setToUnitId(s.toUnit());
        r.setEffectiveDate(s.effective());
        return r;
    }

    static Station station(StationRecord r) {
        return new Station(r.getId(), r.getUnitId(), r.getName(), StationKind.valueOf(r.getStationKind()),
                r.getParentStationId(), r.getAddress(), r.getPhone(), r.getFamilyDoctorModel());
    }

    static StationRecord row(DSLContext ctx, Station s) {
        StationRecord r = ctx.newRecord(STATION);
        r.setId(s.id());
        r.setUnitId(s.unitId());
        r.setName(s.name());
        r.setStationKind(s.kind().name());
        r.setParentStationId(s.parentStationId());
        r.setAddress(s.address());
        r.setPhone(s.phone());
        r.setFamilyDoctorModel(s.familyDoctorModel());
        return r;
    }

    static StaffMember staff(StaffRecord r) {
        return new StaffMember(r.getId(), r.getStationId(), r.getFullName(), Sex.valueOf(r.getSex()), r.getBirthYear(),
                Profession.valueOf(r.getProfession()), Employment.valueOf(r.getEmployment()), r.getStartDate(),
                r.getEndDate());
    }

    static StaffRecord row(DSLContext ctx, StaffMember m) {
        StaffRecord r = ctx.newRecord(STAFF);
        r.setId(m.id());
        r.setStationId(m.stationId());
        r.setFullName(m.fullName());
        r.setSex(m.sex().name());
        r.setBirthYear(m.birthYear());
        r.setProfession(m.profession().name());
        r.setEmployment(m.employment().name());
        r.setStartDate(m.startDate());
        r.setEndDate(m.endDate());
        return r;
    }

    static Hamlet hamlet(HamletRecord r) {
        return new Hamlet(r.getId(), r.getCommuneId(), r.getName(), HamletKind.valueOf(r.getHamletKind()),
                r.getHouseholds());
    }

    static HamletRecord row(DSLContext ctx, Hamlet h) {
        HamletRecord r = ctx.newRecord(HAMLET);
        r.setId(h.id());
        r.setCommuneId(h.communeId());
        r.setName(h.name());
        r.setHamletKind(h.kind().name());
        r.setHouseholds(h.households());
        return r;
    }

    static HamletWorker worker(HamletWorkerRecord r) {
        return new HamletWorker(r.getId(), r.getHamletId(), r.getFullName(), Sex.valueOf(r.getSex()),
                WorkerRole.valueOf(r.getWorkerRole()), r.getTrainingMonths(), r.getActive());
    }

    static HamletWorkerRecord row(DSLContext ctx, HamletWorker w) {
        HamletWorkerRecord r = ctx.newRecord(HAMLET_WORKER);
        r.setId(w.id());
        r.setHamletId(w.hamletId());
        r.setFullName(w.fullName());
        r.setSex(w.sex().name());
        r.setWorkerRole(w.role().name());
        r.setTrainingMonths(w.trainingMonths());
        r.setActive(w.active());
        return r;
    }

    static Assessment assessment(AssessmentRecord r) {
        return new Assessment(r.getId(), r.getUnitId(), r.getPeriod(), r.getCatalogId(),
                AssessmentState.valueOf(r.getState()), r.getDecisionNumber(), r.getDecisionDate());
    }

    static AssessmentRecord row(DSLContext ctx, Assessment a) {
        AssessmentRecord r = ctx.newRecord(ASSESSMENT);
        r.setId(a.id());
        r.setUnitId(a.unitId());
        r.setPeriod(a.period());
        r.setCatalogId(a.catalogId());
        r.setState(a.state().name());
        r.setDecisionNumber(a.decisionNumber());
        r.setDecisionDate(a.decisionDate());
        return r;
    }

    static AssessmentAnswer answer(AssessmentAnswerRecord r) {
        return new AssessmentAnswer(r.getId(), r.getAssessmentId(), r.getIndicatorCode(), r.getAnswerValue(),
                r.getNotApplicable(), r.getNote(), r.getEvidence());
    }

    static AssessmentAnswerRecord row(DSLContext ctx, AssessmentAnswer a) {
        AssessmentAnswerRecord r = ctx.newRecord(ASSESSMENT_ANSWER);
        r.setId(a.id());
        r.setAssessmentId(a.assessmentId());
        r.setIndicatorCode(a.indicatorCode());
        r.setAnswerValue(a.value());
        r.setNotApplicable(a.notApplicable());
        r.setNote(a.note());
        r.setEvidence(a.evidence());
        return r;
    }

    static Target target(TargetRecord r) {
        return new Target(r.getCode(), new Text(r.getNameVi(), r.getNameEn()), Target.Measure.valueOf(r.getMeasure()),
                Target.Comparison.valueOf(r.getComparison()), r.getTargetValue(), r.getDueYear());
    }

    /** Targets are identified by their code: the same code gives the same row on every site. */
    static TargetRecord row(DSLContext ctx, Target t) {
        TargetRecord r = ctx.newRecord(TARGET);
        r.setId(java.util.UUID.nameUUIDFromBytes(("ytcs-target:" + t.code()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        r.setCode(t.code());
        r.setNameVi(t.name().vi());
        r.setNameEn(t.name().en());
        r.setMeasure(t.measure().name());
        r.setComparison(t.comparison().name());
        r.setTargetValue(t.value());
        r.setDueYear(t.dueYear());
        return r;
    }

    static CommuneYear figures(CommuneYearRecord r) {
        return new CommuneYear(r.getId(), r.getUnitId(), r.getFigureYear(), r.getPopulation(), r.getHouseholds(),
                r.getInsured(), r.getHealthRecords(), r.getChildrenUnder5(), r.getBirths());
    }

    static CommuneYearRecord row(DSLContext ctx, CommuneYear y) {
        CommuneYearRecord r = ctx.newRecord(COMMUNE_YEAR);
        r.setId(y.id());
        r.setUnitId(y.unitId());
        r.setFigureYear(y.year());
        r.setPopulation(y.population());
        r.setHouseholds(y.households());
        r.setInsured(y.insured());
        r.setHealthRecords(y.healthRecords());
        r.setChildrenUnder5(y.childrenUnder5());
        r.setBirths(y.births());
        return r;
    }
}
