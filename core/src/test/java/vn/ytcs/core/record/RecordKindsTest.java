// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.Text;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.record.FieldProblem.Problem;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitType;

/** The declarations: what each kind refuses, field by field, and the commune each record belongs to. */
class RecordKindsTest {

    private static final LocalDate FROM = LocalDate.of(2025, 7, 1);
    private static final Catalog CATALOG = Catalogs.shipped().forPeriod(2025).orElseThrow();

    private final Unit district = new Unit(UUID.randomUUID(), "829", true, "Châu Thành", UnitType.HUYEN, null, FROM, null,
            null, null, false, null);
    private final Unit commune = new Unit(UUID.randomUUID(), "31471", true, "Hỏa Lựu", UnitType.XA, district.id(), FROM,
            null, 2, null, false, null);
    private final Station station = new Station(UUID.randomUUID(), commune.id(), "Trạm Y tế xã Hỏa Lựu", StationKind.STATION,
            null, null, "0293 555", true);
    private final StaffMember staff = new StaffMember(UUID.randomUUID(), station.id(), "Lê Thị Hoa", Sex.F, 1985,
            Profession.BAC_SI, Employment.PERMANENT, LocalDate.of(2020, 1, 1), null);
    private final Hamlet hamlet = new Hamlet(UUID.randomUUID(), commune.id(), "Ấp 1", HamletKind.AP, 300, null);
    private final HamletWorker worker = new HamletWorker(UUID.randomUUID(), hamlet.id(), "Trần Văn Ba", Sex.M,
            WorkerRole.HEALTH_WORKER, 3, true, null);
    private final CommuneYear year = new CommuneYear(UUID.randomUUID(), commune.id(), 2025, 8000, 2000, 7000, 6000, 500, 90);
    private final Assessment assessment = new Assessment(UUID.randomUUID(), commune.id(), 2025, CATALOG.id(),
            AssessmentState.DRAFT, null, null);

    /** The records above, as a database would give them. */
    private final Map<UUID, Map<String, Object>> stored = new HashMap<>();
    private final Parents parents = (kind, id) -> Optional.ofNullable(stored.get(id));
    private final RecordContext context = RecordContext.of(parents, Catalogs.shipped());

    RecordKindsTest() {
        for (Object r : List.of(district, commune, station, staff, hamlet, worker, year, assessment)) {
            RecordKind<Object> kind = RecordKinds.of(r);
            stored.put(kind.idOf(r), kind.values(r));
        }
    }

    private static <T> List<String> problems(T record, RecordContext context) {
        return RecordKinds.of(record).problems(record, context).stream().map(p -> p.field() + " " + p.problem()).toList();
    }

    private List<String> problems(Object record) {
        return problems(record, context);
    }

    @Test
    void validRecordsOfEveryKindPass() {
        Target target = new Target("BHYT", new Text("Bảo hiểm y tế", null), Target.Measure.INSURANCE_COVERAGE,
                Target.Comparison.GE, new BigDecimal("95"), 2030);
        for (Object r : List.of(district, commune, station, staff, hamlet, worker, year, assessment, target,
                new UnitSuccession(UUID.randomUUID(), district.id(), commune.id(), FROM))) {
            assertEquals(List.of(), problems(r), r.toString());
        }
        assertEquals(List.of("unit", "succession", "station", "staff", "hamlet", "hamlet_worker", "commune_year", "assessment",
                "assessment_answer", "target", "catalog"), RecordKinds.all().stream().map(RecordKind::name).toList());
    }

    @Test
    void everyProblemOfARecordIsNamedByItsFieldAtOnce() {
        Station bad = new Station(UUID.randomUUID(), null, "  ", null, null, "x".repeat(401), null, false);
        assertEquals(List.of("unit_id REQUIRED", "name REQUIRED", "station_kind REQUIRED", "address TOO_LONG"), problems(bad));
        FieldProblem first = RecordKinds.STATION.problems(bad, context).get(0);
        assertEquals("station", first.kind());
        assertEquals(bad.id(), first.record());
        assertEquals("field.problem.REQUIRED", first.key());
        assertEquals(List.of(401, 400), RecordKinds.STATION.problems(bad, context).get(3).args());
    }

