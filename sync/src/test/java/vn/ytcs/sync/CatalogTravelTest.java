// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.service.CatalogService;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageWriter;

/**
 * A catalog revision is a record of the province's catalog kind: a package carries it to the
 * district, whose catalogs in force then are the revision; a district changing it or making its
 * own revision does not change the province's.
 */
class CatalogTravelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Sites province;
    private Sites district;
    private Path stick;

    @AfterEach
    void close() {
        if (province != null) {
            province.close();
        }
        if (district != null) {
            district.close();
        }
    }

    private static UUID id(Sites s) {
        return s.keys.site().id();
    }

    private static CatalogService catalogs(Sites s) {
        CatalogService.InForce inForce = new CatalogService.InForce();
        inForce.bind(s.store);
        return new CatalogService(s.store, "test", inForce);
    }

    private Path revised(String name, int points) throws Exception {
        ObjectNode doc;
        try (InputStream in = getClass().getResourceAsStream("/vn/ytcs/core/catalog/QD1300-2023.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
        // TC6.28 from 80 %, one tier (the shipped 90 % and 85 % tiers would come after an easier one).
        ((ObjectNode) doc.get("indicators").get(27).get("rule")).putArray("tiers").addObject().put("threshold", 80)
                .put("points", points);
        Path file = dir.resolve(name);
        Files.write(file, JSON.writeValueAsBytes(doc));
        return file;
    }

    private void meet() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE);
        district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT);
        district.store.write("lan", w -> {
            w.save(new Unit(UUID.randomUUID(), "CT01", false, "Xã Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1),
                    null, 2, null, false, null));
            return null;
        });
        Path first = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
        province.importer.trustSender(first);
        district.importer.trustSender(province.importer.importFile(first, false).receipt());
    }

    private PackageImporter.Result provinceToDistrict() {
        return district.importer.importFile(
                PackageWriter.export(province.store, province.keys, id(district), false, stick, false).file(), false);
    }

    private PackageImporter.Result districtToProvince() {
        return province.importer.importFile(
                PackageWriter.export(district.store, district.keys, id(province), false, stick, false).file(), false);
    }

    @Test
    void aRevisionTravelsToTheDistrictWhichCannotChangeTheProvincesOne() throws Exception {
        meet();
        CatalogService atProvince = catalogs(province);
        CatalogService atDistrict = catalogs(district);
        assertEquals(0, atDistrict.inForce().forPeriod(2025).orElseThrow().revision());
        Map<String, Integer> before = atDistrict.newestNumbers();

        atProvince.importRevision(revised("r1.json", 3), "ngưỡng BHYT 80 %");
        PackageImporter.Result r = provinceToDistrict();
        assertEquals(1, r.created(), "the revision is one record");
        assertEquals(1, atDistrict.inForce().forPeriod(2025).orElseThrow().revision(), "the district's scores use it");
        assertEquals(List.of(1), atDistrict.revisedSince(before).stream().map(x -> x.revision().revision()).toList());
        assertEquals(List.of("TC6.28 RULE"), atDistrict.revisedSince(before).get(0).diff().lines().stream()
                .map(l -> l.indicator() + " " + l.change()).toList(), "the district is told what changed");
        assertEquals("ngưỡng BHYT 80 %", atDistrict.newest("QD1300-2023").reason());
        assertEquals(List.of("TC6.28 RULE"), atDistrict.diff("QD1300-2023", 0, 1).lines().stream()
                .map(l -> l.indicator() + " " + l.change()).toList(), "one change: TC6.28's rule");

        // The district's ordinary tools on the province's record: kept for review at the province, never applied.
        Store.CatalogRevisionRow row = district.store.catalogRevisions().get(0);
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("catalog_id", row.catalogId());
        changed.put("revision", row.revision());
        changed.put("document", row.document());
        changed.put("made_by", row.madeBy());
        changed.put("made_at", row.madeAt());
        changed.put("reason", "huyện tự sửa");
        changed.put("based_on", row.basedOn());
        district.store.write("lan", w -> {
            w.saveValues(RecordKinds.CATALOG, row.id(), changed);
            return null;
        });
        PackageImporter.Result back = districtToProvince();
        assertTrue(back.conflictCount() > 0, "kept as a proposal the province decides");
        assertEquals("ngưỡng BHYT 80 %", atProvince.newest("QD1300-2023").reason(), "the province's revision is unchanged");
        assertEquals(1, province.store.catalogRevisions().size());
        assertTrue(province.store.sync().conflicts(true).stream().allMatch(c -> c.keptIsLocal()));
    }
}
