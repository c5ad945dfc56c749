// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.merge.ConflictResolver;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageWriter;

class ApplyTest {

    @TempDir
    Path dir;

    private Station station;

    private void seed(Sites district) {
        district.store.write("lan", w -> {
            Unit u = new Unit(UUID.randomUUID(), "CT01", false, "Xã Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1),
                    null, 2, null, false, null);
            w.save(u);
            station = new Station(UUID.randomUUID(), u.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null, "Ấp 1",
                    "0293 111", false);
            w.save(station);
            return null;
        });
    }

    /** First contact: the district's full package to the province, trusted both ways through the receipt. */
    private static void meet(Sites district, Sites province, Path stick) {
        Path first = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
        province.importer.trustSender(first);
        district.importer.trustSender(province.importer.importFile(first, false).receipt());
    }

    private Station with(String address, String phone) {
        return new Station(station.id(), station.unitId(), station.name(), station.kind(), null, address, phone, false);
    }

    @Test
    void aFailureInTheMiddleOfApplyLeavesTheDatabaseAsBefore() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Sites district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT);
             Sites province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE)) {
            seed(district);
            Path file = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
            province.importer.trustSender(file);
            List<String> before = province.dump();
            var failing = new SyncService(province.store, province.keys, "test").withHook(i -> {
                if (i == 1) {
                    throw new IllegalStateException("power cut");
                }
            });
            assertThrows(IllegalStateException.class, () -> failing.importFile(file, false));
            assertEquals(before, province.dump(), "nothing of the package landed");
            assertEquals(0, province.store.sites().peer(district.keys.site().id()).lastReceived());
            assertEquals(PackageImporter.Outcome.APPLIED, province.importer.importFile(file, false).outcome(), "it can be imported afterwards");
        }
    }

    @Test
    void theSameFieldIsAConflictTheOwnerWinsAndTheProvincesEditsAreProposalsForTheOwner() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Sites district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT);
             Sites province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE)) {
            seed(district);
            meet(district, province, stick);
            UUID p = province.keys.site().id();
            UUID d = district.keys.site().id();

            // Between two handovers: the district changes the phone, the province the address and also the phone.
            district.store.write("lan", w -> {
                w.save(with("Ấp 1", "0293 222"));
                return null;
            });
            province.store.write("hoa", w -> {
                w.save(with("Ấp 2, đường 3/2", "0293 999"));
                return null;
            });
            Path up = PackageWriter.export(district.store, district.keys, p, false, stick, false).file();
            Path down = PackageWriter.export(province.store, province.keys, d, false, stick, false).file();
            PackageImporter.Result atProvince = province.importer.importFile(up, false);
            PackageImporter.Result atDistrict = district.importer.importFile(down, false);

            assertEquals(1, atProvince.conflictCount(), "the phone, changed on both sides");
            assertEquals(2, atDistrict.conflictCount(), "the province's phone and address: proposals for the owning district");
            SyncStore.Conflict c = province.store.sync().conflicts(true).get(0);
            assertEquals("phone", c.field());
            assertEquals("0293 222", c.keptValue(), "the owning district's phone stays");
            assertEquals("0293 999", c.otherValue(), "the province's phone is kept aside");
            assertEquals("0293 999", c.mine(), "at the province, its own phone is 'mine'");
            assertEquals("0293 222", c.theirs());
            SyncStore.Conflict address = district.store.sync().conflicts(true).stream()
                    .filter(x -> x.field().equals("address")).findFirst().orElseThrow();
            assertEquals("Ấp 1", address.mine(), "the district keeps its address until it accepts the proposal");
            assertEquals("Ấp 2, đường 3/2", address.theirs());
            assertTrue(address.keptIsLocal());
            assertEquals("Ấp 1", district.store.stations().stationOf(station.unitId()).orElseThrow().address());
            // One more exchange: the owner's values, stamped anew, win at the province too.
            province.importer.importFile(PackageWriter.export(district.store, district.keys, p, false, stick, false).file(), false);
            district.importer.importFile(PackageWriter.export(province.store, province.keys, d, false, stick, false).file(), false);
            for (Sites s : List.of(district, province)) {
                Station now = s.store.stations().stationOf(station.unitId()).orElseThrow();
                assertEquals("0293 222", now.phone());
                assertEquals("Ấp 1", now.address());
            }
            assertEquals(district.dump(), province.dump());
            assertEquals(1, province.store.sync().conflicts(true).size(), "no new conflict from settling the old ones");
            assertEquals(2, district.store.sync().conflicts(true).size(), "no new conflict from settling the old ones");

            // The district accepts the province's address and keeps its own phone; the province keeps its phone.
            for (SyncStore.Conflict x : district.store.sync().conflicts(true)) {
                ConflictResolver.resolve(district.store, x.id(), x.field().equals("address") ? ConflictResolver.Keep.THEIRS
                        : ConflictResolver.Keep.MINE, "lan");
            }
            ConflictResolver.resolve(province.store, c.id(), ConflictResolver.Keep.MINE, "hoa");
            assertEquals("Ấp 2, đường 3/2", district.store.stations().stationOf(station.unitId()).orElseThrow().address(),
                    "'theirs' took the province's address");
            assertEquals("0293 222", district.store.stations().stationOf(station.unitId()).orElseThrow().phone(),
                    "'mine' kept the district's phone");
            assertEquals("0293 999", province.store.stations().stationOf(station.unitId()).orElseThrow().phone(),
                    "'mine' at the province took the province's phone, the value that had been kept aside");
            // The province insisting on its phone is a new proposal for the district, which still decides.
            province.importer.importFile(PackageWriter.export(district.store, district.keys, p, false, stick, false).file(), false);
            PackageImporter.Result again = district.importer.importFile(
                    PackageWriter.export(province.store, province.keys, d, false, stick, false).file(), false);
            assertEquals(1, again.conflictCount());
            assertEquals("0293 222", district.store.stations().stationOf(station.unitId()).orElseThrow().phone());
            assertEquals("Ấp 2, đường 3/2", province.store.stations().stationOf(station.unitId()).orElseThrow().address());
        }
    }

    @Test
    void aDeletionOfWhatTheOtherSideEditedIsAConflictAndTheOwnerDecides() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Sites district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT);
             Sites province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE)) {
            seed(district);
            meet(district, province, stick);
            UUID p = province.keys.site().id();
            UUID d = district.keys.site().id();

            // The province deletes the station while the district, its owner, edits it.
            province.store.write("hoa", w -> {
                w.delete(vn.ytcs.core.record.RecordKinds.STATION, station.id());
                return null;
            });
            district.store.write("lan", w -> {
                w.save(with("Ấp 1", "0293 555"));
                return null;
            });
            Path up = PackageWriter.export(district.store, district.keys, p, false, stick, false).file();
            Path down = PackageWriter.export(province.store, province.keys, d, false, stick, false).file();
            assertEquals(1, province.importer.importFile(up, false).conflictCount());
            assertEquals(1, district.importer.importFile(down, false).conflictCount());
            province.importer.importFile(PackageWriter.export(district.store, district.keys, p, false, stick, false).file(), false);
            district.importer.importFile(PackageWriter.export(province.store, province.keys, d, false, stick, false).file(), false);
            for (Sites s : List.of(district, province)) {
                assertEquals("0293 555", s.store.stations().stationOf(station.unitId()).orElseThrow().phone(),
                        "the owner's edit stands: the station is not deleted");
                SyncStore.Conflict c = s.store.sync().conflicts(true).get(0);
                assertEquals("deleted", c.field());
                assertEquals("false", c.keptValue());
            }
            assertEquals(district.dump(), province.dump());
        }
    }

    @Test
    void anExportedPackageValidatesAgainstItsSchemaWithAnIndependentValidator() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Sites district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT)) {
            seed(district);
            Path file = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
            JsonNode pkg = new ObjectMapper().readTree(file.toFile());
            try (InputStream schema = Files.newInputStream(Path.of("..", "docs", "schema", "package-v1.schema.json"))) {
                var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(pkg);
                assertTrue(errors.isEmpty(), errors.toString());
            }
            JsonNode sample = new ObjectMapper().readTree(ApplyTest.class.getResource("/package/sample-package.json"));
            try (InputStream schema = Files.newInputStream(Path.of("..", "docs", "schema", "package-v1.schema.json"))) {
                assertTrue(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(sample).isEmpty());
            }
        }
    }

    @Test
    void aGapInTheSequenceIsReported() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Sites district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT);
             Sites province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE)) {
            seed(district);
            Path first = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
            province.importer.trustSender(first);
            district.store.write("lan", w -> {
                w.save(with("Ấp 5", "1"));
                return null;
            });
            Path second = PackageWriter.export(district.store, district.keys, province.keys.site().id(), false, stick, false).file();
            PackageRefused gap = assertThrows(PackageRefused.class, () -> province.importer.importFile(second, false));
            assertEquals(PackageRefused.Reason.MISSING_PACKAGE, gap.reason());
            assertTrue(gap.detail().startsWith("1 "), gap.detail());
            province.importer.importFile(first, false);
            assertEquals(PackageImporter.Outcome.APPLIED, province.importer.importFile(second, false).outcome());
        }
    }
}
