// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;

/**
 * The 2025 reorganisation from the command line, as an office runs it: the new city's unit list,
 * the official mapping previewed then applied, applied again for nothing, a broken mapping refused
 * row by row; and a real office starting from its official unit list, without the demo.
 */
class ReorganiseCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        return CliRunner.run(dir.resolve("data"), args);
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        return r;
    }

    private Path merger() throws Exception {
        Path file = dir.resolve("haugiang-merger-2025.csv");
        try (InputStream in = DemoLoader.class.getResourceAsStream("haugiang-merger-2025.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    private int communes(String asOf) throws Exception {
        int n = 0;
        for (JsonNode root : JSON.readTree(ok("--as-of", asOf, "units", "--json").out())) {
            n += count(root);
        }
        return n;
    }

    private static int count(JsonNode unit) {
        int n = "COMMUNE".equals(unit.get("level").asText()) ? 1 : 0;
        for (JsonNode c : unit.get("children")) {
            n += count(c);
        }
        return n;
    }

    @Test
    void theDemoIsReorganisedByTheOfficialMappingOnceAndOnlyOnce() throws Exception {
        ok("demo", "--old-structure");
        int staffBefore = JSON.readTree(ok("--as-of", "2025-06-30", "staff", "--json").out()).size();
        assertTrue(ok("units", "import", EXAMPLES.resolve("cantho-2025.csv").toString()).out().contains("1"));
        assertTrue(ok("units", "import", EXAMPLES.resolve("cantho-2025.csv").toString()).out()
                .contains("đã thêm 0 đơn vị mới"), "the same list twice adds nothing");

        Path mapping = merger();
        String dry = ok("reorganise", mapping.toString(), "--parent", "92", "--dry-run").out();
        assertTrue(dry.contains("28 đơn vị mới từ 75 xã cũ"), dry);
        assertTrue(CliRunner.column(dry, 4).contains("Trạm Y tế xã Tân Tiến"), dry);
        assertTrue(dry.contains("Chạy thử: chưa thay đổi gì."), dry);
        assertEquals(0, communes("2026-12-01"), "a dry run changes nothing");

        String applied = ok("reorganise", mapping.toString(), "--parent", "92").out();
        assertTrue(applied.contains("Đã áp dụng 28 đơn vị mới"), applied);
        assertEquals(28, communes("2026-12-01"));
        assertEquals(75, communes("2025-06-30"), "the past keeps its communes");
        assertEquals(staffBefore, JSON.readTree(ok("--as-of", "2026-12-01", "staff", "--json").out()).size(),
                "every staff member carried on");
        JsonNode hoaLuu = JSON.readTree(ok("--as-of", "2026-12-01", "stations", "--unit", "31338", "--json").out());
        assertEquals(1, hoaLuu.size(), hoaLuu.toString());

        // Targets say whose boundaries they count in: each day its own units.
        assertTrue(ok("--as-of", "2026-12-01", "targets").out().contains("Theo đơn vị hành chính ngày 01/12/2026 (28 xã)."));
        assertTrue(ok("--as-of", "2025-06-30", "targets").out().contains("Theo đơn vị hành chính ngày 30/06/2025 (75 xã)."));

        String again = ok("reorganise", mapping.toString(), "--parent", "92").out();
        assertTrue(again.contains("đã được áp dụng: không có gì thay đổi"), again);
        assertEquals(28, communes("2026-12-01"));
    }

    @Test
    void aBrokenMappingIsRefusedRowByRowInBothLanguages() throws Exception {
        ok("demo", "--old-structure");
        ok("units", "import", EXAMPLES.resolve("cantho-2025.csv").toString());
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, String.join("\n",
                "old_code,old_name,old_district_code,new_code,new_name,effective_date,clause_1668",
                "31318,Phường I,930,31321,Phường Vị Thanh,2025-07-01,16",
                "99999,Xã Không Có,930,31321,Phường Vị Thanh,2025-07-01,16",
                "31324,Phường IV,930,31333,Phường Vị Tân,1/7/2025,17") + "\n", StandardCharsets.UTF_8);
        CliRunner.Result vi = run("reorganise", file.toString(), "--parent", "92");
        assertEquals(2, vi.code(), vi.out() + vi.err());
        assertTrue(vi.err().startsWith("Lỗi: tệp " + file + " không áp dụng được (2 vấn đề); không có gì bị thay đổi:"), vi.err());
        assertTrue(vi.err().contains("dòng 3, cột old_code: không có xã nào mã \"99999\""), vi.err());
        assertTrue(vi.err().contains("dòng 4, cột effective_date: \"1/7/2025\" không phải ngày"), vi.err());
        CliRunner.Result en = run("--lang", "en", "reorganise", file.toString(), "--parent", "92");
        assertTrue(en.err().contains("row 3, column old_code: no commune had the code \"99999\""), en.err());
        assertEquals(0, communes("2026-12-01"), "nothing changed");
    }

    @Test
    void aRealOfficeStartsFromItsOfficialUnitListWithoutTheDemo() throws Exception {
        String out = ok("units", "import", EXAMPLES.resolve("haugiang-units-before-2025.csv").toString()).out();
        assertTrue(out.contains("84 đơn vị, đã thêm 84"), out);
        assertEquals(75, communes("2025-06-30"));
        JsonNode stations = JSON.readTree(ok("--as-of", "2025-06-30", "stations", "--unit", "930", "--json").out());
        assertEquals(9, stations.size(), "each commune with its station");
        ok("--as-of", "2025-06-30", "staff", "add", "--unit", "31336", "--name", "Trần Văn An", "--profession", "bac-si",
                "--employment", "co-huu", "--sex", "nam");
        assertEquals(1, JSON.readTree(ok("--as-of", "2025-06-30", "staff", "--unit", "31336", "--json").out()).size());
        CliRunner.Result units = ok("--as-of", "2025-06-30", "units");
        assertTrue(units.out().contains("Xã Hỏa Lựu  [31336]"), units.out());
    }

    private static CliRunner.Result at(Path site, String... args) {
        CliRunner.Result r = CliRunner.run(site, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        return r;
    }

    private static Path only(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ytcs.json"))
                    .findFirst().orElseThrow(); // one package per folder
        }
    }

    /** A province still on the old structure sees, per new unit, what a package's reorganisation would do, before it applies. */
    @Test
    void aReorganisationArrivingInAPackageIsPreviewedPerNewUnitBeforeItApplies() throws Exception {
        Path centre = dir.resolve("centre");
        Path province = dir.resolve("province");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        at(centre, "demo", "--old-structure");
        at(centre, "site", "setup", "--name", "TTYT khu vực Vị Thanh", "--role", "REGIONAL_CENTRE");
        at(province, "site", "setup", "--name", "Sở Y tế", "--role", "PROVINCE");
        at(centre, "export", "--to", stick.toString());
        Path first = only(stick);
        at(province, "site", "trust", first.toString());
        at(province, "import", first.toString());

        at(centre, "units", "import", EXAMPLES.resolve("cantho-2025.csv").toString());
        JsonNode planned = JSON.readTree(at(centre, "reorganise", merger().toString(), "--parent", "92", "--json").out())
                .get("units");
        Path later = Files.createDirectories(dir.resolve("stick2"));
        at(centre, "export", "--to", later.toString());
        Path second = only(later);

        CliRunner.Result preview = at(province, "import", second.toString(), "--dry-run");
        assertTrue(preview.out().contains("Gói này tổ chức lại đơn vị hành chính: 28 đơn vị mới hợp nhất từ 75 xã đang có ở đây."),
                preview.out());
        assertTrue(preview.out().lines().anyMatch(l -> l.startsWith("31338") && l.contains("Xã Hỏa Lựu")), preview.out());
        JsonNode arriving = JSON.readTree(at(province, "import", second.toString(), "--dry-run", "--json").out()).get("reorganisation");
        assertEquals(28, arriving.size());
        JsonNode hoaLuu = null;
        for (JsonNode u : arriving) {
            hoaLuu = u.get("code").asText().equals("31338") ? u : hoaLuu;
        }
        assertEquals("Trạm Y tế xã Tân Tiến", hoaLuu.get("station").asText(), "it keeps the station of the commune whose code it took");
        assertEquals(2, hoaLuu.get("healthPoints").size());
        Map<String, Integer> staffPlanned = new java.util.HashMap<>();
        planned.forEach(u -> staffPlanned.put(u.get("code").asText(), u.get("staff").asInt()));
        arriving.forEach(u -> assertEquals(staffPlanned.get(u.get("code").asText()), u.get("staff").asInt(),
                u.get("code").asText() + ": the same preview as the mapping file's at the centre"));
        assertEquals("[ ]", at(province, "--as-of", "2026-12-01", "units", "--json").out().strip(), "a preview changes nothing");

        CliRunner.Result english = at(province, "--lang", "en", "import", second.toString(), "--dry-run");
        assertTrue(english.out().contains("This package reorganises the units: 28 new units merged from 75 communes held here."),
                english.out());
        at(province, "import", second.toString());
        assertEquals(28, JSON.readTree(at(province, "--as-of", "2026-12-01", "units", "--json").out()).get(0).get("children").size());
    }
}
