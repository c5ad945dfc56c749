// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.site.SiteRole;

/**
 * The edit commands through the real entry point, each on its own copy of a data folder with the
 * demo loaded: the effect shows in the listings and the score, and every refusal exits 2 with
 * one line naming the option and the value and leaves the dumps byte for byte as they were.
 */
class EditCliTest {

    /** Phường VII of TP Vị Thanh: its station has no doctor, so TC2.06 vetoes its score. */
    private static final String NO_DOCTOR = "31330";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void demo() {
        CliRunner.Result r = CliRunner.run(template.resolve("data"), "demo", "--old-structure");
        assertEquals(0, r.code(), r.err());
    }

    @BeforeEach
    void copyOfTheDemo() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(template.resolve("data").resolve("ytcs.mv.db"), dir.resolve("data").resolve("ytcs.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    CliRunner.Result run(String... args) {
        return CliRunner.run(dir.resolve("data"), args);
    }

    CliRunner.Result ok(String... args) {
        CliRunner.Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    /** The id an edit command printed: the last thing on its line. */
    static UUID printedId(CliRunner.Result r) {
        String line = r.out().strip();
        assertEquals(1, line.lines().count(), r.out());
        Matcher m = ID.matcher(line);
        assertTrue(m.find(), line);
        assertTrue(line.endsWith(m.group()), line);
        return UUID.fromString(m.group());
    }

    /** Whether the commune's score fails on the doctor veto. */
    boolean doctorVeto(String unit) throws Exception {
        JsonNode card = json("score", "--unit", unit, "--json").get(0);
        for (JsonNode f : card.get("failures")) {
            if ("VETO".equals(f.get("kind").asText()) && "TC2.06".equals(f.get("subject").asText())) {
                return true;
            }
        }
        return false;
    }

    JsonNode indicator(String unit, String code, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("score", "--unit", unit, "--json"));
        args.addAll(List.of(more));
        for (JsonNode i : json(args.toArray(String[]::new)).get(0).get("indicators")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }

    JsonNode station(String unit) throws Exception {
        return json("stations", "--unit", unit, "--json").get(0);
    }

    JsonNode staffById(String id) throws Exception {
        for (JsonNode s : json("staff", "--json")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** Every dump there is, for comparing before and after a refusal. */
    List<String> dumps() {
        return List.of(ok("units", "--json").out(), ok("stations", "--json").out(), ok("staff", "--json").out(),
                ok("hamlet", "--unit", NO_DOCTOR, "--json").out(), ok("settings", "user").out());
    }

    @Test
    void addingAPermanentDoctorLiftsTheVetoAndLeavingBringsItBack() throws Exception {
        assertTrue(doctorVeto(NO_DOCTOR));
        assertEquals(0, station(NO_DOCTOR).get("permanentDoctors").asInt());
        int staff = station(NO_DOCTOR).get("staff").asInt();

        UUID id = printedId(ok("staff", "add", "--unit", NO_DOCTOR, "--name", "Nguyễn Thị Bích Ngọc",
                "--profession", "bac-si", "--employment", "co-huu", "--sex", "nu", "--birth-year", "1986"));
        assertEquals(1, station(NO_DOCTOR).get("permanentDoctors").asInt());
        assertEquals(staff + 1, station(NO_DOCTOR).get("staff").asInt());
        JsonNode added = staffById(id.toString());
        assertNotNull(added);
        assertEquals("BAC_SI", added.get("profession").asText());
        assertEquals("PERMANENT", added.get("employment").asText());
        assertEquals("F", added.get("sex").asText());
        assertFalse(doctorVeto(NO_DOCTOR), "a permanent doctor lifts the veto");
        assertEquals(2, indicator(NO_DOCTOR, "TC2.06").get("points").asInt());

        CliRunner.Result left = ok("staff", "leave", id.toString(), "--on", "2025-06-01");
        assertEquals(id, printedId(left));
        assertTrue(doctorVeto(NO_DOCTOR), "the doctor left before the day shown: the veto is back");
        assertEquals(0, station(NO_DOCTOR).get("permanentDoctors").asInt());
        assertEquals(null, staffById(id.toString()), "former staff are not current staff");
        // The record stays: on a day before leaving, she is there.
        assertTrue(ok("--as-of", "2025-05-31", "staff", "--unit", NO_DOCTOR, "--json").out().contains(id.toString()));
        assertTrue(ok("staff", "--unit", NO_DOCTOR, "--ids", "--as-of", "2025-05-31").out().contains(id.toString()));
    }

    @Test
    void staffSetChangesOnlyTheFieldsGivenAndSaysWhenNothingChanged() throws Exception {
        UUID id = printedId(ok("staff", "add", "--unit", NO_DOCTOR, "--name", "Lê Văn Tám", "--profession", "nurse",
                "--employment", "HOP_DONG", "--sex", "Nam", "--from", "2022-03-01"));
        JsonNode set = json("staff", "set", id.toString(), "--name", "Lê Văn Tâm", "--birth-year", "1990",
                "--employment", "Cơ hữu", "--json");
        assertEquals("changed", set.get("action").asText());
        assertEquals(id.toString(), set.get("id").asText());
        JsonNode s = staffById(id.toString());
        assertEquals("Lê Văn Tâm", s.get("fullName").asText());
        assertEquals(1990, s.get("birthYear").asInt());
        assertEquals("DIEU_DUONG", s.get("profession").asText(), "kept");
        assertEquals("PERMANENT", s.get("employment").asText());
        assertEquals("2022-03-01", s.get("startDate").asText(), "kept");
        List<String> before = dumps();
        CliRunner.Result same = ok("--lang", "en", "staff", "set", id.toString(), "--birth-year", "1990");
        assertTrue(same.out().startsWith("Nothing changed in Staff member \"Lê Văn Tâm\""), same.out());
        assertEquals(id, printedId(same));
        assertEquals(before, dumps());
    }

    @Test
    void hamletsAndTheirWorkersAreAddedChangedAndKeptWhenTheyLeave() throws Exception {
        int hamlets = station(NO_DOCTOR).get("hamlets").asInt();
        UUID hamlet = printedId(ok("hamlet", "add", "--unit", NO_DOCTOR, "--name", "Khu vực 8", "--households", "210"));
        assertEquals(hamlets + 1, station(NO_DOCTOR).get("hamlets").asInt());
        UUID worker = printedId(ok("worker", "add", "--hamlet", hamlet.toString(), "--name", "Trần Thị Mai",
                "--role", "nvyt", "--training-months", "6", "--sex", "nữ"));
        ok("hamlet", "set", hamlet.toString(), "--households", "215", "--kind", "ap");
        ok("worker", "set", worker.toString(), "--training-months", "9", "--role", "village-midwife");
        JsonNode h = find(json("hamlet", "--unit", NO_DOCTOR, "--json"), hamlet);
        assertEquals("Khu vực 8", h.get("name").asText());
        assertEquals("AP", h.get("kind").asText());
        assertEquals(215, h.get("households").asInt());
        JsonNode w = h.get("workers").get(0);
        assertEquals(worker.toString(), w.get("id").asText());
        assertEquals("VILLAGE_MIDWIFE", w.get("role").asText());
        assertEquals(9, w.get("trainingMonths").asInt());
        assertEquals("F", w.get("sex").asText());

        assertEquals(worker, printedId(ok("worker", "leave", worker.toString(), "--on", "2025-06-01")));
        assertEquals(hamlet, printedId(ok("hamlet", "abolish", hamlet.toString(), "--on", "2025-06-01")));
        assertEquals(hamlets, station(NO_DOCTOR).get("hamlets").asInt(), "abolished before the day shown");
        h = find(json("hamlet", "--unit", NO_DOCTOR, "--json"), hamlet);
        assertEquals("2025-06-01", h.get("abolishedOn").asText(), "kept, with the day");
        assertEquals("2025-06-01", h.get("workers").get(0).get("endDate").asText());
        String table = ok("hamlet", "--unit", NO_DOCTOR).out();
        assertTrue(table.contains(hamlet.toString()) && table.contains(worker.toString()), table);
        assertTrue(table.contains("01/06/2025"), table);
    }

    private static JsonNode find(JsonNode rows, UUID id) {
        for (JsonNode r : rows) {
            if (r.get("id").asText().equals(id.toString())) {
                return r;
            }
        }
        throw new AssertionError("no " + id + " in " + rows);
    }

    @Test
    void figuresSetChangesTheScoreAndKeepsTheFieldsNotGiven() throws Exception {
        assertEquals(1, indicator(NO_DOCTOR, "TC6.28").get("points").asInt());
        int population = station(NO_DOCTOR).get("population").asInt();
        JsonNode r = json("figures", "set", "--unit", NO_DOCTOR, "--year", "2025", "--insured", "8000", "--json");
        assertEquals("changed", r.get("action").asText());
        assertEquals(population, r.get("record").get("population").asInt(), "kept");
        assertEquals(8000, r.get("record").get("insured").asInt());
        assertEquals(3, indicator(NO_DOCTOR, "TC6.28").get("points").asInt(), "8000 of 8240 insured: above 95%");

        JsonNode created = json("figures", "set", "--unit", NO_DOCTOR, "--year", "2026", "--population", "8300", "--json");
        assertEquals("added", created.get("action").asText());
        JsonNode changed = json("figures", "set", "--unit", NO_DOCTOR, "--year", "2026", "--births", "90", "--json");
        assertEquals(created.get("id"), changed.get("id"), "the same year is the same record");
        assertEquals(8300, changed.get("record").get("population").asInt());
        assertEquals(90, changed.get("record").get("births").asInt());
    }

    @Test
    void stationSetChangesTheStation() throws Exception {
        UUID id = printedId(ok("station", "set", "--unit", NO_DOCTOR, "--name", "Trạm Y tế phường 7",
                "--address", "Đường 3 Tháng 2", "--phone", "0293 3870 000"));
        assertEquals("Trạm Y tế phường 7", station(NO_DOCTOR).get("station").asText());
        String history = ok("history", id.toString()).out();
        assertTrue(history.contains("Trạm Y tế phường VII → Trạm Y tế phường 7"), history);
        assertTrue(history.contains("(trống) → 0293 3870 000"), history);
    }

    @Test
    void unitSetIsTheProvincesToDo() throws Exception {
        List<String> before = dumps();
        CliRunner.Result district = run("unit", "set", "--unit", NO_DOCTOR, "--vung", "2");
        refused(district, "Lỗi: đơn vị này là trung tâm y tế huyện, không được thay đổi");
        CliRunner.Result en = run("--lang", "en", "unit", "set", "--unit", NO_DOCTOR, "--region", "tay-nguyen",
                "--vung", "1");
        refused(en, "Error: this site is a district health centre and may not change");
        assertEquals(before, dumps());

        ok("site", "setup", "--name", "Sở Y tế Hậu Giang", "--role", "PROVINCE");
        UUID id = printedId(ok("unit", "set", "--unit", NO_DOCTOR, "--vung", "2", "--region", "tay-nguyen"));
        JsonNode ward = null;
        for (JsonNode district1 : json("units", "--json").get(0).get("children")) {
            for (JsonNode c : district1.get("children")) {
                if (c.get("code").asText().equals(NO_DOCTOR)) {
                    ward = c;
                }
            }
        }
        assertEquals(2, ward.get("vung").asInt());
        assertEquals("TAY_NGUYEN", ward.get("region").asText(), "the region, as units --json now says it");
        String history = ok("history", id.toString()).out();
        assertTrue(history.contains("vùng Đồng bằng sông Cửu Long → vùng Tây Nguyên"), history);
        refused(run("unit", "set", "--unit", NO_DOCTOR, "--vung", "4"), "Lỗi: --vung: giá trị 4 nằm ngoài khoảng 1 đến 3");
    }

    @Test
    void answersChangeThePointsAndAClearedAnswerIsMissingData() throws Exception {
        JsonNode before = indicator(NO_DOCTOR, "TC4.19");
        assertEquals(0, before.get("points").asInt());
        UUID id = printedId(ok("answer", "set", "--unit", NO_DOCTOR, "--period", "2025", "--indicator", "tc4.19",
                "--value", "có", "--evidence", "Biên bản kiểm tra 12/BB"));
        assertEquals(2, indicator(NO_DOCTOR, "TC4.19").get("points").asInt());
        ok("--lang", "en", "answer", "set", "--unit", NO_DOCTOR, "--indicator", "TC4.19", "--value", "no");
        assertEquals(0, indicator(NO_DOCTOR, "TC4.19").get("points").asInt());
        ok("answer", "set", "--unit", NO_DOCTOR, "--indicator", "TC4.19", "--value", "yes");
        assertEquals(id, printedId(ok("answer", "clear", "--unit", NO_DOCTOR, "--indicator", "TC4.19")));
        assertEquals("MISSING_DATA", indicator(NO_DOCTOR, "TC4.19").get("status").asText());
        assertTrue(ok("answer", "clear", "--unit", NO_DOCTOR, "--indicator", "TC4.19").out().contains("Chưa có câu trả lời"));
    }

    @Test
    void aRefusedFirstAnswerStartsNoAssessment() throws Exception {
        assertTrue(json("score", "--unit", NO_DOCTOR, "--period", "2026", "--json").get(0).get("registerOnly").asBoolean());
        refused(run("answer", "set", "--unit", NO_DOCTOR, "--period", "2026", "--indicator", "TC4.17", "--value", "120"),
                "Lỗi: --value: tỷ lệ phần trăm tối đa là 100 (120)");
        assertTrue(json("score", "--unit", NO_DOCTOR, "--period", "2026", "--json").get(0).get("registerOnly").asBoolean(),
                "the refused answer left no draft behind");
        ok("answer", "set", "--unit", NO_DOCTOR, "--period", "2026", "--indicator", "TC4.17", "--value", "55,5%");
        JsonNode card = json("score", "--unit", NO_DOCTOR, "--period", "2026", "--json").get(0);
        assertEquals("DRAFT", card.get("assessment").get("state").asText());
    }

    @Test
    void theAssessmentMovesAsItsWorkflowAllowsAndARecognisedOneIsLocked() throws Exception {
        refused(run("assessment", "state", "--unit", NO_DOCTOR, "--to", "da-tham-dinh"),
                "Lỗi: đánh giá đang ở bước \"đang soạn\", không chuyển sang \"đã thẩm định\" được; từ bước này chỉ chuyển được"
                        + " sang: đã gửi thẩm định");
        refused(run("--lang", "en", "assessment", "state", "--unit", NO_DOCTOR, "--to", "reviewed"),
                "Error: the assessment is at \"being drafted\" and cannot move to \"appraised\"");
        UUID id = printedId(ok("assessment", "state", "--unit", NO_DOCTOR, "--to", "submitted"));
        assertEquals("SUBMITTED", json("score", "--unit", NO_DOCTOR, "--json").get(0).get("assessment").get("state").asText());
        refused(run("assessment", "state", "--unit", NO_DOCTOR, "--to", "cong-nhan", "--decision-number", "15/QĐ-SYT",
                "--decision-date", "2025-06-20"), "Lỗi: đơn vị này là trung tâm y tế huyện");
        ok("site", "setup", "--name", "Sở Y tế Hậu Giang", "--role", "PROVINCE");
        refused(run("assessment", "state", "--unit", NO_DOCTOR, "--to", "recognised"),
                "Lỗi: --decision-number: bắt buộc khi --to là RECOGNISED");
        assertEquals(id, printedId(ok("assessment", "state", "--unit", NO_DOCTOR, "--to", "recognised",
                "--decision-number", "15/QĐ-SYT", "--decision-date", "2025-06-20")));
        refused(run("answer", "set", "--unit", NO_DOCTOR, "--indicator", "TC4.19", "--value", "có"),
                "Lỗi: đánh giá này đã được công nhận nên đã khóa");
        refused(run("--lang", "en", "answer", "clear", "--unit", NO_DOCTOR, "--indicator", "TC4.19"),
                "Error: this assessment is recognised and therefore locked");
        refused(run("--lang", "en", "assessment", "state", "--unit", NO_DOCTOR, "--to", "draft"),
                "Error: the assessment is at \"recognised\", the last step");
    }

    @Test
    void historyShowsOldAndNewAndTheUserSetInTheSettings() throws Exception {
        assertTrue(ok("--lang", "en", "settings", "user").out().startsWith("No editor name is set"));
        assertTrue(ok("settings", "user", "Chị Lan (TTYT Vị Thanh)").out().contains("\"Chị Lan (TTYT Vị Thanh)\""));
        assertTrue(ok("settings", "user").out().contains("\"Chị Lan (TTYT Vị Thanh)\""));
        UUID id = printedId(ok("staff", "add", "--unit", NO_DOCTOR, "--name", "Phạm Văn Út", "--profession", "duoc-si",
                "--employment", "luan-phien", "--sex", "m"));
        ok("staff", "set", id.toString(), "--name", "Phạm Văn Út Em", "--birth-year", "1979");
        String history = ok("history", id.toString()).out();
        List<String> lines = history.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.codePointCount(0, l.length()) <= TextTable.WIDTH), history);
        assertTrue(history.contains("(tạo mới)"), history);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Chị Lan (TTYT Vị Thanh)") && l.contains("Họ và tên")
                && l.contains("Phạm Văn Út → Phạm Văn Út Em")), history);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Năm sinh") && l.contains("(trống) → 1979")), history);
        JsonNode entries = json("history", id.toString(), "--json");
        JsonNode last = entries.get(entries.size() - 1);
        assertEquals("Chị Lan (TTYT Vị Thanh)", last.get("actor").asText());
        assertTrue(ok("--lang", "en", "history", id.toString()).out().contains("(empty) → 1979"));
    }

