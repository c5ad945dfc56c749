// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitTree;
import vn.ytcs.core.unit.UnitType;

class DemoProvinceTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @TempDir
    Path dir;

    @Test
    void loadsHauGiangWithItsRealUnitsIntoARealDatabase() {
        try (Store store = Store.open(dir)) {
            assertEquals(DemoLoader.Outcome.LOADED, DemoLoader.load(store, "test"));
            UnitTree tree = store.units().tree(DAY);
            assertEquals(1, tree.roots().size());
            Unit province = tree.roots().get(0);
            assertEquals("Hậu Giang", province.name());
            assertEquals("93", province.code());
            List<Unit> districts = tree.children(province);
            assertEquals(8, districts.size());
            assertEquals(List.of("Ngã Bảy", "Vị Thanh", "Long Mỹ", "Châu Thành", "Châu Thành A", "Long Mỹ", "Phụng Hiệp",
                    "Vị Thủy"), districts.stream().map(Unit::name).toList(), "cities, then the town, then districts");
            List<Unit> communes = tree.communes();
            assertEquals(75, communes.size());
            Map<UnitType, Long> byType = communes.stream().collect(Collectors.groupingBy(Unit::type, Collectors.counting()));
            assertEquals(Map.of(UnitType.XA, 51L, UnitType.PHUONG, 13L, UnitType.THI_TRAN, 11L), byType);
            assertTrue(communes.stream().allMatch(u -> u.demo() && u.codeOfficial()));
            Unit viThanh = districts.get(1);
            assertEquals("930", viThanh.code());
            assertEquals(List.of("I", "III", "IV", "V", "VII", "Hỏa Lựu", "Hỏa Tiến", "Tân Tiến", "Vị Tân"),
                    tree.children(viThanh).stream().map(Unit::name).toList());
            assertEquals(List.of("31318", "31321", "31324", "31327", "31330", "31336", "31339", "31338", "31333"),
                    tree.children(viThanh).stream().map(Unit::code).toList());
        }
    }

    /** Every unit of the official list is in the demo under its code, type and name (today's tone marks); Phú An is Phú Tân. */
    @Test
    void theDemoUnitsAreTheOfficialList() throws Exception {
        Map<String, Unit> byCode = DemoProvince.generate().units().stream().collect(Collectors.toMap(Unit::code, u -> u));
        List<String> lines = java.nio.file.Files.readAllLines(Path.of(getClass()
                .getResource("/vn/ytcs/core/demo/haugiang-codes-2025.csv").toURI()));
        assertEquals(84, byCode.size(), "the province, 8 districts, 75 communes");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Unit u = byCode.get(f[0]);
            assertTrue(u != null, f[0] + " " + f[1]);
            String shown = vn.ytcs.core.text.VietText.modernToneMarks(f[1]);
            assertTrue(shown.toLowerCase(java.util.Locale.ROOT).endsWith(u.name().toLowerCase(java.util.Locale.ROOT)),
                    f[1] + " shown as " + u.name());
            assertEquals(f[3], byCode.values().stream().filter(p -> p.id().equals(u.parentId())).findFirst().orElseThrow().code(),
                    f[1] + ": its parent");
        }
        assertEquals("Phú Tân", byCode.get("31379").name());
        assertEquals("Hỏa Lựu", byCode.get("31336").name(), "the list's Hoả Lựu, as written today");
        assertEquals("Vị Thủy", byCode.get("935").name());
        assertEquals(UnitType.PHUONG, byCode.get("31344").type(), "Hiệp Lợi, a phường in the official list");
        assertTrue(byCode.values().stream().noneMatch(u -> u.code().startsWith("HG")), "no provisional code is left");
    }

    @Test
    void aDemoLoadedWithProvisionalCodesIsToldToReload() throws Exception {
        try (Store store = Store.open(dir)) {
            DemoLoader.load(store, "test");
            assertFalse(DemoLoader.outdated(store));
        }
        // As an earlier YTCS left it: the demo loaded, no word of the codes it used.
        String url = "jdbc:h2:file:" + dir.resolve(Store.DATABASE_NAME).toAbsolutePath();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "ytcs", "");
             java.sql.Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("DELETE FROM app_meta WHERE meta_key = '" + DemoLoader.CODES_KEY + "'"));
        }
        try (Store store = Store.open(dir)) {
            assertTrue(DemoLoader.outdated(store), "a demo of an earlier YTCS");
            vn.ytcs.core.service.RegisterService register = new vn.ytcs.core.service.RegisterService(store, "test",
                    vn.ytcs.core.catalog.Catalogs::shipped);
            assertTrue(register.notices().stream().anyMatch(n -> n.kind() == Store.Notice.Kind.OLD_DEMO), "and told so");
        }
    }

    @Test
    void loadingTwiceChangesNothing() {
        try (Store store = Store.open(dir)) {
            DemoLoader.load(store, "test");
            int staff = store.staff().staffOf(stationIds(store)).size();
            assertEquals(DemoLoader.Outcome.ALREADY_LOADED, DemoLoader.load(store, "test"));
            assertEquals(staff, store.staff().staffOf(stationIds(store)).size());
            assertEquals(84, store.units().tree(DAY).size());
        }
    }

    @Test
    void refusesADatabaseThatHoldsOtherData() {
        try (Store store = Store.open(dir)) {
            store.write("test", w -> {
                w.save(new Unit(UUID.randomUUID(), "01", true, "Hà Nội", UnitType.THANH_PHO_TW, null,
                        LocalDate.of(2008, 8, 1), null, null, null, false, null));
                return null;
            });
            StoreException e = assertThrows(StoreException.class, () -> DemoLoader.load(store, "test"));
            assertEquals(StoreException.Reason.NOT_EMPTY, e.reason());
            assertEquals(1, store.units().tree(DAY).size());
        }
    }

    @Test
    void generatedRegisterIsPlausibleAndStable() {
        DemoData a = DemoProvince.generate();
        DemoData b = DemoProvince.generate();
        assertEquals(a, b, "fixed seed");
        List<Unit> communes = a.units().stream().filter(u -> u.level() == UnitLevel.COMMUNE).toList();
        assertEquals(75, a.stations().size());
        Map<UUID, List<StaffMember>> staffByStation = a.staff().stream().collect(Collectors.groupingBy(StaffMember::stationId));
        staffByStation.values().forEach(s -> assertTrue(s.size() >= 5 && s.size() <= 12, "5–12 staff"));
        long noDoctor = staffByStation.values().stream().filter(s -> s.stream().noneMatch(m -> m.profession().isDoctor())).count();
        long onlyRotating = staffByStation.values().stream().filter(s -> s.stream().anyMatch(m -> m.profession().isDoctor())
                && s.stream().noneMatch(m -> m.profession().isDoctor() && m.employment() == Employment.PERMANENT)).count();
        assertTrue(noDoctor >= 3, "some communes have no doctor: " + noDoctor);
        assertTrue(onlyRotating >= 3, "some have only a rotating doctor: " + onlyRotating);
        Map<UUID, Long> hamletsPerCommune = a.hamlets().stream().collect(Collectors.groupingBy(Hamlet::communeId, Collectors.counting()));
        assertEquals(75, hamletsPerCommune.size());
        hamletsPerCommune.values().forEach(n -> assertTrue(n >= 4 && n <= 12, "4–12 hamlets"));
        Set<UUID> served = a.workers().stream().map(HamletWorker::hamletId).collect(Collectors.toSet());
        assertTrue(a.hamlets().stream().anyMatch(h -> !served.contains(h.id())), "some hamlets have no health worker");
        assertEquals(75 * 3, a.figures().size());
        assertEquals(Set.of(2023, 2024, 2025), a.figures().stream().map(f -> f.year()).collect(Collectors.toSet()));
        Map<UUID, Unit> byId = communes.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        a.stations().forEach(s -> assertTrue(byId.containsKey(s.unitId())));
        int census = a.figures().stream().filter(f -> f.unitId().equals(communes.get(5).id()) && f.year() == 2023)
                .findFirst().orElseThrow().population();
        assertEquals(Math.round(6862 * Math.pow(1.009, 4)), census, "Hỏa Lựu grows from its 2019 census figure");
    }

    private static List<UUID> stationIds(Store store) {
        UnitTree tree = store.units().tree(DAY);
        return store.stations().stationsOf(tree.communes().stream().map(Unit::id).toList()).stream()
                .map(Station::id).toList();
    }
}
