// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score, targets and catalog through the command line, on the demo in a real data folder. */
class ScoreCliTest {

    @TempDir
    static Path dir;

    static CliRunner.Result run(String... args) {
        return CliRunner.run(dir.resolve("data"), args);
    }

    @BeforeAll
    static void demo() {
        assertEquals(0, run("demo", "--old-structure").code());
    }

    @Test
    void scoreJsonGivesEveryCommuneAScorecardThatReadsRight() throws Exception {
        CliRunner.Result r = run("score", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode cards = new ObjectMapper().readTree(r.out());
        assertEquals(75, cards.size());
        for (JsonNode card : cards) {
            assertEquals("QD1300-2023", card.get("catalog").asText());
            assertEquals(10, card.get("criteria").size());
            assertEquals(47, card.get("indicators").size());
            assertTrue(card.get("provisional").asBoolean());
            assertEquals(card.get("passed").asBoolean(), card.get("failures").isEmpty());
            for (JsonNode ind : card.get("indicators")) {
                assertTrue(!ind.get("reason").asText().isBlank() && !ind.get("reason").asText().contains("!"), ind.toString());
            }
        }
        JsonNode noDoctor = null;
        for (JsonNode card : cards) {
            for (JsonNode f : card.get("failures")) {
                if ("VETO".equals(f.get("kind").asText()) && "TC2.06".equals(f.get("subject").asText())) {
                    noDoctor = card;
                }
            }
        }
        assertTrue(noDoctor != null, "some demo commune lacks a permanent doctor");
        boolean said = false;
        for (JsonNode ind : noDoctor.get("indicators")) {
            if (ind.get("code").asText().equals("TC2.06")) {
                assertEquals("Trạm chưa có bác sĩ cơ hữu", ind.get("reason").asText());
                said = true;
            }
        }
        assertTrue(said);
        assertTrue(noDoctor.get("plan").toString().contains("TC2.06"), "the plan starts with the doctor");
    }

    @Test
    void oneCommuneInDetailInBothLanguages() {
        CliRunner.Result vi = run("score", "--unit", "31336");
        assertEquals(0, vi.code(), vi.err());
        assertTrue(vi.out().contains("Xã Hỏa Lựu"), vi.out());
        // Stunting has a (draft) Mekong Delta threshold now: 18.6 % meets "at most 19 %", nothing is missing.
        assertFalse(vi.out().contains("Tỉnh chưa nhập ngưỡng"), vi.out());
        CliRunner.Result en = run("--lang", "en", "score", "--unit", "31336", "--period", "2024");
        assertEquals(0, en.code(), en.err());
        assertTrue(en.out().contains("TC7.35: +1 points – The stunting rate of children under 5 is above the limit for the region"
                + " (19.1%, needs at most 19%)"), en.out());
        assertTrue(en.out().contains("year 2024"), en.out());
    }

    @Test
    void aFactsFileIsScoredAgainstAnyCatalogFile() throws Exception {
        Path catalog = Path.of(ScoreCliTest.class.getResource("/facts/mini-catalog.json").toURI());
        Path facts = Path.of(ScoreCliTest.class.getResource("/facts/mini-facts.json").toURI());
        CliRunner.Result r = run("score", "--catalog", catalog.toString(), "--facts", facts.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode cards = new ObjectMapper().readTree(r.out());
        assertEquals(2, cards.size());
        assertTrue(cards.get(0).get("passed").asBoolean());
        assertTrue(!cards.get(1).get("passed").asBoolean());
        assertEquals("TC1.01", cards.get(1).get("plan").get(0).asText());
    }

    @Test
    void aBadFactsFileNamesTheFileTheRecordAndTheField() throws Exception {
        Path catalog = Path.of(ScoreCliTest.class.getResource("/facts/mini-catalog.json").toURI());
        Path bad = dir.resolve("bad-facts.json");
        Files.writeString(bad, "{\"format\": \"ytcs-facts/1\", \"communes\": [{\"code\": \"X\", \"name\": \"Xã X\", "
                + "\"unitType\": \"XA\", \"values\": {\"TC1.01\": \"có\"}}]}");
        CliRunner.Result r = run("score", "--catalog", catalog.toString(), "--facts", bad.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("$.communes[0].values.TC1.01"), r.err());
    }

    /** Every line of a command's output fits a terminal or a printout of 100 columns. */
    private static void fits(CliRunner.Result r) {
        assertEquals(0, r.code(), r.err());
        for (String line : r.out().lines().toList()) {
            assertTrue(line.codePointCount(0, line.length()) <= TextTable.WIDTH, line.length() + ": " + line);
        }
    }

    @Test
    void tablesFitAHundredColumnsAndNameTheCommunes() {
        for (String lang : List.of("vi", "en")) {
            fits(run("--lang", lang, "score"));
            fits(run("--lang", lang, "targets"));
        }
        CliRunner.Result vi = run("targets", "--unit", "930");
        assertTrue(CliRunner.column(vi.out(), 4).contains("Xã Hỏa Lựu [31336]"), vi.out());
        CliRunner.Result en = run("--lang", "en", "targets", "--unit", "930");
        assertTrue(CliRunner.column(en.out(), 4).contains("Commune Hỏa Lựu [31336]"), en.out());
    }

    @Test
    void percentagesAreRoundedAsASpreadsheetDoes() {
        CliRunner.Result r = run("score", "--unit", "31336");
        assertTrue(r.out().contains("5/9 (55,6%)"), "5/9 of the workforce criterion: " + r.out());
    }

    @Test
    void aValueJustBelowItsThresholdIsNotShownAtIt() throws Exception {
        Path catalog = Path.of(ScoreCliTest.class.getResource("/facts/mini-catalog.json").toURI());
        Path facts = Files.writeString(dir.resolve("just-below.json"), "{\"format\": \"ytcs-facts/1\", \"communes\": [{\"code\": \"A1\", "
                + "\"name\": \"Xã Sát Ngưỡng\", \"unitType\": \"XA\", \"values\": {\"TC1.01\": true, \"TC1.02\": 94.995}}]}");
        CliRunner.Result vi = run("score", "--catalog", catalog.toString(), "--facts", facts.toString());
        assertEquals(0, vi.code(), vi.err());
        assertTrue(vi.out().contains("(94,995%, cần từ 95%)"), vi.out());
        CliRunner.Result en = run("--lang", "en", "score", "--catalog", catalog.toString(), "--facts", facts.toString());
        assertTrue(en.out().contains("(94.995%, needs at least 95%)"), en.out());
    }

    @Test
    void aYearWithNoAssessmentSaysSoForEveryCommune() throws Exception {
        CliRunner.Result table = run("--lang", "en", "score", "--period", "2030");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("75 of 75 communes have no assessment entered for 2030: only values from the register"
                + " were scored."), table.out());
        long marked = table.out().lines().filter(l -> l.contains(" *")).count();
        assertEquals(75, marked, "each commune is marked: " + table.out());
        CliRunner.Result detail = run("score", "--unit", "31336", "--period", "2030");
        assertTrue(detail.out().contains("Chưa nhập đánh giá cho năm 2030: chỉ chấm các giá trị lấy từ sổ quản lý"), detail.out());
        JsonNode cards = new ObjectMapper().readTree(run("score", "--period", "2030", "--json").out());
        for (JsonNode card : cards) {
            assertTrue(card.get("registerOnly").asBoolean(), card.get("code").asText());
            assertTrue(card.get("note").asText().startsWith("Chưa nhập đánh giá cho năm 2030"), card.toString());
        }
        JsonNode assessed = new ObjectMapper().readTree(run("score", "--json").out());
        for (JsonNode card : assessed) {
            assertEquals(card.get("assessment").isNull(), card.get("registerOnly").asBoolean(), card.get("code").asText());
        }
        assertTrue(!run("score").out().contains(" *"), "the demo has an assessment for every commune this year");
    }

    @Test
    void catalogListShowAndValidate() throws Exception {
        CliRunner.Result list = run("catalog", "list");
        assertTrue(list.out().contains("QD1300-2023") && list.out().contains("QD4667-2014"), list.out());
        CliRunner.Result show = run("--lang", "en", "catalog", "show", "QD1300-2023");
        assertTrue(show.out().contains("35. TC7.35"), show.out());
        Path good = Path.of(ScoreCliTest.class.getResource("/facts/mini-catalog.json").toURI());
        assertEquals(0, run("catalog", "validate", good.toString()).code());
        Path bad = dir.resolve("bad-catalog.json");
        Files.writeString(bad, Files.readString(good).replace("\"maxPoints\": 10", "\"maxPoints\": -1"));
        CliRunner.Result refused = run("catalog", "validate", bad.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains(bad.toString()) && refused.err().contains("$.criteria[0].maxPoints"), refused.err());
        assertEquals(2, run("catalog", "show", "NOPE").code());
    }

    @Test
    void targetsForTheProvinceAndItsDistricts() throws Exception {
        CliRunner.Result r = run("targets", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(9 * 10, rows.size(), "province and 8 districts, 10 targets each");
        CliRunner.Result text = run("targets", "--unit", "930");
        assertTrue(CliRunner.column(text.out(), 0).contains("Trạm y tế xã có ít nhất một bác sĩ cơ hữu"), "wrapped, whole: " + text.out());
    }

    @Test
    void theProvinceSetsItsOwnTargetsAndABadFileChangesNothing() throws Exception {
        Path own = dir.resolve("own-targets");
        assertEquals(0, CliRunner.run(own, "demo", "--old-structure").code());
        assertEquals(0, CliRunner.run(own, "site", "setup", "--name", "Sở Y tế Hậu Giang", "--role", "PROVINCE").code());
        Path mine = dir.resolve("targets.json");
        Files.writeString(mine, "{\"format\": \"ytcs-targets/1\", \"source\": \"Kế hoạch thử\", \"targets\": ["
                + "{\"code\": \"PERMANENT_DOCTOR\", \"measure\": \"PERMANENT_DOCTOR_STATIONS\", \"comparison\": \"GE\", "
                + "\"value\": 60, \"dueYear\": 2027, \"name\": {\"vi\": \"Trạm có bác sĩ cơ hữu (mục tiêu 2027)\"}}]}");
        Path bad = dir.resolve("bad-targets.json");
        Files.writeString(bad, Files.readString(mine).replace("\"value\": 60", "\"value\": 160"));
        CliRunner.Result refused = CliRunner.run(own, "targets", "import", bad.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("$.targets[0].value"), refused.err());
        assertEquals(10, new ObjectMapper().readTree(CliRunner.run(own, "targets", "--unit", "93", "--json").out()).size(), "still the shipped targets");

        assertEquals(0, CliRunner.run(own, "targets", "import", mine.toString()).code());
        JsonNode rows = new ObjectMapper().readTree(CliRunner.run(own, "targets", "--unit", "93", "--json").out());
        assertEquals(1, rows.size());
        assertEquals("Trạm có bác sĩ cơ hữu (mục tiêu 2027)", rows.get(0).get("name").asText());
        assertEquals(rows.get(0).get("numerator").asLong() * 100 >= 60 * rows.get(0).get("denominator").asLong(),
                rows.get(0).get("met").asBoolean());
    }
    private static Path targetsFile(Path file, String... codes) throws Exception {
        StringBuilder targets = new StringBuilder();
        for (String code : codes) {
            targets.append(targets.length() == 0 ? "" : ",").append("{\"code\": \"").append(code)
                    .append("\", \"measure\": \"PERMANENT_DOCTOR_STATIONS\", \"comparison\": \"GE\", \"value\": 60, ")
                    .append("\"dueYear\": 2027, \"name\": {\"vi\": \"Mục tiêu ").append(code).append("\"}}");
        }
        return Files.writeString(file, "{\"format\": \"ytcs-targets/1\", \"source\": \"Kế hoạch thử\", \"targets\": [" + targets + "]}");
    }

    private static List<String> targetCodes(Path data) throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(CliRunner.run(data, "targets", "--unit", "93", "--json").out())) {
            codes.add(row.get("target").asText());
        }
        return codes;
    }

