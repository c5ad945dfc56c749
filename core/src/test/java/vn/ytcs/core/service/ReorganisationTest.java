// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;
import vn.ytcs.core.unit.UnitType;

/**
 * The 2025 reorganisation of Hậu Giang applied to the demo on a real H2 file: 75 communes into 28,
 * every old station a station or a health point, the same staff and hamlets, the past as it was;
 * applied twice it changes nothing; a broken mapping is refused by row and column, nothing changed.
 */
class ReorganisationTest {

    private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    private static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @TempDir
    static Path template;

    @TempDir
    Path dir;

    private Store store;
    private RegisterService register;
    private Reorganisation reorganisation;

    @BeforeAll
    static void demo() {
        try (Store s = Store.open(template.resolve("data"))) {
            DemoLoader.load(s, "test", DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            // The new city the communes go under from 1 July 2025.
            s.write("test", w -> {
                w.save(new Unit(UUID.randomUUID(), "92", true, "Cần Thơ", UnitType.THANH_PHO_TW, null, AFTER, null, null,
                        null, true, null));
                return null;
            });
        }
    }

    @BeforeEach
    void copy() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(template.resolve("data").resolve("ytcs.mv.db"), dir.resolve("data").resolve("ytcs.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        store = Store.open(dir.resolve("data"));
        register = new RegisterService(store, "lan", Catalogs::shipped);
        reorganisation = new Reorganisation(store, "lan");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private Path merger() throws Exception {
        Path file = dir.resolve("haugiang-merger-2025.csv");
        try (InputStream in = DemoLoader.class.getResourceAsStream("haugiang-merger-2025.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private long staffOn(List<CommuneProfile> profiles) {
        return profiles.stream().mapToLong(p -> p.staff().size()).sum();
    }

    private long hamletsOn(List<CommuneProfile> profiles) {
        return profiles.stream().mapToLong(p -> p.hamlets().size()).sum();
    }

    @Test
    void theHauGiangMergerGivesTwentyEightCommunesCarryingEveryStationStaffAndHamlet() throws Exception {
        UnitTree old = register.tree(BEFORE);
        List<CommuneProfile> before = register.profiles(old, old.communes(), BEFORE);
        assertEquals(75, before.size());

        Reorganisation.Plan plan = reorganisation.plan(merger(), "92");
        assertEquals(28, plan.units().size());
        assertEquals(75, plan.units().stream().mapToInt(u -> u.merged().size()).sum());
        assertEquals(staffOn(before), plan.units().stream().mapToLong(Reorganisation.NewUnit::staff).sum(),
                "the preview counts every current staff member");
        assertEquals(hamletsOn(before), plan.units().stream().mapToLong(Reorganisation.NewUnit::hamlets).sum());
        Reorganisation.NewUnit hoaLuu = plan.units().stream().filter(u -> u.code().equals("31338")).findFirst().orElseThrow();
        assertEquals("Hỏa Lựu", hoaLuu.name());
        assertEquals(Set.of("31336", "31338", "31339"), hoaLuu.merged().stream().map(Unit::code).collect(Collectors.toSet()));
        assertEquals("Trạm Y tế xã Tân Tiến", hoaLuu.station().orElseThrow().name(),
                "the station of the commune whose code the new one took");
        assertEquals(2, hoaLuu.healthPoints().size());
        assertTrue(store.units().successions().isEmpty(), "a plan changes nothing");

        reorganisation.apply(plan);

        UnitTree now = register.tree(LocalDate.of(2026, 12, 1));
        List<Unit> communes = now.communes();
        assertEquals(28, communes.size(), "the merged communes of Cần Thơ");
        assertEquals(7, communes.stream().filter(u -> u.type() == UnitType.PHUONG).count());
        assertEquals(21, communes.stream().filter(u -> u.type() == UnitType.XA).count());
        List<CommuneProfile> after = register.profiles(now, communes, AFTER);
        assertEquals(staffOn(before), staffOn(after), "not a staff member lost");
        assertEquals(hamletsOn(before), hamletsOn(after), "not a hamlet lost");
        Set<UUID> stations = new HashSet<>();
        for (Unit c : communes) {
            var r = register.communeRegister(c);
            assertTrue(r.station().isPresent(), c.name() + " has its station");
            stations.add(r.station().get().id());
            r.healthPoints().forEach(p -> assertTrue(stations.add(p.id()), p.name() + " in one commune only"));
        }
        assertEquals(75, stations.size(), "every old station is a station or a health point of exactly one new commune");

        // The past as it was: 75 communes on 30 June 2025, each with its own station and staff.
        UnitTree past = register.tree(BEFORE);
        assertEquals(75, past.communes().size());
        List<CommuneProfile> then = register.profiles(past, past.communes(), BEFORE);
        assertEquals(staffOn(before), staffOn(then));
        assertTrue(then.stream().allMatch(p -> p.station().isPresent()));
        assertEquals(before.stream().map(p -> p.station().map(Station::id).orElseThrow()).toList(),
                then.stream().map(p -> p.station().map(Station::id).orElseThrow()).toList());

        // The same file again: nothing to do, nothing written.
        assertEquals(2, store.units().byCodeAnyDay("31321").size(), "the old Phường III and the new Phường Vị Thanh");
        Reorganisation.Plan again = reorganisation.plan(merger(), "92");
        assertTrue(again.nothingToDo());
        reorganisation.apply(again);
        assertEquals(28, register.tree(LocalDate.of(2026, 12, 1)).communes().size());
        assertEquals(75, store.units().successions().size());
        assertEquals(2, store.units().byCodeAnyDay("31321").size(), "no unit made twice");
    }

    private TableFile.Refused refused(Path file) {
        long units = register.tree(BEFORE).size();
        TableFile.Refused e = assertThrows(TableFile.Refused.class, () -> reorganisation.plan(file, "92"));
        assertTrue(store.units().successions().isEmpty(), "nothing changed");
        assertEquals(units, register.tree(BEFORE).size());
        return e;
    }

    private static String first(TableFile.Refused e) {
        var p = e.problems().get(0);
        return p.row() + " " + p.column() + " " + p.kind() + " " + p.value();
    }

    @Test
    void aBrokenMappingIsRefusedByRowAndColumnAndChangesNothing() throws Exception {
        String header = "old_code,old_name,old_district_code,new_code,new_name,effective_date,clause_1668";
        assertEquals("3 old_code UNKNOWN_CODE 99999", first(refused(write("unknown.csv", header,
                "31318,Phường I,930,31321,Phường Vị Thanh,2025-07-01,16",
                "99999,Xã Không Có,930,31321,Phường Vị Thanh,2025-07-01,16"))));
        assertEquals("2 old_name NAME_MISMATCH Phường Hai", first(refused(write("name.csv", header,
                "31318,Phường Hai,930,31321,Phường Vị Thanh,2025-07-01,16"))));
        assertEquals("2 effective_date BAD_DATE 01/07/2025", first(refused(write("date.csv", header,
                "31318,Phường I,930,31321,Phường Vị Thanh,01/07/2025,16"))));
        assertEquals("1 new_name MISSING_COLUMN new_name", first(refused(write("column.csv",
                "old_code,old_name,new_code,effective_date", "31318,Phường I,31321,2025-07-01"))));
        TableFile.Refused twice = refused(write("twice.csv", header,
                "31318,Phường I,930,31321,Phường Vị Thanh,2025-07-01,16",
                "31318,Phường I,930,31333,Phường Vị Tân,2025-07-01,17"));
        assertEquals("3 old_code MAPPED_TWICE 31318", first(twice));
        TableFile.Refused cycle = refused(write("cycle.csv", header,
                "31318,Phường I,930,31321,Phường Vị Thanh,2025-07-01,16",
                "31321,Phường III,930,31318,Phường Một,2025-07-01,16"));
        assertTrue(cycle.problems().stream().anyMatch(p -> p.kind() == TableFile.Kind.CYCLE), cycle.problems().toString());
        // 92 is Cần Thơ from that day: a new unit may not take a code another unit has then.
        TableFile.Refused overlap = refused(write("overlap.csv", header,
                "31318,Phường I,930,92,Phường Mới,2025-07-01,16"));
        assertEquals("2 new_code OVERLAP 92", first(overlap));
        // Every problem is listed, not only the first.
        TableFile.Refused many = refused(write("many.csv", header,
                "99998,Xã A,930,31321,Phường Vị Thanh,2025-07-01,16",
                "99999,Xã B,930,31321,Phường Vị Thanh,2025-13-01,16"));
        assertEquals(2, many.problems().size(), many.problems().toString());
    }
}
