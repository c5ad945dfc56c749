// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.service.Reorganisation;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageWriter;

/**
 * A reorganisation travels as records (issue 11): the district that applied it sends the new units
 * and the successions to a province still on the old structure, which sees today's communes
 * carrying the old registers on; and a package made before the reorganisation still imports after it.
 */
class ReorganisationTravelTest {

    @TempDir
    Path dir;

    private Sites province;
    private Sites district;

    @AfterEach
    void close() {
        if (province != null) {
            province.close();
        }
        if (district != null) {
            district.close();
        }
    }

    @Test
    void theNewUnitsAndTheirSuccessionsReachTheProvinceAndAnOlderPackageStillImports() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        district = new Sites(dir.resolve("d"), "TTYT Vị Thanh", SiteRole.REGIONAL_CENTRE);
        province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE);
        DemoLoader.load(district.store, "lan", DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
        // The first package, of the old structure, made before the reorganisation.
        Path before = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
        province.importer.trustSender(before);
        district.importer.trustSender(province.importer.importFile(before, false).receipt());

        district.store.write("lan", w -> {
            w.save(new Unit(UUID.randomUUID(), "92", true, "Cần Thơ", UnitType.THANH_PHO_TW, null, LocalDate.of(2025, 7, 1),
                    null, null, null, true, null));
            return null;
        });
        Path mapping = dir.resolve("haugiang-merger-2025.csv");
        try (InputStream in = DemoLoader.class.getResourceAsStream("haugiang-merger-2025.csv")) {
            Files.copy(in, mapping);
        }
        Reorganisation r = new Reorganisation(district.store, "lan");
        r.apply(r.plan(mapping, "92"));

        Path reorganised = PackageWriter.export(district.store, district.keys, province.keys.site().id(), false, stick, false).file();
        // The preview says which new units the package makes, from which communes, before anything applies.
        PackageImporter.Result preview = province.importer.importFile(reorganised, true);
        assertEquals(PackageImporter.Outcome.DRY_RUN, preview.outcome());
        assertEquals(28, preview.arriving().size());
        assertEquals(75, preview.arriving().stream().mapToInt(u -> u.formedFrom().size()).sum());
        PackageImporter.ArrivingUnit hoaLuuArriving = preview.arriving().stream().filter(u -> u.code().equals("31338"))
                .findFirst().orElseThrow();
        assertEquals("Hỏa Lựu", hoaLuuArriving.name());
        assertEquals(LocalDate.of(2025, 7, 1), hoaLuuArriving.from());
        assertEquals(java.util.Set.of("31336", "31338", "31339"), province.store.units().units(hoaLuuArriving.formedFrom()).stream()
                .map(Unit::code).collect(java.util.stream.Collectors.toSet()));
        assertEquals(0, province.register.tree(LocalDate.of(2026, 12, 1)).communes().size(), "the preview wrote nothing");
        PackageImporter.Result after = province.importer.importFile(reorganised, false);
        assertEquals(29 + 75, after.created(), "the city, 28 communes and 75 successions");
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertEquals(28, province.register.tree(today).communes().size(), "the province sees today's communes");
        assertEquals(75, province.register.tree(LocalDate.of(2025, 6, 30)).communes().size(), "and the past as it was");
        Unit hoaLuu = province.register.tree(today).communes().stream().filter(u -> u.code().equals("31338")).findFirst()
                .orElseThrow();
        assertEquals("Trạm Y tế xã Tân Tiến", province.register.communeRegister(hoaLuu).station().orElseThrow().name(),
                "the merged commune carries its predecessors' register at the province too");
        assertEquals(2, province.register.communeRegister(hoaLuu).healthPoints().size());

        // A package of the old structure, made before, imported again after: nothing new, nothing lost.
        PackageImporter.Result again = province.importer.importFile(before, false);
        assertTrue(again.created() == 0 && again.changed() == 0, again.outcome() + " " + again.created());
        assertEquals(28, province.register.tree(today).communes().size());
    }
}