    @Test
    void helpListsTheValueWordsAndEveryFormOfAWordIsRead() throws Exception {
        String help = ok("staff", "add", "--help").out();
        assertTrue(help.contains("bac-si, doctor") && help.contains("Bác sĩ"), help);
        assertTrue(help.contains("co-huu, permanent") && help.contains("luan-phien, rotating")
                && help.contains("hop-dong, contract"), help);
        assertTrue(help.contains("nam, male"), help);
        String en = ok("--lang", "en", "worker", "add", "--help").out();
        assertTrue(en.contains("nhan-vien-y-te-ap") && en.contains("Village midwife"), en);
        assertTrue(ok("unit", "set", "--help").out().contains("dong-bang-song-cuu-long, mekong-delta"));
        assertTrue(ok("assessment", "state", "--help").out().contains("gui-tham-dinh"));
        assertTrue(ok("hamlet", "add", "--help").out().contains("to-dan-pho"));
        UUID id = printedId(ok("staff", "add", "--unit", NO_DOCTOR, "--name", "Võ Thị Hồng", "--profession", "Bác Sĩ",
                "--employment", "LUAN_PHIEN", "--sex", "Nữ"));
        JsonNode s = staffById(id.toString());
        assertEquals("BAC_SI", s.get("profession").asText());
        assertEquals("ROTATING", s.get("employment").asText());
        assertEquals("F", s.get("sex").asText());
    }

