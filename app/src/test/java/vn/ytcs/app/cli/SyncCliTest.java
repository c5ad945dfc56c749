// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;

/** A district exports to a folder, the province previews and imports it, the district imports the receipt; then a conflict. */
class SyncCliTest {

    @TempDir
    Path dir;

    private Station station;

    private void edit(Path data, String phone) {
        try (Store store = Store.open(data)) {
            store.write("test", w -> {
                w.save(new Station(station.id(), station.unitId(), station.name(), StationKind.STATION, null, null, phone, false));
                return null;
            });
        }
    }

    private static Path newest(Path folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow();
        }
    }

    @Test
    void exportPreviewImportReceiptAndAConflict() throws Exception {
        Path district = dir.resolve("district");
        Path province = dir.resolve("province");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Store store = Store.open(district)) {
            store.write("lan", w -> {
                Unit u = new Unit(UUID.randomUUID(), "CT01", false, "Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1),
                        null, 2, null, false, null);
                w.save(u);
                station = new Station(UUID.randomUUID(), u.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null, null, "1", false);
                w.save(station);
                return null;
            });
        }
        assertEquals(0, CliRunner.run(district, "site", "setup", "--name", "TTYT Châu Thành", "--role", "DISTRICT").code());
        assertEquals(0, CliRunner.run(district, "export", "--to", stick.toString()).code());
        Path pkg = newest(stick, ".ytcs.json");

        CliRunner.Result unknown = CliRunner.run(province, "import", pkg.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains(pkg.toString()) && unknown.err().contains("ytcs site trust"), unknown.err());
        assertEquals(0, CliRunner.run(province, "site", "trust", pkg.toString()).code());

        CliRunner.Result preview = CliRunner.run(province, "import", pkg.toString(), "--dry-run", "--json");
        assertEquals(0, preview.code(), preview.err());
        JsonNode p = new ObjectMapper().readTree(preview.out());
        assertEquals("DRY_RUN", p.get("outcome").asText());
        assertEquals(2, p.get("created").asInt());
        assertTrue(preview.out().contains("Xã Đông Phú"), "the preview names the commune");

        CliRunner.Result applied = CliRunner.run(province, "import", pkg.toString());
        assertEquals(0, applied.code(), applied.err());
        assertTrue(CliRunner.run(province, "import", pkg.toString()).out().contains("không thay đổi gì"));
        Path receipt = newest(stick, ".ytcs-receipt.json");
        assertEquals(0, CliRunner.run(district, "site", "trust", receipt.toString()).code());
        assertEquals(0, CliRunner.run(district, "import", receipt.toString()).code());
        assertTrue(CliRunner.run(district, "site", "show").out().contains("xác nhận đến số 1"));

        // Both change the phone between two handovers: the province's import applies and reports the conflict.
        edit(district, "0293 222");
        edit(province, "0293 999");
        assertEquals(0, CliRunner.run(district, "export", "--to", stick.toString()).code());
        CliRunner.Result conflicted = CliRunner.run(province, "import", newest(stick, ".ytcs.json").toString());
        assertEquals(3, conflicted.code(), conflicted.out() + conflicted.err());
        JsonNode open = new ObjectMapper().readTree(CliRunner.run(province, "conflicts", "list", "--json").out());
        assertEquals(1, open.size());
        assertEquals("0293 999", open.get(0).get("mine").asText(), "at the province, 'mine' is the province's own phone");
        assertEquals("0293 222", open.get(0).get("theirs").asText());
        assertEquals("THEIRS", open.get(0).get("keeping").asText(), "the owning district's value stays for now");
        assertEquals("TTYT Châu Thành", open.get(0).get("otherSite").asText());
        String table = CliRunner.run(province, "conflicts", "list").out();
        assertTrue(table.indexOf("(mine)") < table.indexOf("(theirs)"), table);
        assertTrue(table.indexOf("0293 999") < table.indexOf("0293 222"), "this site's value under 'mine': " + table);
        assertTrue(CliRunner.column(table, 1).contains("Trạm Y tế xã Đông Phú (Xã Đông Phú)"),
                "the station by its name, in its commune: " + table);
        assertEquals("Trạm Y tế xã Đông Phú (Xã Đông Phú)", open.get(0).get("record").asText());
        String id = open.get(0).get("shortId").asText();
        assertEquals(8, id.length());
        assertTrue(table.contains(id) && !table.contains(open.get(0).get("id").asText()), "the short id is listed: " + table);
        CliRunner.Result tooShort = CliRunner.run(province, "conflicts", "resolve", id.substring(0, 4), "--keep", "mine");
        assertEquals(2, tooShort.code());
        assertEquals("Lỗi: mã \"" + id.substring(0, 4) + "\" quá ngắn; hãy gõ ít nhất 8 ký tự đầu của mã xung đột "
                + "(xem \"ytcs conflicts list\"). Không có gì bị thay đổi.", tooShort.err().strip());
        CliRunner.Result unknownId = CliRunner.run(province, "--lang", "en", "conflicts", "resolve", "ffffffff", "--keep", "mine");
        assertEquals(2, unknownId.code());
        assertTrue(unknownId.err().startsWith("Error: there is no open conflict with the id \"ffffffff\""), unknownId.err());
        CliRunner.Result resolved = CliRunner.run(province, "conflicts", "resolve", id, "--keep", "mine");
        assertEquals(0, resolved.code(), resolved.err());
        assertTrue(resolved.out().contains("Trạm Y tế xã Đông Phú"), resolved.out());
        assertEquals("[ ]", CliRunner.run(province, "conflicts", "list", "--json").out().strip());
        assertTrue(CliRunner.run(province, "stations", "--json").out().contains("\"staff\""));
        try (Store store = Store.open(province)) {
            assertEquals("0293 999", store.stations().stationOf(station.unitId()).orElseThrow().phone(),
                    "keeping mine takes the province's own value back, as a new edit");
        }

        // The province insisting on its phone reaches the owning district as a proposal, which it takes.
        assertEquals(0, CliRunner.run(province, "export", "--to", stick.toString()).code());
        CliRunner.Result proposed = CliRunner.run(district, "import", newest(stick, ".ytcs.json").toString());
        assertEquals(3, proposed.code(), proposed.out() + proposed.err());
        JsonNode atDistrict = new ObjectMapper().readTree(CliRunner.run(district, "conflicts", "list", "--json").out());
        assertEquals("0293 222", atDistrict.get(0).get("mine").asText());
        assertEquals("0293 999", atDistrict.get(0).get("theirs").asText());
        assertEquals("MINE", atDistrict.get(0).get("keeping").asText());
        try (Store store = Store.open(district)) {
            assertEquals("0293 222", store.stations().stationOf(station.unitId()).orElseThrow().phone(), "not applied silently");
        }
        assertEquals(0, CliRunner.run(district, "conflicts", "resolve", atDistrict.get(0).get("shortId").asText(), "--keep",
                "theirs").code());
        try (Store store = Store.open(district)) {
            assertEquals("0293 999", store.stations().stationOf(station.unitId()).orElseThrow().phone(),
                    "keeping theirs takes the province's phone");
        }
    }
    /** No character a terminal acts on, or that reorders or breaks a line, from anything printed. */
    private static void assertPrintable(String printed) {
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            boolean lineEnd = c == '\n' || c == '\r' && i + 1 < printed.length() && printed.charAt(i + 1) == '\n';
            if (!lineEnd && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029')) {
                throw new AssertionError("U+" + Integer.toHexString(c) + " printed at " + i + ": " + printed);
            }
        }
    }

    @Test
    void aSendersNameCannotSteerTheTerminalOrFakeAFingerprint() throws Exception {
        Path district = dir.resolve("district");
        Path province = dir.resolve("province");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        String evil = "X\u001b[2K\rFingerprint: AAAA-BBBB-CCCC-DDDD\u202e\u2028\u0085" + "y".repeat(150);
        CliRunner.Result setup = CliRunner.run(district, "site", "setup", "--name", evil, "--role", "DISTRICT");
        assertEquals(0, setup.code(), setup.err());
        assertPrintable(setup.out());
        String fingerprint;
        try (Store store = Store.open(district)) {
            fingerprint = store.localSite().fingerprint();
        }
        assertEquals(0, CliRunner.run(district, "export", "--to", stick.toString()).code());
        Path pkg = newest(stick, ".ytcs.json");

        CliRunner.Result refused = CliRunner.run(province, "import", pkg.toString());
        assertEquals(2, refused.code(), refused.err());
        assertPrintable(refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("\"X\\u001B[2K\\u000DFingerprint: AAAA-BBBB-CCCC-DDDD\\u202E\\u2028\\u0085y"),
                "the name is quoted, its controls shown as escapes: " + refused.err());
        assertTrue(refused.err().contains("…\", ") && !refused.err().contains("y".repeat(100)), "the name is cut short");
        assertTrue(refused.err().contains(fingerprint), "the real fingerprint is shown: " + refused.err());
        CliRunner.Result english = CliRunner.run(province, "--lang", "en", "import", pkg.toString());
        assertPrintable(english.err());
        assertTrue(english.err().contains("fingerprint " + fingerprint), english.err());

        CliRunner.Result trusted = CliRunner.run(province, "site", "trust", pkg.toString());
        assertEquals(0, trusted.code(), trusted.err());
        assertPrintable(trusted.out());
        CliRunner.Result applied = CliRunner.run(province, "import", pkg.toString());
        assertEquals(0, applied.code(), applied.err());
        assertPrintable(applied.out());
        assertTrue(applied.out().contains("X\\u001B[2K"), applied.out());
        CliRunner.Result show = CliRunner.run(province, "site", "show");
        assertPrintable(show.out());
        assertTrue(show.out().contains("X\\u001B[2K"), show.out());

        // The province's receipt, named as badly, refused by the district that does not trust it yet.
        assertEquals(0, CliRunner.run(province, "site", "setup", "--name", "Tỉnh\u001b]0;owned\u0007", "--role", "PROVINCE").code());
        assertEquals(0, CliRunner.run(district, "export", "--to", stick.toString()).code());
        assertEquals(0, CliRunner.run(province, "import", newest(stick, ".ytcs.json").toString()).code());
        CliRunner.Result receipt = CliRunner.run(district, "import", newest(stick, ".ytcs-receipt.json").toString());
        assertEquals(2, receipt.code(), receipt.err());
        assertPrintable(receipt.err());
        assertTrue(receipt.err().contains("\"Tỉnh\\u001B]0;owned\\u0007\""), receipt.err());
    }
    /** True when nothing can be created in the folder (checked by trying, as root ignores permissions). */
    private static boolean refusesWrites(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".probe", ".tmp"));
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void exportToAFolderThatRefusesWritesSaysSoAndChangesNothing() throws Exception {
        Path district = dir.resolve("district");
        assertEquals(0, CliRunner.run(district, "site", "setup", "--name", "TTYT Châu Thành", "--role", "DISTRICT").code());
        Path locked = Files.createDirectories(dir.resolve("locked"));
        try {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX: the folder stays writable and another is looked for below.
        }
        // Run as root, chmod stops nothing; sysfs refuses new files even to root.
        Path folder = refusesWrites(locked) ? locked : Path.of("/sys");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(folder) && refusesWrites(folder),
                "no folder here refuses writes");
        try {
            CliRunner.Result vi = CliRunner.run(district, "export", "--to", folder.toString());
            assertEquals(2, vi.code(), vi.err());
            assertEquals("Lỗi: không được phép ghi vào " + folder + ": USB có thể đang gạt khóa chống ghi, hoặc thư mục không cho ghi. "
                    + "Hãy chọn thư mục khác. Không có gì bị thay đổi.", vi.err().strip());
            CliRunner.Result en = CliRunner.run(district, "--lang", "en", "export", "--to", folder.toString());
            assertEquals(2, en.code(), en.err());
            assertTrue(en.err().startsWith("Error: not allowed to write to " + folder + ": "), en.err());
            try (Store store = Store.open(district)) {
                assertEquals(0, store.sites().peer(vn.ytcs.sync.pack.Manifest.ANYONE).lastSent(), "no package counted as sent");
            }
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
    @Test
    void aKeyFileOfAnotherSiteRefusesTheExportAndSaysWhatToDo() throws Exception {
        Path district = dir.resolve("district");
        Path other = dir.resolve("other");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        assertEquals(0, CliRunner.run(district, "site", "setup", "--name", "TTYT Châu Thành", "--role", "DISTRICT").code());
        assertEquals(0, CliRunner.run(other, "site", "setup", "--name", "TTYT Khác", "--role", "DISTRICT").code());
        Path key = district.resolve("keys").resolve("site.key");
        Files.copy(other.resolve("keys").resolve("site.key"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliRunner.Result vi = CliRunner.run(district, "export", "--to", stick.toString());
        assertEquals(2, vi.code(), vi.err());
        assertTrue(vi.err().startsWith("Lỗi: tệp khóa " + key + " không phải của đơn vị này") && vi.err().contains("bản sao lưu"),
                vi.err());
        CliRunner.Result en = CliRunner.run(district, "--lang", "en", "export", "--to", stick.toString());
        assertEquals(2, en.code(), en.err());
        assertTrue(en.err().startsWith("Error: the key file " + key + " does not belong to this site")
                && en.err().contains("Restore this site's key file from a backup"), en.err());
        try (Stream<Path> files = Files.list(stick)) {
            assertEquals(0, files.count(), "no package that every receiver would reject");
        }
    }
}
