// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.pack.PackageWriter;

/** Every kind of bad package is refused with its reason, the file and where in it, and the database stays as it was. */
class BadInputTest {

    @TempDir
    static Path dir;
    static Sites district;
    static Sites province;
    static Path good;
    static Path stick;
    static List<String> before;
    static UUID unit;

    @BeforeAll
    static void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = new Sites(dir.resolve("district"), "TTYT Châu Thành", SiteRole.DISTRICT);
        province = new Sites(dir.resolve("province"), "Sở Y tế", SiteRole.PROVINCE);
        district.store.write("lan", w -> {
            Unit u = new Unit(UUID.randomUUID(), "CT01", false, "Xã Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1),
                    null, 2, null, false, null);
            w.save(u);
            Station s = new Station(UUID.randomUUID(), u.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null, null, null, false);
            w.save(s);
            w.save(new StaffMember(UUID.randomUUID(), s.id(), "Trần Thị Lan", Sex.F, 1985, Profession.HO_SINH,
                    Employment.PERMANENT, null, null));
            unit = u.id();
            return null;
        });
        good = PackageWriter.export(district.store, district.keys, null, true, stick, false).file();
        province.importer.trustSender(good);
        before = province.dump();
    }

    @AfterAll
    static void tearDown() {
        district.close();
        province.close();
    }

    private static PackageRefused refused(Path file, Reason reason) {
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(file, false));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(before, province.dump(), "a refused package changes nothing");
        return e;
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static String text() throws Exception {
        return Files.readString(good);
    }

    @Test
    void emptyTruncatedAndFlipped() throws Exception {
        refused(write("empty.ytcs.json", new byte[0]), Reason.EMPTY);
        byte[] all = Files.readAllBytes(good);
        refused(write("truncated.ytcs.json", java.util.Arrays.copyOf(all, all.length / 2)), Reason.TRUNCATED);
        String t = text();
        byte[] flipped = t.getBytes(StandardCharsets.UTF_8);
        // One bit of the station's name ("Trạm" → "Tsạm"): still valid JSON, no longer the signed bytes.
        int pos = t.substring(0, t.indexOf("Trạm Y tế")).getBytes(StandardCharsets.UTF_8).length + 1;
        flipped[pos] ^= 0x06;
        refused(write("flipped.ytcs.json", flipped), Reason.HASH_MISMATCH);
    }

    @Test
    void signatureSenderAndFormat() throws Exception {
        String t = text();
        String sig = t.substring(t.lastIndexOf("\"signature\":\"") + 13, t.lastIndexOf('"'));
        String other = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        refused(write("badsig.ytcs.json", t.replace(sig, other).getBytes(StandardCharsets.UTF_8)), Reason.BAD_SIGNATURE);
        refused(write("format.ytcs.json", t.replace("ytcs-package/1", "ytcs-package/2").getBytes(StandardCharsets.UTF_8)),
                Reason.WRONG_FORMAT);
        try (Sites stranger = new Sites(dir.resolve("stranger"), "Lạ", SiteRole.DISTRICT)) {
            Path file = PackageWriter.export(stranger.store, stranger.keys, null, true, stick, false).file();
            PackageRefused e = refused(file, Reason.UNKNOWN_SENDER);
            assertTrue(e.detail().contains(stranger.keys.site().fingerprint()), "the refusal shows the fingerprint to confirm");
        }
    }

    @Test
    void manifestFieldsMissingOrOfTheWrongType() throws Exception {
        String t = text();
        refused(write("missing.ytcs.json", t.replaceFirst("\"payloadSha256\":\"[0-9a-f]{64}\"", "\"x\":1")
                .replace(",\"x\":1", "").getBytes(StandardCharsets.UTF_8)), Reason.MISSING_FIELD);
        int manifest = t.indexOf("\"manifest\":");
        String wrongType = t.substring(0, manifest) + t.substring(manifest).replaceFirst("\"sequence\":1,", "\"sequence\":\"một\",");
        PackageRefused type = refused(write("type.ytcs.json", wrongType.getBytes(StandardCharsets.UTF_8)), Reason.WRONG_TYPE);
        assertEquals("$.manifest.sequence", type.field());
    }

    private static String staff(String profession, String extra) {
        String id = UUID.randomUUID().toString();
        String v = Forge.version(district.keys);
        return "{\"kind\":\"staff\",\"id\":\"" + id + "\",\"owner\":\"" + district.keys.site().id() + "\",\"version\":\"" + v
                + "\",\"deleted\":false,\"fields\":{\"station_id\":\"" + UUID.randomUUID() + "\",\"full_name\":\"Lê Văn Tư\","
                + "\"sex\":\"M\",\"birth_year\":1980,\"profession\":\"" + profession + "\",\"employment\":\"PERMANENT\","
                + "\"start_date\":null,\"end_date\":null" + extra + "},\"fieldVersions\":{\"full_name\":\"" + v + "\"}}";
    }

    private static String year(int population, int insured) {
        String v = Forge.version(district.keys);
        return "{\"kind\":\"commune_year\",\"id\":\"" + UUID.randomUUID() + "\",\"owner\":\"" + district.keys.site().id()
                + "\",\"version\":\"" + v + "\",\"deleted\":false,\"fields\":{\"unit_id\":\"" + unit + "\",\"figure_year\":2025,"
                + "\"population\":" + population + ",\"households\":null,\"insured\":" + insured + ",\"health_records\":null,"
                + "\"children_under5\":null,\"births\":null},\"fieldVersions\":{}}";
    }

    @Test
    void anAnswerThatDoesNotFitItsIndicatorIsRefusedBeforeAnythingIsWritten() throws Exception {
        String v = Forge.version(district.keys);
        String assessment = UUID.randomUUID().toString();
        String owner = district.keys.site().id().toString();
        String records = "{\"kind\":\"assessment\",\"id\":\"" + assessment + "\",\"owner\":\"" + owner + "\",\"version\":\""
                + v + "\",\"deleted\":false,\"fields\":{\"unit_id\":\"" + unit + "\",\"period\":2025,"
                + "\"catalog_id\":\"QD1300-2023\",\"state\":\"DRAFT\",\"decision_number\":null,\"decision_date\":null},"
                + "\"fieldVersions\":{}},"
                // TC2.10 is a percentage: "97" as text is not one, whatever a spreadsheet made of it.
                + "{\"kind\":\"assessment_answer\",\"id\":\"" + UUID.randomUUID() + "\",\"owner\":\"" + owner
                + "\",\"version\":\"" + v + "\",\"deleted\":false,\"fields\":{\"assessment_id\":\"" + assessment + "\","
                + "\"indicator_code\":\"TC2.10\",\"answer_value\":\"\\\"97\\\"\",\"not_applicable\":false,"
                + "\"note\":null,\"evidence\":null},\"fieldVersions\":{}}";
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(
                Forge.pack(stick, district.keys, province.keys.site().id(), 1, records,
                        "\"assessment\":1,\"assessment_answer\":1"), false));
        assertEquals("fields.answer_value", e.field(), e.getMessage());
        assertEquals(before, province.dump(), "a refused package changes nothing");
    }

    @Test
    void recordsThatNoRegisterCanHold() throws Exception {
        PackageRefused e = refused(Forge.pack(stick, district.keys, province.keys.site().id(), 2, staff("PHU_THUY", ""),
                "\"staff\":1"), Reason.UNKNOWN_VALUE);
        assertTrue(e.record().startsWith("records[0] (staff "), e.record());
        assertEquals("fields.profession", e.field());
        refused(Forge.pack(stick, district.keys, province.keys.site().id(), 2, year(-5, 0), "\"commune_year\":1"),
                Reason.OUT_OF_RANGE);
        PackageRefused absurd = refused(Forge.pack(stick, district.keys, province.keys.site().id(), 2, year(8000, 90000),
                "\"commune_year\":1"), Reason.OUT_OF_RANGE);
        assertEquals("fields.insured", absurd.field());
        refused(Forge.pack(stick, district.keys, province.keys.site().id(), 2, staff("BAC_SI", ",\"nickname\":\"x\""),
                "\"staff\":1"), Reason.UNKNOWN_VALUE);
        String dup = staff("BAC_SI", "");
        refused(Forge.pack(stick, district.keys, province.keys.site().id(), 2, dup + "," + dup, "\"staff\":2"),
                Reason.DUPLICATE_RECORD);
    }

    @Test
    void aReferenceToAnUnknownUnit() throws Exception {
        // A correctly signed package from a trusted sender, whose staff points to a station nobody has.
        province.importer.importFile(good, false);
        List<String> applied = province.dump();
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(
                Forge.pack(stick, district.keys, province.keys.site().id(), 2, staff("BAC_SI", ""), "\"staff\":1"), false));
        assertEquals(Reason.UNKNOWN_REFERENCE, e.reason());
        assertTrue(e.record().startsWith("station "), e.record());
        assertEquals(applied, province.dump());
        before = applied;
    }

    @Test
    void hugeDeepBombsAndEncodings() throws Exception {
        String t = text();
        refused(write("huge.ytcs.json", t.replace("\"Trần Thị Lan\"", "\"" + "a".repeat(50 * 1024 * 1024) + "\"")
                .getBytes(StandardCharsets.UTF_8)), Reason.STRING_TOO_LONG);
        refused(write("deep.ytcs.json", ("{\"format\":\"ytcs-package/1\",\"manifest\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}}")
                .getBytes(StandardCharsets.UTF_8)), Reason.TOO_DEEP);
        Path bomb = dir.resolve("bomb.ytcs.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write("{\"format\":\"ytcs-package/1\",\"manifest\":{".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(spaces);
            }
        }
        refused(bomb, Reason.GZIP_BOMB);
        byte[] latin = t.replace("Trần Thị Lan", "Tran Thi Lan").getBytes(StandardCharsets.UTF_8);
        int at = new String(latin, StandardCharsets.ISO_8859_1).indexOf("Tran Thi Lan");
        latin[at] = (byte) 0xC3;
        latin[at + 1] = (byte) 0x28;
        refused(write("latin.ytcs.json", latin), Reason.NOT_UTF8);
        byte[] bom = ("\uFEFF" + t).getBytes(StandardCharsets.UTF_8);
        refused(write("bom.ytcs.json", bom), Reason.BYTE_ORDER_MARK);
        refused(Files.createDirectories(dir.resolve("folder.ytcs.json")), Reason.NOT_A_FILE);
        Path db = dir.resolve("database.ytcs.json");
        Files.copy(Store.databaseFile(dir.resolve("district")), db);
        refused(db, Reason.NOT_JSON);
    }
}
