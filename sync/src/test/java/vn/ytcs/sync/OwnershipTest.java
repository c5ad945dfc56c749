// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Who may change what, against a district that uses the ordinary tools on records it does not own,
 * and against packages forged by a trusted district with its real key.
 */
class OwnershipTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path stick;
    private Sites province;
    private Sites district;
    private Target target;
    private Station station;

    /** The province sets a target, the district registers a commune; both have met and exchanged once. */
    private void meet() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        province = new Sites(dir.resolve("p"), "Sở Y tế", SiteRole.PROVINCE);
        district = new Sites(dir.resolve("d"), "TTYT", SiteRole.DISTRICT);
        target = Targets.shipped().get(0);
        province.store.write("hoa", w -> {
            w.save(target);
            return null;
        });
        district.store.write("lan", w -> {
            Unit u = new Unit(UUID.randomUUID(), "CT01", false, "Xã Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1),
                    null, 2, null, false, null);
            w.save(u);
            station = new Station(UUID.randomUUID(), u.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null, "Ấp 1",
                    "0293 111", false);
            w.save(station);
            return null;
        });
        Path first = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
        province.importer.trustSender(first);
        district.importer.trustSender(province.importer.importFile(first, false).receipt());
        district.importer.importFile(PackageWriter.export(province.store, province.keys, id(district), false, stick, false)
                .file(), false);
    }

    @org.junit.jupiter.api.AfterEach
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

    private static BigDecimal targetValue(Sites s, String code) {
        return s.store.targets().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().value();
    }

    @Test
    void aDistrictSettingTheProvincesTargetIsKeptAsAProposalAndNeverApplied() throws Exception {
        meet();
        assertEquals(0, target.value().compareTo(targetValue(district, target.code())), "the district has the province's target");
        district.store.write("lan", w -> {
            w.save(new Target(target.code(), target.name(), target.measure(), target.comparison(), new BigDecimal("5"),
                    target.dueYear()));
            return null;
        });
        PackageImporter.Result r = province.importer.importFile(
                PackageWriter.export(district.store, district.keys, id(province), false, stick, false).file(), false);
        assertEquals(0, target.value().compareTo(targetValue(province, target.code())), "the province's target is not changed");
        assertEquals(1, r.conflictCount());
        SyncStore.Conflict c = province.store.sync().conflicts(true).get(0);
        assertEquals("target_value", c.field());
        assertTrue(c.keptIsLocal());
        assertEquals(0, new BigDecimal(c.theirs()).compareTo(new BigDecimal("5")), "the district's value is kept for review");
        // The province's value, stamped anew, puts the district right again.
        district.importer.importFile(
                PackageWriter.export(province.store, province.keys, id(district), false, stick, false).file(), false);
        assertEquals(0, target.value().compareTo(targetValue(district, target.code())));
        assertEquals(province.dump(), district.dump());
    }

    @Test
    void aVersionStampedWithTheOwnersSiteByADistrictIsRefused() throws Exception {
        meet();
        List<String> before = province.dump();
        Path pkg = PackageWriter.export(district.store, district.keys, id(province), true, stick, false).file();
        String forged = String.format("%012x-0000-%s", System.currentTimeMillis(), id(province));
        Path file = resign(pkg, district.keys, record -> {
            if (record.path("kind").asText().equals("target")) {
                ((ObjectNode) record.get("fields")).put("target_value", 5);
                record.put("version", forged);
            }
        });
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(file, false));
        assertEquals(PackageRefused.Reason.FOREIGN_VERSION, e.reason(), e.getMessage());
        assertTrue(e.record().startsWith("target "), e.record());
        assertEquals(before, province.dump(), "nothing changed");
    }

    @Test
    void aVersionFarAheadOfTheReceiversClockIsRefusedNamingTheClock() throws Exception {
        meet();
        List<String> before = province.dump();
        district.store.write("lan", w -> {
            w.save(new Station(station.id(), station.unitId(), station.name(), station.kind(), null, "Ấp 2", "0293 222",
                    false));
            return null;
        });
        Path pkg = PackageWriter.export(district.store, district.keys, id(province), false, stick, false).file();
        String future = new Hlc(Instant.now().plus(Duration.ofDays(400)).toEpochMilli(), 0, id(district)).toString();
        Path file = resign(pkg, district.keys, record -> {
            if (record.path("kind").asText().equals("station")) {
                record.put("version", future);
            }
        });
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(file, false));
        assertEquals(PackageRefused.Reason.CLOCK_AHEAD, e.reason());
        assertTrue(e.detail().contains("\t"), "both times are named: " + e.detail());
        assertEquals(before, province.dump());
        assertEquals(PackageImporter.Outcome.APPLIED, province.importer.importFile(pkg, false).outcome(),
                "the same change with a right clock goes through");
    }

    @Test
    void aDistrictCannotCreateRecordsForAnotherSiteNorTargets() throws Exception {
        meet();
        List<String> before = province.dump();
        district.store.write("lan", w -> {
            w.save(new Station(UUID.randomUUID(), station.unitId(), "Điểm y tế ấp 3", StationKind.HEALTH_POINT,
                    station.id(), null, null, false));
            return null;
        });
        Path pkg = PackageWriter.export(district.store, district.keys, id(province), false, stick, false).file();
        Path claimed = resign(pkg, district.keys, record -> record.put("owner", id(province).toString()));
        assertEquals(PackageRefused.Reason.FOREIGN_VERSION,
                assertThrows(PackageRefused.class, () -> province.importer.importFile(claimed, false)).reason());
        assertEquals(before, province.dump());

        district.store.write("lan", w -> {
            w.save(new Target("D25.DISTRICT", target.name(), target.measure(), target.comparison(), BigDecimal.ONE, 2030));
            return null;
        });
        // Full: the refused package's number is spent.
        Path targetPkg = PackageWriter.export(district.store, district.keys, id(province), true, stick, false).file();
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(targetPkg, false));
        assertEquals(PackageRefused.Reason.NOT_PERMITTED, e.reason());
        assertEquals(before, province.dump());
    }

    /** The package with each record passed through the edit, hashed and signed again with the sender's real key. */
    private static Path resign(Path pkg, SiteKeys keys, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(pkg.toFile());
        ObjectNode payload = (ObjectNode) root.get("payload");
        payload.get("records").forEach(r -> edit.accept((ObjectNode) r));
        byte[] bytes = JSON.writeValueAsBytes(payload);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        ((ObjectNode) root.get("manifest")).put("payloadSha256", hash);
        String manifest = JSON.writeValueAsString(root.get("manifest"));
        String signature = Base64.getEncoder().encodeToString(keys.sign(hash.getBytes(StandardCharsets.US_ASCII)));
        Path file = pkg.resolveSibling("forged-" + pkg.getFileName());
        Files.write(file, ("{\"format\":\"ytcs-package/1\",\"manifest\":" + manifest + ",\"payload\":"
                + new String(bytes, StandardCharsets.UTF_8) + ",\"signature\":\"" + signature + "\"}").getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