    @Test
    void theStaffListingIsAsBefore() {
        String plain = ok("staff", "--unit", NO_DOCTOR).out();
        assertTrue(plain.lines().findFirst().orElseThrow().startsWith("Mã     Xã          Họ và tên"), plain);
        assertTrue(plain.strip().endsWith("Tổng cộng 5 nhân viên ở 1 xã."), plain);
        assertEquals(plain, ok("staff", "--unit", NO_DOCTOR.toLowerCase(java.util.Locale.ROOT)).out());
    }

    /** Every refusal exits 2 with one line that says what and nothing else, and changes nothing. */
    @Test
    void refusalsNameTheOptionAndTheValueAndChangeNothing() throws Exception {
        UUID started = printedId(ok("staff", "add", "--unit", NO_DOCTOR, "--name", "Đặng Văn Hai", "--profession", "y-si",
                "--employment", "co-huu", "--sex", "nam", "--from", "2022-03-01"));
        UUID unknown = UUID.randomUUID();
        List<String> before = dumps();
        String[][] cases = {
            {"Lỗi: không có đơn vị nào mang mã \"HG9999\"", "staff", "add", "--unit", "HG9999", "--name", "A",
                "--profession", "bac-si", "--employment", "co-huu", "--sex", "nam"},
            {"Lỗi: Thành phố Vị Thanh (mã \"930\") không phải là xã", "hamlet", "add", "--unit", "930", "--name", "A"},
            {"Lỗi: không tìm thấy Nhân viên có mã \"" + unknown + "\"", "staff", "set", unknown.toString(), "--name", "B"},
            {"Lỗi: không tìm thấy Ấp, thôn có mã \"" + unknown + "\"", "worker", "add", "--hamlet", unknown.toString(),
                "--name", "B", "--role", "nvyt", "--training-months", "3", "--sex", "nu"},
            {"Lỗi: không tìm thấy Nhân viên y tế ấp có mã \"" + unknown + "\"", "worker", "leave", unknown.toString(),
                "--on", "2025-01-01"},
            {"Lỗi: \"12345\" không phải là mã bản ghi", "staff", "leave", "12345", "--on", "2025-01-01"},
            {"Lỗi: giá trị \"bac-sy\" không hợp lệ cho --profession; chọn một trong: bac-si, bac-si-yhdp,", "staff", "add",
                "--unit", NO_DOCTOR, "--name", "A", "--profession", "bac-sy", "--employment", "co-huu"},
            {"Lỗi: giá trị \"full-time\" không hợp lệ cho --employment; chọn một trong: co-huu, luan-phien, hop-dong.",
                "staff", "set", started.toString(), "--employment", "full-time"},
            {"Lỗi: giá trị \"x\" không hợp lệ cho --sex; chọn một trong: nam, nu.", "staff", "set", started.toString(),
                "--sex", "x"},
            {"Lỗi: giá trị \"thủ đô\" không hợp lệ cho --region", "unit", "set", "--unit", NO_DOCTOR, "--region", "thủ đô"},
            {"Lỗi: --on: ngày 2021-12-31 sớm hơn --from (2022-03-01). Không có gì bị thay đổi.", "staff", "leave",
                started.toString(), "--on", "2021-12-31"},
            {"Lỗi: --birth-year: giá trị 1900 nằm ngoài khoảng 1930 đến 2020. Không có gì bị thay đổi.", "staff", "add",
                "--unit", NO_DOCTOR, "--name", "A", "--profession", "bac-si", "--employment", "co-huu", "--sex", "nam",
                "--birth-year", "1900"},
            {"Lỗi: --sex: bắt buộc", "staff", "add", "--unit", NO_DOCTOR, "--name", "A", "--profession", "bac-si",
                "--employment", "co-huu"},
            {"Lỗi: đơn vị này là trung tâm y tế huyện, không được thay đổi Đơn vị hành chính, trường Vùng (1–3)", "unit", "set",
                "--unit", NO_DOCTOR, "--vung", "3"},
            {"Lỗi: --training-months: giá trị -1 nằm ngoài khoảng 0 đến 120", "worker", "add", "--hamlet",
                "9dd6f524-e7bd-3be1-83bd-711cf650fb96", "--name", "B", "--role", "nvyt", "--training-months", "-1",
                "--sex", "nu"},
            {"Lỗi: --insured: 9000 lớn hơn --population (8240)", "figures", "set", "--unit", NO_DOCTOR, "--year", "2025",
                "--insured", "9000"},
            {"Lỗi: --value: chỉ tiêu TC2.06 lấy từ sổ quản lý", "answer", "set", "--unit", NO_DOCTOR, "--indicator",
                "TC2.06", "--value", "có"},
            {"Lỗi: bộ tiêu chí QD1300-2023 không có chỉ tiêu \"TC11.01\" (--indicator)", "answer", "set", "--unit",
                NO_DOCTOR, "--indicator", "TC11.01", "--value", "có"},
            {"Lỗi: chưa nêu gì để sửa; hãy cho ít nhất một trong các tùy chọn --name, --kind, --households.", "hamlet", "set",
                "9dd6f524-e7bd-3be1-83bd-711cf650fb96"},
            {"Lỗi: giá trị \"abc\" không hợp lệ cho --birth-year", "staff", "set", started.toString(), "--birth-year", "abc"},
            {"Lỗi: tùy chọn --on cần một giá trị", "staff", "leave", started.toString()},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            refused(run(args), c[0]);
        }
        assertEquals(before, dumps(), "nothing changed");
    }