    @Test
    void rangesListsAndRulesAcrossFields() {
        assertEquals(List.of("vung OUT_OF_RANGE"), problems(new Unit(UUID.randomUUID(), "1", true, "X", UnitType.XA, null,
                FROM, null, 4, null, false, null)));
        assertEquals(List.of("valid_to NOT_AFTER"), problems(new Unit(UUID.randomUUID(), "1", true, "X", UnitType.XA, null,
                FROM, FROM, null, null, false, null)));
        assertEquals(List.of("end_date EARLIER_THAN"), problems(new StaffMember(UUID.randomUUID(), station.id(), "A", Sex.F,
                null, Profession.HO_SINH, Employment.CONTRACT, FROM, FROM.minusDays(1))));
        assertEquals(List.of("insured MORE_THAN", "births MORE_THAN"), problems(new CommuneYear(UUID.randomUUID(),
                commune.id(), 2025, 8000, null, 90000, null, null, 8001)));
        assertEquals(List.of("figure_year OUT_OF_RANGE", "population OUT_OF_RANGE"), problems(new CommuneYear(
                UUID.randomUUID(), commune.id(), 1999, RecordKinds.MAX_PEOPLE + 1, null, null, null, null, null)));
        assertEquals(List.of("to_unit_id SAME_AS"), problems(new UnitSuccession(UUID.randomUUID(), commune.id(), commune.id(),
                FROM)));
        assertEquals(List.of("decision_number REQUIRED_WHEN", "decision_date REQUIRED_WHEN"), problems(new Assessment(
                UUID.randomUUID(), commune.id(), 2025, CATALOG.id(), AssessmentState.RECOGNISED, null, null)));
        assertEquals(List.of("training_months OUT_OF_RANGE"), problems(new HamletWorker(UUID.randomUUID(), hamlet.id(),
                "B", Sex.M, WorkerRole.VILLAGE_MIDWIFE, 121, true, null)));
        Map<String, Object> unit = new HashMap<>(RecordKinds.UNIT.values(commune));
        unit.put("unit_level", "DISTRICT");
        assertEquals(List.of("unit_level DOES_NOT_MATCH"), RecordKinds.UNIT.check(commune.id(), unit, context).stream()
                .map(p -> p.field() + " " + p.problem()).toList());
        unit.put("unit_level", "VILLAGE");
        unit.put("nickname", "x");
        assertEquals(List.of("nickname UNKNOWN_FIELD", "unit_level NOT_IN_LIST"), RecordKinds.UNIT.check(commune.id(), unit,
                context).stream().map(p -> p.field() + " " + p.problem()).toList());
    }

    @Test
    void textIsComparedAsItIsStored() {
        String decomposed = java.text.Normalizer.normalize("  Hỏa Lựu ", java.text.Normalizer.Form.NFD);
        assertEquals("Hỏa Lựu", RecordKinds.HAMLET.values(new Hamlet(hamlet.id(), commune.id(), decomposed, HamletKind.AP,
                null, null)).get("name"));
    }

    private static Indicator entered(Class<? extends Rule> rule, String unit) {
        return CATALOG.indicators().stream()
                .filter(i -> !i.isDerived() && rule.isInstance(i.rule())
                        && (unit == null || (i.rule() instanceof Rule.Threshold t && unit.equals(t.unit()))))
                .findFirst().orElseThrow(() -> new AssertionError("no " + rule.getSimpleName() + " in " + CATALOG.id()));
    }

    private AssessmentAnswer answer(Indicator indicator, String value) {
        return new AssessmentAnswer(UUID.randomUUID(), assessment.id(), indicator.code(), value, false, null, null);
    }