    @Test
    void importingTargetsReplacesTheWholeSetAndTheRemovalSyncs() throws Exception {
        Path province = dir.resolve("replacing");
        assertEquals(0, CliRunner.run(province, "demo", "--old-structure").code());
        assertEquals(0, CliRunner.run(province, "site", "setup", "--name", "Sở Y tế Hậu Giang", "--role", "PROVINCE").code());
        assertEquals(0, CliRunner.run(province, "targets", "import", targetsFile(dir.resolve("two.json"), "A", "B").toString()).code());
        assertEquals(List.of("A", "B"), targetCodes(province));
        CliRunner.Result one = CliRunner.run(province, "targets", "import", targetsFile(dir.resolve("one.json"), "B").toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("Đã bỏ 1 mục tiêu không còn trong tệp."), one.out());
        assertEquals(List.of("B"), targetCodes(province), "A is gone, not kept beside B");
        try (vn.ytcs.core.store.Store store = vn.ytcs.core.store.Store.open(province)) {
            List<String> tombstones = new ArrayList<>();
            store.sync().changesSince(0, r -> {
                if (r.kind().equals("target") && r.deleted()) {
                    tombstones.add((String) r.fields().get("code"));
                }
            });
            assertEquals(List.of("A"), tombstones, "the removal is a tombstone that the next package carries");
        }
        // A again: it comes back to life, B stays.
        assertEquals(0, CliRunner.run(province, "targets", "import", targetsFile(dir.resolve("again.json"), "A", "B").toString()).code());
        assertEquals(List.of("A", "B"), targetCodes(province));
    }

