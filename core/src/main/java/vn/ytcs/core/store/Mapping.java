// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdatableRecord;
import vn.ytcs.core.record.FieldRule;
import vn.ytcs.core.record.RecordKind;
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


/**
 * Rows to domain records, and a record's stored values (see {@link RecordKind#values}) to a row.
 * Bookkeeping columns are set by {@link ChangeWriter}.
 */
final class Mapping {

    private Mapping() {
    }

    /** A new row of the kind's table holding the record's id and stored values. */
    static UpdatableRecord<?> row(DSLContext ctx, RecordKind<?> kind, UUID id, Map<String, Object> values) {
        UpdatableRecord<?> row = ctx.newRecord(SyncKinds.table(kind.name()));
        set(row, row.field("ID"), id);
        List<Field<?>> columns = SyncKinds.columns(kind.name());
        List<? extends FieldRule<?>> fields = kind.fields();
        for (int i = 0; i < columns.size(); i++) {
            set(row, columns.get(i), values.get(fields.get(i).name()));
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    private static void set(org.jooq.Record row, Field<?> field, Object value) {
        row.set((Field<Object>) field, value);
    }

    static Unit unit(AdminUnitRecord r) {
        return new Unit(r.getId(), r.getCode(), r.getCodeOfficial(), r.getName(), UnitType.valueOf(r.getUnitType()),
                r.getParentId(), r.getValidFrom(), r.getValidTo(), r.getVung(),
                r.getSocioRegion() == null ? null : SocioRegion.valueOf(r.getSocioRegion()), r.getDemo(), r.getNote());
    }

    static UnitSuccession succession(UnitSuccessionRecord r) {
        return new UnitSuccession(r.getId(), r.getFromUnitId(), r.getToUnitId(), r.getEffectiveDate());
    }

    static Station station(StationRecord r) {
        return new Station(r.getId(), r.getUnitId(), r.getName(), StationKind.valueOf(r.getStationKind()),
                r.getParentStationId(), r.getAddress(), r.getPhone(), r.getFamilyDoctorModel());
    }

    static StaffMember staff(StaffRecord r) {
        return new StaffMember(r.getId(), r.getStationId(), r.getFullName(), Sex.valueOf(r.getSex()), r.getBirthYear(),
                Profession.valueOf(r.getProfession()), Employment.valueOf(r.getEmployment()), r.getStartDate(),
                r.getEndDate());
    }

    static Hamlet hamlet(HamletRecord r) {
        return new Hamlet(r.getId(), r.getCommuneId(), r.getName(), HamletKind.valueOf(r.getHamletKind()),
                r.getHouseholds(), r.getAbolishedOn());
    }

    static HamletWorker worker(HamletWorkerRecord r) {
        return new HamletWorker(r.getId(), r.getHamletId(), r.getFullName(), Sex.valueOf(r.getSex()),
                WorkerRole.valueOf(r.getWorkerRole()), r.getTrainingMonths(), r.getActive(), r.getEndDate());
    }

    static Assessment assessment(AssessmentRecord r) {
        return new Assessment(r.getId(), r.getUnitId(), r.getPeriod(), r.getCatalogId(),
                AssessmentState.valueOf(r.getState()), r.getDecisionNumber(), r.getDecisionDate());
    }

    static AssessmentAnswer answer(AssessmentAnswerRecord r) {
        return new AssessmentAnswer(r.getId(), r.getAssessmentId(), r.getIndicatorCode(), r.getAnswerValue(),
                r.getNotApplicable(), r.getNote(), r.getEvidence());
    }

    static Target target(TargetRecord r) {
        return new Target(r.getCode(), new Text(r.getNameVi(), r.getNameEn()), Target.Measure.valueOf(r.getMeasure()),
                Target.Comparison.valueOf(r.getComparison()), r.getTargetValue(), r.getDueYear());
    }

    static CommuneYear figures(CommuneYearRecord r) {
        return new CommuneYear(r.getId(), r.getUnitId(), r.getFigureYear(), r.getPopulation(), r.getHouseholds(),
                r.getInsured(), r.getHealthRecords(), r.getChildrenUnder5(), r.getBirths());
    }

}