    @Test
    void refusalsInEnglish() throws Exception {
        UUID unknown = UUID.randomUUID();
        List<String> before = dumps();
        refused(run("--lang", "en", "staff", "add", "--unit", "HG9999", "--name", "A", "--profession", "doctor",
                "--employment", "permanent", "--sex", "f"), "Error: no unit has the code \"HG9999\"");
        refused(run("--lang", "en", "hamlet", "abolish", unknown.toString(), "--on", "2025-01-01"),
                "Error: no Hamlet with the id or code \"" + unknown + "\" was found");
        refused(run("--lang", "en", "worker", "add", "--hamlet", "9dd6f524-e7bd-3be1-83bd-711cf650fb96", "--name", "B",
                "--role", "nurse", "--training-months", "3"),
                "Error: \"nurse\" is not a valid value for --role; choose one of: nhan-vien-y-te-ap, co-do.");
        refused(run("--lang", "en", "staff", "add", "--unit", NO_DOCTOR, "--name", "A", "--profession", "doctor",
                "--employment", "permanent", "--sex", "f", "--birth-year", "2024"),
                "Error: --birth-year: 2024 is outside 1930 to 2020. Nothing was changed.");
        refused(run("--lang", "en", "unit", "set", "--unit", NO_DOCTOR, "--vung", "3"),
                "Error: this site is a district health centre and may not change Administrative unit, field Vùng (1–3)");
        refused(run("--lang", "en", "staff", "leave", "not-an-id", "--on", "2025-01-01"),
                "Error: \"not-an-id\" is not a record id");
        assertEquals(before, dumps(), "nothing changed");
    }

