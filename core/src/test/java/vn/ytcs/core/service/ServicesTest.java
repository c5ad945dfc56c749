// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.progress.TargetProgress;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitTree;

/** The use-case layer over a real register: the demo province in an H2 file. */
class ServicesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @TempDir
    Path dir;

    private record Services(Store store, RegisterService register, ScoringService scoring) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    private Services open() {
        Store store = Store.open(dir);
        RegisterService register = new RegisterService(store, "test");
        return new Services(store, register, new ScoringService(store, Catalogs::shipped, register));
    }

    @Test
    void thePeriodIsTheYearAskedForElseTheYearOfTheDayShown() {
        try (Services s = open()) {
            assertEquals(2026, s.scoring().period(null, DAY));
            assertEquals(2030, s.scoring().period(2030, DAY));
        }
    }

    @Test
    void aDistrictSummaryCountsWhatItsCommunesScorecardsSay() {
        try (Services s = open()) {
            s.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            UnitTree tree = s.register().tree(DAY);
            // The regional centre serving the most communes (Phụng Hiệp, 7).
            Unit district = tree.roots().stream().flatMap(r -> tree.children(r).stream())
                    .filter(u -> u.level() == UnitLevel.DISTRICT)
                    .max(java.util.Comparator.comparingInt(u -> tree.communesUnder(u).size())).orElseThrow();
            List<CommuneScoring.Result> results = s.scoring().score(tree, tree.communesUnder(district), 2026, DAY);
            ScoringService.UnitSummary summary = s.scoring().summary(tree, district, DAY);
            assertEquals(tree.communesUnder(district).size(), summary.communes());
            assertEquals(results.stream().filter(r -> r.scorecard().passed()).count(), summary.meetingStandard());
            assertEquals(results.stream().filter(r -> r.profile().permanentDoctors() == 0).count(),
                    summary.withoutPermanentDoctor());
            assertEquals(2026, summary.period());
            assertTrue(summary.meetingStandard() > 0 && summary.meetingStandard() < summary.communes(),
                    "the demo district has communes on both sides");
        }
    }

    @Test
    void aDraftOfAnswersScoresAsTheSavedAnswersWouldAndAChangedAnswerMovesThePoints() {
        try (Services s = open()) {
            s.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            UnitTree tree = s.register().tree(DAY);
            Unit commune = tree.communes().get(0);
            CommuneScoring.Result saved = s.scoring().score(tree, List.of(commune), 2026, DAY).get(0);
            vn.ytcs.core.assessment.Assessment a = saved.assessment().orElseThrow();
            List<vn.ytcs.core.assessment.AssessmentAnswer> answers = s.register().answers(a.id());
            vn.ytcs.core.commune.CommuneProfile profile = saved.profile();
            CommuneScoring.Result same = s.scoring().scoreDraft(profile, 2026, a, answers).orElseThrow();
            assertEquals(0, saved.scorecard().points().compareTo(same.scorecard().points()));
            assertEquals(saved.assessment(), same.assessment());
            // No answers, no assessment: only the register's values count, and no assessment is claimed.
            CommuneScoring.Result none = s.scoring().scoreDraft(profile, 2026, null, List.of()).orElseThrow();
            assertTrue(none.assessment().isEmpty());
            assertTrue(none.scorecard().points().compareTo(saved.scorecard().points()) < 0, "entered answers count");
            assertTrue(s.scoring().scoreDraft(profile, 1990, null, List.of()).isEmpty(), "no catalog in force in 1990");
        }
    }

    @Test
    void theProvinceTargetsAreTheSumOfItsDistricts() {
        try (Services s = open()) {
            s.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            UnitTree tree = s.register().tree(DAY);
            List<Unit> units = s.scoring().targetUnits(tree, null);
            Unit province = tree.roots().get(0);
            assertEquals(province, units.get(0));
            assertEquals(1 + tree.children(province).stream().filter(u -> u.level() == UnitLevel.DISTRICT).count(),
                    units.size());
            List<ScoringService.UnitProgress> progress = s.scoring().targets(tree, units, 2026, DAY);
            for (int t = 0; t < progress.get(0).targets().size(); t++) {
                TargetProgress whole = progress.get(0).targets().get(t);
                long num = 0;
                long den = 0;
                for (ScoringService.UnitProgress d : progress.subList(1, progress.size())) {
                    num += d.targets().get(t).numerator();
                    den += d.targets().get(t).denominator();
                }
                assertEquals(whole.numerator(), num, whole.target().code());
                assertEquals(whole.denominator(), den, whole.target().code());
            }
            assertTrue(progress.get(0).targets().stream().anyMatch(p -> p.measured() && p.denominator() > 0));
            assertEquals(List.of(units.get(3)), s.scoring().targetUnits(tree, units.get(3)));
        }
    }

    @Test
    void onlyAProvinceSetsTargetsAndARefusalChangesNothing() throws Exception {
        Path file = dir.resolve("targets.json");
        try (var in = ServicesTest.class.getResourceAsStream("/vn/ytcs/core/directive/d25-targets.json")) {
            Files.write(file, in.readAllBytes());
        }
        try (Services s = open()) {
            int before = s.register().targets().size();
            assertEquals(SiteRole.DISTRICT, s.register().localSite().role());
            RegisterService.NotPermitted e = assertThrows(RegisterService.NotPermitted.class,
                    () -> s.register().importTargets(file));
            assertEquals(SiteRole.DISTRICT, e.role());
            assertEquals(before, s.register().targets().size());
            s.store().sites().configureLocal("Sở Y tế", SiteRole.PROVINCE, null, null);
        }
        try (Services s = open()) {
            RegisterService.TargetsImported done = s.register().importTargets(file);
            assertEquals(s.register().targets().size(), done.read());
            assertTrue(done.read() > 0);
        }
    }

    @Test
    void anEditIsCheckedAgainstItsKindsDeclarationAndARefusalChangesNothing() throws Exception {
        try (Services s = open()) {
            s.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            UnitTree tree = s.register().tree(DAY);
            var profile = s.register().profiles(tree, List.of(tree.communes().get(0)), DAY).get(0);
            StaffMember member = profile.staff().get(0);
            StaffMember leftBeforeStarting = new StaffMember(member.id(), member.stationId(), member.fullName(), member.sex(),
                    member.birthYear(), member.profession(), member.employment(), LocalDate.of(2020, 5, 1),
                    LocalDate.of(2019, 1, 1));
            List<FieldProblem> problems = s.register().check(leftBeforeStarting);
            assertEquals(1, problems.size(), problems.toString());
            assertEquals("end_date", problems.get(0).field());
            StoreException refused = assertThrows(StoreException.class, () -> s.register().save(leftBeforeStarting));
            assertEquals(problems, refused.problems());
            assertEquals(member, s.register().profiles(tree, List.of(profile.commune()), DAY).get(0).staff().get(0));

            StaffMember left = new StaffMember(member.id(), member.stationId(), member.fullName(), member.sex(),
                    member.birthYear(), member.profession(), member.employment(), member.startDate(), LocalDate.of(2025, 3, 1));
            assertEquals(List.of(), s.register().check(left));
            s.register().save(left);
            assertFalse(s.register().profiles(tree, List.of(profile.commune()), DAY).get(0).staff().contains(member),
                    "a member who left is no longer counted on the day");
            List<String> audited = new java.util.ArrayList<>();
            s.store().sync().exportAudit(List.of(member.id()), e -> audited.add(e.field()));
            assertTrue(audited.stream().anyMatch("end_date"::equalsIgnoreCase), audited.toString());
        }
    }

    @Test
    void aDemoLoadCancelledBeforeItsCommitWritesNothing() {
        try (Services s = open()) {
            AtomicLong seen = new AtomicLong();
            Progress cancelHalfway = new Progress() {
                @Override
                public void update(long done, long total) {
                    seen.set(done);
                }

                @Override
                public boolean cancelled() {
                    return seen.get() > 0;
                }
            };
            assertThrows(Progress.Cancelled.class, () -> s.register().loadDemo(DemoLoader.World.BOTH, cancelHalfway));
            assertTrue(seen.get() > 0, "records were written inside the transaction before the cancel");
            assertTrue(s.register().tree(DAY).isEmpty());
            assertFalse(s.register().demoLoaded());
            s.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            assertEquals(1 + 7 + 28, s.register().tree(DAY).size(), "Cần Thơ, its regional centres and communes");
        }
    }
}
