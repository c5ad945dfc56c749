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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through its entry point, against a real data folder. */
class CliTest {

    @TempDir
    Path dir;

    CliRunner.Result run(String... args) {
        return CliRunner.run(dir, args);
    }

    @Test
    void demoLoadsOnceAndTheSecondRunChangesNothing() throws Exception {
        CliRunner.Result first = run("demo");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Đã nạp dữ liệu mẫu"), first.out());
        String units = run("units", "--json").out();
        String staff = run("staff", "--json").out();
        CliRunner.Result second = run("demo");
        assertEquals(0, second.code());
        assertTrue(second.out().contains("không thay đổi gì"), second.out());
        assertEquals(units, run("units", "--json").out());
        assertEquals(staff, run("staff", "--json").out());
    }

    @Test
    void unitsPrintsTheTreeInVietnameseAndAsJson() throws Exception {
        run("demo");
        CliRunner.Result text = run("units");
        assertEquals(0, text.code());
        assertTrue(text.out().contains("Thành phố Cần Thơ  [92]"), text.out());
        assertTrue(text.out().contains("  Trung tâm Y tế khu vực Vị Thanh  [KV930 (mã tạm)]"), text.out());
        assertTrue(text.out().contains("    Xã Hỏa Lựu  [31338]"), "today's Hỏa Lựu took xã Tân Tiến's code: " + text.out());
        CliRunner.Result before = run("--as-of", "2025-06-30", "units");
        assertTrue(before.out().contains("Tỉnh Hậu Giang  [93]"), before.out());
        assertTrue(before.out().contains("  Huyện Châu Thành  [933]"), "the level between is huyện in its own time: " + before.out());
        assertTrue(before.out().contains("    Xã Hỏa Lựu  [31336]"), before.out());
        assertTrue(before.out().contains("    Xã Tân Tiến  [31338]"), before.out());
        for (String[] day : new String[][] {{"2025-06-30", "Hậu Giang", "8", "75"}, {"2025-07-01", "Cần Thơ", "7", "28"}}) {
            JsonNode tree = new ObjectMapper().readTree(run("--as-of", day[0], "units", "--json").out());
            assertEquals(1, tree.size());
            assertEquals(day[1], tree.get(0).get("name").asText());
            assertEquals(Integer.parseInt(day[2]), tree.get(0).get("children").size(), day[0]);
            int communes = 0;
            for (JsonNode district : tree.get(0).get("children")) {
                communes += district.get("children").size();
            }
            assertEquals(Integer.parseInt(day[3]), communes, day[0]);
        }
    }

    @Test
    void stationsAndStaffOfAUnitAgree() throws Exception {
        run("demo");
        JsonNode stations = new ObjectMapper().readTree(run("--as-of", "2025-06-30", "stations", "--unit", "930", "--json").out());
        assertEquals(9, stations.size(), "TP Vị Thanh had 9 communes");
        int staffCount = 0;
        for (JsonNode s : stations) {
            staffCount += s.get("staff").asInt();
            assertTrue(s.get("staff").asInt() >= 5 && s.get("staff").asInt() <= 12);
        }
        JsonNode staff = new ObjectMapper().readTree(run("--as-of", "2025-06-30", "staff", "--unit", "930", "--json").out());
        assertEquals(staffCount, staff.size());
        CliRunner.Result english = run("--lang", "en", "--as-of", "2025-06-30", "stations", "--unit", "31336");
        assertEquals(0, english.code());
        assertTrue(english.out().contains("Commune Hỏa Lựu"), english.out());
        assertTrue(english.out().contains("Trạm Y tế xã Hỏa Lựu"), english.out());
        // Today's Hỏa Lựu (31338) carries on the staff of the three communes merged into it.
        JsonNode today = new ObjectMapper().readTree(run("stations", "--unit", "31338", "--json").out());
        int merged = 0;
        for (JsonNode s : stations) {
            if (List.of("31336", "31338", "31339").contains(s.get("unitCode").asText())) {
                merged += s.get("staff").asInt();
            }
        }
        assertEquals(merged, today.get(0).get("staff").asInt());
        assertEquals("Trạm Y tế xã Tân Tiến", today.get(0).get("station").asText(), "the station of the commune whose code it took");
        assertEquals(List.of("Trạm Y tế xã Hỏa Lựu", "Trạm Y tế xã Hỏa Tiến"),
                List.of(today.get(0).get("healthPoints").get(0).asText(), today.get(0).get("healthPoints").get(1).asText()));
        assertTrue(run("stations", "--unit", "31338").out().lines().anyMatch(l -> l.startsWith("31338") && l.contains(" 2 ")),
                "the health points counted in the table");
        assertEquals(merged, new ObjectMapper().readTree(run("staff", "--unit", "31338", "--json").out()).size());
    }

    @Test
    void anUnknownUnitIsOneClearLineAndExit2() throws Exception {
        run("demo");
        CliRunner.Result r = run("stations", "--unit", "HG9999");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("HG9999"), r.err());
        CliRunner.Result en = run("--lang", "en", "staff", "--unit", "HG9999");
        assertTrue(en.err().startsWith("Error: no unit has the code \"HG9999\""), en.err());
    }

    @Test
    void badArgumentsAreRefusedInTheUsersLanguage() {
        CliRunner.Result unknown = run("bogus");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("không hiểu lệnh hoặc tùy chọn \"bogus\""), unknown.err());
        CliRunner.Result date = run("--lang", "en", "--as-of", "2025-13-01", "units");
        assertEquals(2, date.code());
        assertTrue(date.err().contains("\"2025-13-01\" is not a valid value for --as-of"), date.err());
        CliRunner.Result lang = run("--lang", "fr", "units");
        assertEquals(2, lang.code());
        assertEquals(1, lang.err().strip().lines().count());
    }

    @Test
    void demoIsRefusedWhenTheFolderCannotHoldADatabase() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"--data-dir", file.toString(), "demo"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(file.toString()));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void theDayAfterTheReformShowsTheNewUnitsAndABadDayIsRefused() throws Exception {
        run("demo");
        JsonNode after = new ObjectMapper().readTree(run("--as-of", "2025-07-01", "units", "--json").out());
        assertEquals("KHU_VUC_YTE", after.get(0).get("children").get(0).get("type").asText(), after.toString());
        JsonNode before = new ObjectMapper().readTree(run("--as-of", "2025-06-30", "units", "--json").out());
        assertFalse(before.get(0).get("children").findValuesAsText("type").contains("KHU_VUC_YTE"));
        assertEquals("[ ]", run("--as-of", "2019-12-31", "units", "--json").out().strip(), "before the demo's units");
    }

    @Test
    void helpListsTheCommands() {
        CliRunner.Result r = run("--help");
        assertEquals(0, r.code());
        for (String command : List.of("demo", "units", "stations", "staff")) {
            assertTrue(r.out().contains("  " + command + " "), r.out());
        }
        assertTrue(run("--lang", "en", "units", "--help").out().contains("Print the administrative unit tree"));
    }

    @Test
    void theLauncherExitsWithTheCommandsCode() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "vn.ytcs.app.Launcher",
                "--data-dir", dir.toString(), "stations", "--unit", "NOPE")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), output);
        assertTrue(output.contains("NOPE"), output);
    }
}
