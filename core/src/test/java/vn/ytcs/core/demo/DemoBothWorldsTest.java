// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.progress.TargetProgress;
import vn.ytcs.core.progress.TargetTracker;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.service.CommuneRegister;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;
import vn.ytcs.core.unit.UnitType;

/**
 * The demo as every office holds it now (issue 11): Hậu Giang to 30 June 2025 with 2023–2024
 * figures and 2024 assessments on its 75 communes, the 28 communes of Cần Thơ from 1 July 2025
 * with 2025–2026 on them, each period scored and counted on the units of its time, from a real
 * database and checked against counts made by hand from the shipped tables.
 */
class DemoBothWorldsTest {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @TempDir
    static Path dir;
    static Store store;
    static RegisterService register;
    static ScoringService scoring;
    static DemoData old = DemoProvince.generate();
    /** new code → the old codes merged into it, straight from the shipped mapping. */
    static Map<String, List<String>> merger = new HashMap<>();

    @BeforeAll
    static void load() {
        store = Store.open(dir);
        assertEquals(DemoLoader.Outcome.LOADED, DemoLoader.load(store, "test"));
        register = new RegisterService(store, "test");
        scoring = new ScoringService(store, Catalogs::shipped, register);
        for (Map<String, String> r : DemoProvince.table("haugiang-merger-2025.csv")) {
            merger.computeIfAbsent(r.get("new_code"), k -> new ArrayList<>()).add(r.get("old_code"));
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void eachDayShowsTheUnitsOfItsTimeWithOfficialCodes() {
        assertEquals(TODAY, register.defaultAsOf(TODAY), "today's units are the new ones");
        UnitTree before = register.tree(BEFORE);
        assertEquals("Hậu Giang", before.roots().get(0).name());
        assertEquals(8, before.children(before.roots().get(0)).size());
        assertEquals(75, before.communes().size());

        UnitTree today = register.tree(TODAY);
        assertEquals(1, today.roots().size());
        Unit city = today.roots().get(0);
        assertEquals("92", city.code());
        assertEquals(UnitType.THANH_PHO_TW, city.type());
        List<Unit> centres = today.children(city);
        assertEquals(7, centres.size(), "the two Long Mỹ centres are one");
        assertTrue(centres.stream().allMatch(c -> c.type() == UnitType.KHU_VUC_YTE && !c.codeOfficial()
                && c.note().startsWith("Minh họa")), "the grouping is marked as illustrative");
        List<Unit> communes = today.communes();
        assertEquals(28, communes.size());
        assertEquals(merger.keySet(), communes.stream().map(Unit::code).collect(Collectors.toSet()));
        assertEquals(Map.of(UnitType.PHUONG, 7L, UnitType.XA, 21L),
                communes.stream().collect(Collectors.groupingBy(Unit::type, Collectors.counting())));
        Unit hoaLuu = communes.stream().filter(u -> u.code().equals("31338")).findFirst().orElseThrow();
        assertEquals("Hỏa Lựu", hoaLuu.name(), "31338 was xã Tân Tiến and is xã Hỏa Lựu: code and validity name a unit");
        assertEquals("Tân Tiến", before.communes().stream().filter(u -> u.code().equals("31338")).findFirst().orElseThrow().name());
        CommuneRegister.History history = register.history(hoaLuu);
        assertEquals(Set.of("31336", "31338", "31339"),
                history.formedFrom().stream().map(s -> s.unit().code()).collect(Collectors.toSet()));
    }

    /** Every old station is the station or a health point of the one new commune it went into; no staff member or hamlet is lost. */
    @Test
    void theNewCommunesCarryTheOldRegistersOnWithNothingLost() {
        UnitTree today = register.tree(TODAY);
        Map<String, Station> stationByOldCode = new HashMap<>();
        Map<UUID, String> codeOf = old.units().stream().collect(Collectors.toMap(Unit::id, Unit::code));
        old.stations().forEach(s -> stationByOldCode.put(codeOf.get(s.unitId()), s));
        Set<UUID> seen = new HashSet<>();
        int staffToday = 0;
        int hamletsToday = 0;
        for (CommuneProfile p : register.profiles(today, today.communes(), TODAY)) {
            List<String> parts = merger.get(p.commune().code());
            CommuneRegister page = register.communeRegister(p.commune());
            List<Station> all = new ArrayList<>();
            page.station().ifPresent(all::add);
            all.addAll(page.healthPoints());
            assertEquals(parts.stream().map(c -> stationByOldCode.get(c).id()).collect(Collectors.toSet()),
                    all.stream().map(Station::id).collect(Collectors.toSet()), p.commune().name());
            assertEquals(parts.size() - 1, page.healthPoints().size(), p.commune().name() + ": one station, the rest health points");
            if (parts.contains(p.commune().code())) {
                assertEquals(stationByOldCode.get(p.commune().code()).id(), page.station().orElseThrow().id(),
                        p.commune().name() + " keeps the station of the commune whose code it took");
            }
            all.forEach(s -> assertTrue(seen.add(s.id()), s.name() + " is in one commune only"));
            Set<UUID> stations = all.stream().map(Station::id).collect(Collectors.toSet());
            long handStaff = old.staff().stream().filter(m -> stations.contains(m.stationId())).count();
            assertEquals(handStaff, p.staff().size(), p.commune().name());
            Set<UUID> oldUnits = parts.stream().map(c -> old.units().stream()
                    .filter(u -> u.code().equals(c) && u.validTo() != null).findFirst().orElseThrow().id()).collect(Collectors.toSet());
            assertEquals(old.hamlets().stream().filter(h -> oldUnits.contains(h.communeId())).count(), p.hamlets().size());
            staffToday += p.staff().size();
            hamletsToday += p.hamlets().size();
        }
        assertEquals(old.stations().size(), seen.size(), "every old station");
        UnitTree before = register.tree(BEFORE);
        List<CommuneProfile> then = register.profiles(before, before.communes(), BEFORE);
        assertEquals(then.stream().mapToInt(p -> p.staff().size()).sum(), staffToday, "the same current staff");
        assertEquals(old.staff().size(), staffToday);
        assertEquals(then.stream().mapToInt(p -> p.hamlets().size()).sum(), hamletsToday);
    }

    /** A year belongs to the units of its time: 2023–2024 on the old communes, 2025–2026 on the new ones. */
    @Test
    void figuresAndAssessmentsAreOnTheUnitsOfTheirTime() {
        UnitTree before = register.tree(BEFORE);
        for (Unit c : before.communes()) {
            assertEquals(List.of(2023, 2024), register.communeRegister(c).figures().stream().map(CommuneYear::year).toList(), c.name());
            assertTrue(register.assessment(c.id(), 2024).isPresent(), c.name());
            assertTrue(register.assessment(c.id(), 2025).isEmpty(), c.name() + ": 2025 is the new commune's");
        }
        UnitTree today = register.tree(TODAY);
        Map<UUID, CommuneYear> old2024 = old.figures().stream().filter(f -> f.year() == 2024)
                .collect(Collectors.toMap(CommuneYear::unitId, f -> f));
        for (Unit c : today.communes()) {
            List<CommuneYear> figures = register.communeRegister(c).figures();
            assertEquals(List.of(2025, 2026), figures.stream().map(CommuneYear::year).toList(), c.name());
            long population2024 = merger.get(c.code()).stream().mapToLong(code -> old2024.get(old.units().stream()
                    .filter(u -> u.code().equals(code)).findFirst().orElseThrow().id()).population()).sum();
            assertEquals(Math.round(population2024 * 1.009), (long) figures.get(0).population(), c.name());
            assertTrue(register.assessment(c.id(), 2025).isPresent() && register.assessment(c.id(), 2026).isPresent(), c.name());
        }
    }

    /** Recognised where the first period's score passes: the demo's own scoring agrees with the store's, lineage and all. */
    @Test
    void eachPeriodIsScoredOnItsOwnUnits() {
        UnitTree before = register.tree(BEFORE);
        UnitTree today = register.tree(TODAY);
        List<CommuneScoring.Result> y2024 = scoring.score(before, before.communes(), 2024, BEFORE);
        List<CommuneScoring.Result> y2025 = scoring.score(today, today.communes(), 2025, TODAY);
        assertEquals(75, y2024.size());
        assertEquals(28, y2025.size());
        for (List<CommuneScoring.Result> results : List.of(y2024, y2025)) {
            long recognised = 0;
            for (CommuneScoring.Result r : results) {
                boolean isRecognised = r.assessment().orElseThrow().state() == AssessmentState.RECOGNISED;
                assertEquals(isRecognised, r.scorecard().passed(), r.commune().name());
                recognised += isRecognised ? 1 : 0;
            }
            assertTrue(recognised > 0 && recognised < results.size(), "some communes pass, some do not: " + recognised);
        }
        assertTrue(scoring.score(today, today.communes(), 2026, TODAY).stream()
                .allMatch(r -> r.assessment().orElseThrow().state() != AssessmentState.RECOGNISED), "2026 is still being assessed");
    }

    /** The period a day shows is one its units were assessed for: a year belongs to the units of its time. */
    @Test
    void theDefaultPeriodOfADayIsOneItsUnitsWereAssessedFor() {
        assertEquals(2024, scoring.period(null, BEFORE), "2025 is the new communes'");
        assertEquals(2025, scoring.period(null, LocalDate.of(2025, 7, 1)));
        assertEquals(2026, scoring.period(null, TODAY));
        assertEquals(2026, scoring.period(null, LocalDate.of(2027, 1, 5)), "before the first assessment of 2027, the year just assessed");
        assertEquals(2019, scoring.period(null, LocalDate.of(2019, 3, 1)), "no units, no assessment: the year of the day");
        assertEquals(2030, scoring.period(2030, BEFORE), "a year asked for is the year");
    }

    /** The targets of 30/06/2025 count the 75 communes and 2024's figures; today's the 28 and 2026's. */
    @Test
    void targetsAsOfEachDayMatchHandCounts() {
        for (LocalDate day : List.of(BEFORE, TODAY)) {
            int period = day.equals(BEFORE) ? 2024 : 2026;
            UnitTree tree = register.tree(day);
            List<CommuneScoring.Result> results = scoring.score(tree, tree.communes(), period, day);
            Map<String, TargetProgress> byCode = TargetTracker.progress(Targets.shipped(), tree.roots().get(0), results, period)
                    .stream().collect(Collectors.toMap(p -> p.target().code(), p -> p));
            Set<UUID> communes = tree.communes().stream().map(Unit::id).collect(Collectors.toSet());
            List<CommuneYear> figures = store.figures().figuresOf(communes).stream().filter(f -> f.year() == period).toList();
            assertEquals(tree.communes().size(), figures.size(), day + ": one row per commune of the day");
            TargetProgress insurance = byCode.get("INSURANCE");
            assertEquals(figures.stream().mapToLong(CommuneYear::insured).sum(), insurance.numerator(), day.toString());
            assertEquals(figures.stream().mapToLong(CommuneYear::population).sum(), insurance.denominator(), day.toString());
            // By hand: a commune has a permanent doctor if any station of its register has one on its staff.
            long withDoctor = 0;
            for (Unit c : tree.communes()) {
                List<String> parts = day.equals(BEFORE) ? List.of(c.code()) : merger.get(c.code());
                Set<UUID> stations = old.stations().stream().filter(s -> parts.contains(old.units().stream()
                        .filter(u -> u.id().equals(s.unitId())).findFirst().orElseThrow().code())).map(Station::id)
                        .collect(Collectors.toSet());
                withDoctor += old.staff().stream().anyMatch(m -> stations.contains(m.stationId()) && m.profession().isDoctor()
                        && m.employment() == Employment.PERMANENT) ? 1 : 0;
            }
            TargetProgress doctor = byCode.get("PERMANENT_DOCTOR");
            assertEquals(withDoctor, doctor.numerator(), day.toString());
            assertEquals(tree.communes().size(), doctor.denominator(), day.toString());
        }
        assertFalse(register.tree(TODAY).communes().isEmpty());
    }
}