    @Test
    void aCommuneWithoutAStationTakesNoStaff() throws Exception {
        // A new commune, registered through the register service as the window would; it has no station yet.
        try (vn.ytcs.app.root.Ytcs ytcs = vn.ytcs.app.root.Ytcs.open(dir.resolve("data"))) {
            vn.ytcs.core.unit.Unit city = ytcs.register().unit("930", java.time.LocalDate.of(2025, 6, 30)).orElseThrow();
            ytcs.register().save(new vn.ytcs.core.unit.Unit(UUID.randomUUID(), "HG0199", false, "Tân Mới",
                    vn.ytcs.core.unit.UnitType.XA, city.id(), java.time.LocalDate.of(2020, 1, 1), city.validTo(), null, null, true,
                    null));
        }
        assertEquals(10, json("stations", "--unit", "930", "--json").size());
        List<String> before = dumps();
        refused(run("staff", "add", "--unit", "HG0199", "--name", "A", "--profession", "bac-si", "--employment", "co-huu",
                "--sex", "nam"), "Lỗi: Xã Tân Mới (mã \"HG0199\") chưa có trạm y tế trong sổ");
        refused(run("--lang", "en", "station", "set", "--unit", "HG0199", "--phone", "1"),
                "Error: Commune Tân Mới (code \"HG0199\") has no health station in the register");
        assertEquals(before, dumps());
        printedId(ok("hamlet", "add", "--unit", "HG0199", "--name", "Ấp Một"));
        assertEquals("AP", json("hamlet", "--unit", "HG0199", "--json").get(0).get("kind").asText(), "a commune has hamlets");
    }