    @Test
    void anAnswerFitsItsIndicatorInTheCatalogOfItsAssessment() {
        Indicator yesNo = entered(Rule.YesNo.class, null);
        Indicator percent = entered(Rule.Threshold.class, "percent");
        Rule.Checklist list = (Rule.Checklist) entered(Rule.Checklist.class, null).rule();
        Indicator checklist = entered(Rule.Checklist.class, null);
        String item = list.items().get(0).code();
        for (var ok : List.of(answer(yesNo, "true"), answer(yesNo, null), answer(percent, "97.5"), answer(percent, "100"),
                answer(checklist, "[\"" + item + "\"]"), answer(checklist, "[]"))) {
            assertEquals(List.of(), problems(ok), ok.toString());
        }
        assertEquals(List.of("answer_value ANSWER_NOT_YES_NO"), problems(answer(yesNo, "\"có\"")));
        assertEquals(List.of("answer_value ANSWER_NOT_NUMBER"), problems(answer(percent, "\"97\"")));
        assertEquals(List.of("answer_value ANSWER_NOT_NUMBER"), problems(answer(percent, "1e999")));
        assertEquals(List.of("answer_value ANSWER_NOT_PERCENT"), problems(answer(percent, "100.5")));
        assertEquals(List.of("answer_value ANSWER_NEGATIVE"), problems(answer(percent, "-1")));
        assertEquals(List.of("answer_value ANSWER_UNREADABLE"), problems(answer(percent, "97 98")));
        assertEquals(List.of("answer_value ANSWER_UNKNOWN_ITEM"), problems(answer(checklist, "[\"" + item + "\",\"zz\"]")));
        assertEquals(List.of("answer_value ANSWER_NOT_ITEMS"), problems(answer(checklist, "true")));
        assertEquals(List.of("indicator_code UNKNOWN_INDICATOR"), problems(new AssessmentAnswer(UUID.randomUUID(),
                assessment.id(), "TC999", "true", false, null, null)));
        Indicator derived = CATALOG.indicators().stream().filter(Indicator::isDerived).findFirst().orElseThrow();
        assertEquals(List.of("answer_value DERIVED_INDICATOR"), problems(answer(derived, "true")));
        assertEquals(List.of("note NOT_APPLICABLE_WITHOUT_REASON"), problems(new AssessmentAnswer(UUID.randomUUID(),
                assessment.id(), yesNo.code(), null, true, " ", null)));
        assertEquals(List.of("answer_value NOT_APPLICABLE_WITH_VALUE"), problems(new AssessmentAnswer(UUID.randomUUID(),
                assessment.id(), yesNo.code(), "true", true, "Xã không có sông", null)));
        assertEquals(List.of(), problems(new AssessmentAnswer(UUID.randomUUID(), assessment.id(), yesNo.code(), null, true,
                "Xã không có sông", null)));
    }

    @Test
    void anAnswerIsLeftUncheckedWhereItsCatalogIsNotKnown() {
        AssessmentAnswer odd = answer(entered(Rule.YesNo.class, null), "42");
        assertEquals(List.of(), problems(odd, RecordContext.ALONE), "no catalogs given");
        Assessment other = new Assessment(UUID.randomUUID(), commune.id(), 2025, "QD-TINH-2027", AssessmentState.DRAFT,
                null, null);
        stored.put(other.id(), RecordKinds.ASSESSMENT.values(other));
        assertEquals(List.of(), problems(new AssessmentAnswer(UUID.randomUUID(), other.id(), "TC1", "42", false, null, null)),
                "a province's catalog this program does not have yet");
    }

    @Test
    void everyRecordKnowsItsCommune() {
        AssessmentAnswer a = answer(entered(Rule.YesNo.class, null), "true");
        for (Object r : List.of(commune, station, staff, hamlet, worker, year, assessment, a)) {
            RecordKind<Object> kind = RecordKinds.of(r);
            assertEquals(commune.id(), RecordKinds.communeOf(kind.name(), kind.idOf(r), kind.values(r), parents),
                    kind.name());
        }
        assertNull(RecordKinds.UNIT.communeOf(district.id(), RecordKinds.UNIT.values(district), parents));
        UnitSuccession s = new UnitSuccession(UUID.randomUUID(), district.id(), commune.id(), FROM);
        assertNull(RecordKinds.SUCCESSION.communeOf(s.id(), RecordKinds.SUCCESSION.values(s), parents));
        StaffMember elsewhere = new StaffMember(UUID.randomUUID(), UUID.randomUUID(), "C", Sex.M, null, Profession.OTHER,
                Employment.CONTRACT, null, null);
        assertNull(RecordKinds.STAFF.communeOf(elsewhere.id(), RecordKinds.STAFF.values(elsewhere), parents),
                "a parent not found");
        int[] lookups = {0};
        Parents counted = ((Parents) (kind, id) -> {
            lookups[0]++;
            return parents.find(kind, id);
        }).cached();
        for (int i = 0; i < 3; i++) {
            RecordKinds.STAFF.communeOf(staff.id(), RecordKinds.STAFF.values(staff), counted);
        }
        assertEquals(1, lookups[0], "a cached lookup finds a parent once");
        assertTrue(RecordKinds.ASSESSMENT_ANSWER.looksUp().contains("assessment"));
    }
}
