// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog revision commands through the real entry point on real data folders: the province
 * imports, lists, diffs and exports a revision, its scores name it; refusals exit 2 with one line
 * naming the file and the JSON path and change nothing; the revision travels to a district in a
 * package, which says so, and the district's communes score under it.
 */
class CatalogCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSURANCE = "TC6.28";

    @TempDir
    Path dir;

    private static CliRunner.Result ok(Path data, String... args) {
        CliRunner.Result r = CliRunner.run(data, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        return r;
    }

    private static ObjectNode shipped() throws Exception {
        try (InputStream in = CatalogCliTest.class.getResourceAsStream("/vn/ytcs/core/catalog/QD1300-2023.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** TC6.28 (insurance coverage) gives 3 points from 80 % and 1 from 70 %. */
    private Path revised() throws Exception {
        ObjectNode doc = shipped();
        ObjectNode ind = (ObjectNode) doc.get("indicators").get(27);
        assertEquals(INSURANCE, ind.get("code").asText());
        ArrayNode tiers = ((ObjectNode) ind.get("rule")).putArray("tiers");
        tiers.addObject().put("threshold", 80).put("points", 3);
        tiers.addObject().put("threshold", 70).put("points", 1);
        Path file = dir.resolve("revised.json");
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        return file;
    }

    /** Per commune code, its TC6.28 points and total, from score --json. */
    private static Map<String, String> insurancePoints(Path data, String expectedLabel) throws Exception {
        JsonNode cards = JSON.readTree(ok(data, "score", "--json").out());
        Map<String, String> out = new HashMap<>();
        for (JsonNode card : cards) {
            assertEquals(expectedLabel, card.get("catalogLabel").asText());
            for (JsonNode i : card.get("indicators")) {
                if (INSURANCE.equals(i.get("code").asText())) {
                    out.put(card.get("code").asText(), i.get("points").asText() + " / " + card.get("points").asText());
                }
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    private static Path newest(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".ytcs.json"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow();
        }
    }

    @Test
    void theProvinceRevisesTheStandardAndTheDistrictScoresUnderIt() throws Exception {
        Path province = dir.resolve("province");
        Path district = dir.resolve("district");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        ok(province, "demo", "--old-structure");
        ok(province, "site", "setup", "--name", "Sở Y tế Hậu Giang", "--role", "PROVINCE");
        ok(district, "site", "setup", "--name", "TTYT Châu Thành", "--role", "DISTRICT");

        // First package: the register, under the shipped catalog at both sites.
        ok(province, "export", "--to", stick.toString());
        Path first = newest(stick);
        ok(district, "site", "trust", first.toString());
        ok(district, "import", first.toString());
        Map<String, String> shippedScores = insurancePoints(province, "QD1300-2023 (bản gốc)");
        assertEquals(shippedScores, insurancePoints(district, "QD1300-2023 (bản gốc)"));

        // A district cannot make a revision: exit 2, one line, nothing changed.
        Path file = revised();
        CliRunner.Result refused = CliRunner.run(district, "catalog", "import", file.toString(), "--reason", "thử");
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("Bộ tiêu chí"), refused.err());
        assertEquals(1, JSON.readTree(ok(district, "catalog", "list", "--json").out()).get(0).get("revisions").size());

        // The province imports it; list, diff and export show it.
        CliRunner.Result imported = ok(province, "catalog", "import", file.toString(), "--reason", "Ngưỡng BHYT theo hướng dẫn 2025");
        assertTrue(imported.out().contains("QD1300-2023 rev. 1") && imported.out().contains("QD1300-2023 (bản gốc)"),
                imported.out());
        String list = ok(province, "--lang", "en", "catalog", "list").out();
        assertTrue(list.contains("Ngưỡng BHYT") && list.contains("shipped with the"), list);
        JsonNode revisions = JSON.readTree(ok(province, "catalog", "list", "--json").out());
        JsonNode qd1300 = null;
        for (JsonNode c : revisions) {
            if (c.get("catalog").get("id").asText().equals("QD1300-2023")) {
                qd1300 = c;
            }
        }
        assertEquals(2, qd1300.get("revisions").size());
        assertEquals(1, qd1300.get("revisions").get(1).get("revision").asInt());
        assertEquals(0, qd1300.get("revisions").get(1).get("basedOn").asInt());
        JsonNode diff = JSON.readTree(ok(province, "catalog", "diff", "QD1300-2023", "--from", "0", "--to", "1", "--json").out());
        assertEquals(1, diff.get("lines").size(), diff.toString());
        assertEquals(INSURANCE, diff.get("lines").get(0).get("indicator").asText());
        assertEquals("RULE", diff.get("lines").get(0).get("change").asText());
        String diffText = ok(province, "--lang", "en", "catalog", "diff", "QD1300-2023", "--from", "0", "--to", "1").out();
        assertTrue(diffText.contains("From QD1300-2023 (as shipped) to QD1300-2023 rev. 1: 1 changes.")
                && diffText.contains(INSURANCE + " · scoring rule (thresholds) changed"), diffText);
        Path exported = dir.resolve("exported.json");
        ok(province, "catalog", "export", "QD1300-2023", "--out", exported.toString());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(exported));
        ok(province, "catalog", "export", "QD1300-2023", "--revision", "0", "--out", exported.toString());
        try (InputStream in = CatalogCliTest.class.getResourceAsStream("/vn/ytcs/core/catalog/QD1300-2023.json")) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(exported), "revision 0 is the shipped file");
        }

        Map<String, String> revisedScores = insurancePoints(province, "QD1300-2023 rev. 1");
        assertFalse(revisedScores.equals(shippedScores), "the revision changes some commune's score");
        assertTrue(ok(province, "--lang", "en", "score", "--unit", "31336").out().contains("by QD1300-2023 rev. 1"));

        // It travels: the next package brings it, the district is told, and scores under it.
        ok(province, "export", "--to", stick.toString());
        Path second = newest(stick);
        CliRunner.Result arrived = ok(district, "import", second.toString());
        assertTrue(arrived.out().contains("Tỉnh đã sửa bộ tiêu chí QD1300-2023 ngày ") && arrived.out().contains("(QD1300-2023 rev. 1)"),
                arrived.out());
        assertEquals(revisedScores, insurancePoints(district, "QD1300-2023 rev. 1"));
        assertTrue(ok(district, "catalog", "list").out().contains("Ngưỡng BHYT"));
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFileAndPathAndChangesNothing() throws Exception {
        Path data = dir.resolve("data");
        ok(data, "site", "setup", "--name", "Sở Y tế Hậu Giang", "--role", "PROVINCE");
        String before = ok(data, "catalog", "list", "--json").out();

        ObjectNode doc = shipped();
        ((ObjectNode) doc.get("criteria").get(0)).put("maxPoints", 15);
        Path broken = dir.resolve("broken.json");
        Files.write(broken, JSON.writeValueAsBytes(doc));
        CliRunner.Result r = CliRunner.run(data, "--lang", "en", "catalog", "import", broken.toString(), "--reason", "x");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(broken.toString()) && r.err().contains("$.criteria[0].maxPoints"), r.err());

        CliRunner.Result noReason = CliRunner.run(data, "catalog", "import", revised().toString());
        assertEquals(2, noReason.code());
        assertTrue(noReason.err().contains("--reason"), noReason.err());
        CliRunner.Result blankReason = CliRunner.run(data, "catalog", "import", revised().toString(), "--reason", " ");
        assertEquals(2, blankReason.code(), blankReason.out() + blankReason.err());
        assertTrue(blankReason.err().contains("reason"), blankReason.err());
        CliRunner.Result noSuchRevision = CliRunner.run(data, "catalog", "export", "QD1300-2023", "--revision", "4", "--out",
                dir.resolve("x.json").toString());
        assertEquals(2, noSuchRevision.code(), noSuchRevision.out() + noSuchRevision.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
        CliRunner.Result noSuchCatalog = CliRunner.run(data, "catalog", "diff", "QD9999", "--from", "0", "--to", "1");
        assertEquals(2, noSuchCatalog.code(), noSuchCatalog.out() + noSuchCatalog.err());

        assertEquals(before, ok(data, "catalog", "list", "--json").out(), "nothing changed");
    }
}