    /** The window shows the same sentences: each refusal of the register service, in both languages. */
    @Test
    void theRegisterServicesRefusalsReadAsOneSentenceInBothLanguages() {
        UUID id = UUID.fromString("0b3c2f6e-8d1a-4c55-9e61-3f4a5b6c7d8e");
        vn.ytcs.app.i18n.Messages vi = vn.ytcs.app.i18n.Messages.of(vn.ytcs.app.i18n.Messages.VIETNAMESE);
        vn.ytcs.app.i18n.Messages en = vn.ytcs.app.i18n.Messages.of(vn.ytcs.app.i18n.Messages.ENGLISH);
        List<RuntimeException> refusals = List.of(new RegisterService.NotFound("hamlet_worker", id),
                new RegisterService.Locked(id), new RegisterService.ChangedSince(id),
                new RegisterService.StepNotAllowed(AssessmentState.SUBMITTED, AssessmentState.SUBMITTED),
                new RegisterService.NotPermitted(SiteRole.DISTRICT, "assessment.decision_number"),
                new RegisterService.NotPermitted(SiteRole.REGIONAL_CENTRE, "targets"));
        List<String> expectedVi = List.of(
                "Lỗi: không tìm thấy Nhân viên y tế ấp có mã \"" + id + "\" (có thể đã bị xóa",
                "Lỗi: đánh giá này đã được công nhận nên đã khóa",
                "Lỗi: không hoàn tác được vì bản ghi đã thay đổi sau lần lưu đó",
                "Lỗi: đánh giá đang ở bước \"đã gửi thẩm định\", không chuyển sang \"đã gửi thẩm định\" được; từ bước này chỉ"
                        + " chuyển được sang: đang soạn, đã thẩm định, đã công nhận.",
                "Lỗi: đơn vị này là trung tâm y tế huyện, không được thay đổi Đánh giá, trường Số quyết định công nhận;",
                "Lỗi: đơn vị này là trung tâm y tế khu vực, không được thay đổi Chỉ tiêu Chỉ thị 25;");
        List<String> expectedEn = List.of(
                "Error: no Hamlet health worker with the id or code \"" + id + "\" was found",
                "Error: this assessment is recognised and therefore locked",
                "Error: cannot undo: the record changed after that save",
                "Error: the assessment is at \"submitted for appraisal\" and cannot move to \"submitted for appraisal\"; from"
                        + " there it can move to: being drafted, appraised, recognised.",
                "Error: this site is a district health centre and may not change Assessment, field Recognition decision number;",
                "Error: this site is a regional health centre and may not change Directive 25 target;");
        for (int i = 0; i < refusals.size(); i++) {
            RuntimeException e = refusals.get(i);
            assertTrue(vn.ytcs.app.i18n.Failures.isRefusal(e), e.toString());
            String v = vn.ytcs.app.i18n.Failures.describe(e, vi);
            String n = vn.ytcs.app.i18n.Failures.describe(e, en);
            assertTrue(v.startsWith(expectedVi.get(i)) && v.endsWith("Không có gì bị thay đổi."), v);
            assertTrue(n.startsWith(expectedEn.get(i)) && n.endsWith("Nothing was changed."), n);
            assertEquals(1, v.lines().count());
        }
    }

    private static void refused(CliRunner.Result r, String expected) {
        assertEquals(Cli.REFUSED, r.code(), r.out() + r.err());
        assertEquals("", r.out(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(expected), "expected «" + expected + "» but got «" + r.err().strip() + "»");
    }
}
