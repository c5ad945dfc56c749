// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.DerivedValue;
import vn.ytcs.core.demo.DemoData;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.demo.DemoProvince;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.progress.TargetProgress;
import vn.ytcs.core.progress.TargetTracker;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** Scoring the demo of the old structure from a real database, checked against counts made straight from the demo data. */
class DemoScoringTest {

    static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @TempDir
    static Path dir;
    static Store store;
    static UnitTree tree;
    static List<CommuneScoring.Result> results;
    static DemoData demo = DemoProvince.generate();

    @BeforeAll
    static void load() {
        store = Store.open(dir);
        // The old structure alone holds 2025 on the 75 communes (DemoBothWorldsTest scores the demo of both worlds).
        DemoLoader.load(store, "test", DemoLoader.World.OLD_STRUCTURE, vn.ytcs.core.task.Progress.NONE);
        tree = store.units().tree(DAY);
        results = new vn.ytcs.core.service.ScoringService(store, Catalogs::shipped, new vn.ytcs.core.service.RegisterService(store, "test")).score(tree, tree.communes(), 2025, DAY);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void derivedValuesMatchHandCountsFromTheDemoData() {
        assertEquals(75, results.size());
        for (CommuneScoring.Result r : results) {
            Unit commune = r.commune();
            Station station = demo.stations().stream().filter(s -> s.unitId().equals(commune.id())).findFirst().orElseThrow();
            List<StaffMember> staff = demo.staff().stream().filter(m -> m.stationId().equals(station.id())).toList();
            boolean permanentDoctor = staff.stream().anyMatch(m -> m.profession().isDoctor() && m.employment() == Employment.PERMANENT);
            List<Hamlet> hamlets = demo.hamlets().stream().filter(h -> h.communeId().equals(commune.id())).toList();
            Set<UUID> served = demo.workers().stream()
                    .filter(w -> w.role() == WorkerRole.HEALTH_WORKER && w.active() && w.trainingMonths() >= 3)
                    .map(HamletWorker::hamletId).collect(Collectors.toSet());
            long servedCount = hamlets.stream().filter(h -> served.contains(h.id())).count();
            CommuneYear y2025 = demo.figures().stream().filter(f -> f.unitId().equals(commune.id()) && f.year() == 2025)
                    .findFirst().orElseThrow();

            Map<DerivedValue, Answer> derived = DerivedValues.of(r.profile(), 2025);
            assertEquals(new Answer.Flag(permanentDoctor), derived.get(DerivedValue.PERMANENT_DOCTOR), commune.name());
            assertEquals(0, BigDecimal.valueOf(staff.size()).compareTo(((Answer.Amount) derived.get(DerivedValue.STAFF_COUNT)).value()));
            assertEquals(new Answer.Flag(station.familyDoctorModel()), derived.get(DerivedValue.FAMILY_DOCTOR_MODEL));
            assertEquals(new Answer.Share(servedCount, hamlets.size()), derived.get(DerivedValue.HAMLET_WORKER_SHARE), commune.name());
            assertEquals(new Answer.Share(y2025.insured(), y2025.population()), derived.get(DerivedValue.INSURANCE_COVERAGE));
        }
    }

    @Test
    void everyCommuneHasAScorecardWithItsAssessment() {
        for (CommuneScoring.Result r : results) {
            assertTrue(r.assessment().isPresent(), r.commune().name());
            Scorecard c = r.scorecard();
            assertEquals("QD1300-2023", c.catalog().id());
            assertTrue(c.provisional());
            assertInvariants(c, r.commune().name());
            boolean vetoDoctor = c.failures().contains(new Failure.VetoAtZero("TC2.06"));
            assertEquals(r.profile().permanentDoctors() == 0, vetoDoctor, r.commune().name());
        }
        long passed = results.stream().filter(r -> r.scorecard().passed()).count();
        assertTrue(passed > 10 && passed < 65, "a mix of communes that pass and fail: " + passed);
    }

    /**
     * What every scorecard must satisfy, recomputed here from its indicators and the catalog's pass
     * rule: the sums, the pass rule and its failures, the gaps, and a plan that really makes it pass.
     */
    static void assertInvariants(Scorecard c, String commune) {
        vn.ytcs.core.catalog.PassRule rule = c.catalog().passRule();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal totalMax = BigDecimal.ZERO;
        List<Failure> expected = new java.util.ArrayList<>();
        for (CriterionScore cs : c.criteria()) {
            List<IndicatorScore> of = c.indicators().stream().filter(s -> s.indicator().criterion().equals(cs.criterion().code())).toList();
            assertEquals(0, sum(of, IndicatorScore::points).compareTo(cs.points()), commune + " " + cs.criterion().code() + " points");
            assertEquals(0, sum(of, IndicatorScore::max).compareTo(cs.max()), commune + " " + cs.criterion().code() + " maximum");
            boolean meets = cs.points().multiply(BigDecimal.valueOf(100)).compareTo(rule.minCriterionPercent().multiply(cs.max())) >= 0;
            assertEquals(meets, cs.meetsMinimum(), commune + " " + cs.criterion().code());
            if (!meets) {
                expected.add(new Failure.CriterionBelow(cs.criterion().code(), cs.points(), cs.max(), rule.minCriterionPercent()));
            }
            total = total.add(cs.points());
            totalMax = totalMax.add(cs.max());
        }
        assertEquals(0, total.compareTo(c.points()), commune + " total");
        assertEquals(0, totalMax.compareTo(c.max()), commune + " maximum");
        if (total.multiply(BigDecimal.valueOf(100)).compareTo(rule.minTotalPercent().multiply(totalMax)) < 0) {
            expected.add(0, new Failure.TotalBelow(total, totalMax, rule.minTotalPercent()));
        }
        for (IndicatorScore s : c.indicators()) {
            assertTrue(s.points().signum() >= 0 && s.points().compareTo(s.max()) <= 0
                    && s.max().compareTo(s.indicator().maxPoints()) <= 0, commune + " " + s.indicator().code());
            if (rule.vetoAtZero() && s.indicator().veto() && s.applies() && s.points().signum() == 0) {
                expected.add(new Failure.VetoAtZero(s.indicator().code()));
            }
        }
        assertEquals(expected, c.failures(), commune + ": every failing condition, and only those");
        assertEquals(expected.isEmpty(), c.passed(), commune);

        List<IndicatorScore> gaps = c.indicators().stream().filter(s -> s.recoverable().signum() > 0).toList();
        assertEquals(Set.copyOf(gaps), Set.copyOf(c.gaps()), commune + ": the gaps are the indicators below their maximum");
        for (int i = 1; i < c.gaps().size(); i++) {
            assertTrue(c.gaps().get(i - 1).recoverable().compareTo(c.gaps().get(i).recoverable()) >= 0, commune + ": most points first");
        }

        if (c.passed()) {
            assertEquals(java.util.Optional.of(List.of()), c.plan(), commune + ": nothing to do");
            return;
        }
        if (c.plan().isEmpty()) {
            return; // no improvement can make it pass (thresholds the province has not entered)
        }
        List<IndicatorScore> plan = c.plan().get();
        assertFalse(plan.isEmpty(), commune + ": a failing commune's plan names something to improve");
        assertTrue(c.gaps().containsAll(plan), commune + ": the plan raises gaps");
        // Raised to their maximum, the plan's indicators make the commune pass.
        BigDecimal raised = total.add(sum(plan, IndicatorScore::recoverable));
        assertTrue(raised.multiply(BigDecimal.valueOf(100)).compareTo(rule.minTotalPercent().multiply(totalMax)) >= 0,
                commune + ": the plan reaches the total");
        for (CriterionScore cs : c.criteria()) {
            BigDecimal after = cs.points().add(sum(plan.stream().filter(s -> s.indicator().criterion().equals(cs.criterion().code())).toList(),
                    IndicatorScore::recoverable));
            assertTrue(after.multiply(BigDecimal.valueOf(100)).compareTo(rule.minCriterionPercent().multiply(cs.max())) >= 0,
                    commune + ": the plan lifts " + cs.criterion().code());
        }
        for (Failure f : c.failures()) {
            if (f instanceof Failure.VetoAtZero v) {
                assertTrue(plan.stream().anyMatch(s -> s.indicator().code().equals(v.indicator())), commune + ": the plan lifts " + v);
            }
        }
    }

    private static BigDecimal sum(List<IndicatorScore> scores, java.util.function.Function<IndicatorScore, BigDecimal> part) {
        return scores.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void recognisedAssessmentsOf2024PassTheir2024Score() {
        List<CommuneScoring.Result> y2024 = new vn.ytcs.core.service.ScoringService(store, Catalogs::shipped, new vn.ytcs.core.service.RegisterService(store, "test")).score(tree, tree.communes(), 2024, DAY);
        long recognised = 0;
        for (CommuneScoring.Result r : y2024) {
            assertInvariants(r.scorecard(), r.commune().name() + " 2024");
            if (r.assessment().orElseThrow().state() == AssessmentState.RECOGNISED) {
                recognised++;
                assertTrue(r.scorecard().passed(), r.commune().name());
            } else {
                assertFalse(r.scorecard().passed(), r.commune().name());
            }
        }
        assertTrue(recognised > 0);
    }

    @Test
    void targetsRollUpToTheProvinceWithTheCommunesThatHoldThemBack() {
        Unit province = tree.roots().get(0);
        Map<String, TargetProgress> byCode = TargetTracker.progress(Targets.shipped(), province, results, 2025).stream()
                .collect(Collectors.toMap(p -> p.target().code(), p -> p));
        TargetProgress doctor = byCode.get("PERMANENT_DOCTOR");
        long withDoctor = results.stream().filter(r -> r.profile().permanentDoctors() > 0).count();
        assertEquals(withDoctor, doctor.numerator());
        assertEquals(75, doctor.denominator());
        assertEquals(75 - withDoctor, doctor.holdingBack().size());
        TargetProgress insurance = byCode.get("INSURANCE");
        long insured = demo.figures().stream().filter(f -> f.year() == 2025).mapToLong(CommuneYear::insured).sum();
        long population = demo.figures().stream().filter(f -> f.year() == 2025).mapToLong(CommuneYear::population).sum();
        assertEquals(insured, insurance.numerator());
        assertEquals(population, insurance.denominator());
        assertFalse(insurance.met(), "the demo province is short of universal insurance");
        assertEquals(0, insurance.target().value().multiply(BigDecimal.valueOf(population)).divide(BigDecimal.valueOf(100))
                .subtract(BigDecimal.valueOf(insured)).compareTo(insurance.missing()), "people still to insure, exactly");
        assertTrue(doctor.met() || doctor.missing().signum() > 0, "a target not met still misses something");
        TargetProgress standard = byCode.get("NATIONAL_STANDARD");
        assertEquals(results.stream().filter(r -> r.scorecard().passed()).count(), standard.numerator());
        assertFalse(byCode.get("FACILITIES").measured());
        assertEquals(Target.Measure.NOT_IN_REGISTER, byCode.get("FACILITIES").target().measure());
    }
}