    @Test
    void onlyAProvinceSiteSetsTargets() throws Exception {
        Path district = dir.resolve("district-targets");
        assertEquals(0, CliRunner.run(district, "demo", "--old-structure").code());
        assertEquals(0, CliRunner.run(district, "site", "setup", "--name", "TTYT Châu Thành", "--role", "DISTRICT").code());
        Path file = targetsFile(dir.resolve("district.json"), "A");
        CliRunner.Result vi = CliRunner.run(district, "targets", "import", file.toString());
        assertEquals(2, vi.code(), vi.err());
        assertTrue(vi.err().startsWith("Lỗi: chỉ tuyến tỉnh mới đặt mục tiêu; đơn vị này là trung tâm y tế huyện.")
                && vi.err().contains("--role PROVINCE"), vi.err());
        CliRunner.Result en = CliRunner.run(district, "--lang", "en", "targets", "import", file.toString());
        assertEquals(2, en.code());
        assertTrue(en.err().startsWith("Error: only a province site sets the targets; this site is a district health centre."), en.err());
        assertEquals(10, targetCodes(district).size(), "still the shipped targets");
        try (vn.ytcs.core.store.Store store = vn.ytcs.core.store.Store.open(district)) {
            assertTrue(store.targets().isEmpty(), "nothing written");
        }
    }
}
