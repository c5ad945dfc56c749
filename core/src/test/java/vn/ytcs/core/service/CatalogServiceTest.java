// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ytcs.core.catalog.CatalogRevision;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.scoring.Answer;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.unit.UnitTree;

/**
 * Catalog revisions on a real H2 file with the demo loaded: a revised threshold rescores the
 * communes as a hand count says, a district cannot make one, broken files are refused with the
 * JSON path named and nothing changed, the diff lists exactly what was changed.
 */
class CatalogServiceTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** TC6.28, health-insurance coverage, from the register: every demo commune has a value. */
    private static final String INSURANCE = "TC6.28";
    private static final int INSURANCE_INDEX = 27;

    @TempDir
    static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void demo() {
        try (Store store = Store.open(template.resolve("data"))) {
            DemoLoader.load(store, "test");
        }
    }

    @BeforeEach
    void copyOfTheDemo() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(template.resolve("data").resolve("ytcs.mv.db"), dir.resolve("data").resolve("ytcs.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private record Site(Store store, RegisterService register, ScoringService scoring, CatalogService catalogs)
            implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    private Site open(SiteRole role) {
        CatalogService.InForce inForce = new CatalogService.InForce();
        Store store = Store.open(dir.resolve("data"), inForce);
        inForce.bind(store);
        if (role != null) {
            // The role is read from the database each time it is asked for: no reopening needed.
            store.sites().configureLocal(role == SiteRole.PROVINCE ? "Sở Y tế" : "TTYT", role, null, null);
            assertEquals(role, store.localSite().role(), "the site's role");
        }
        RegisterService register = new RegisterService(store, "lan", inForce);
        return new Site(store, register, new ScoringService(store, inForce, register),
                new CatalogService(store, "lan", inForce));
    }

    static ObjectNode shipped() throws Exception {
        try (InputStream in = CatalogServiceTest.class.getResourceAsStream("/vn/ytcs/core/catalog/QD1300-2023.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private Path write(String name, JsonNode doc) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        return file;
    }

    /** The shipped catalog with TC6.28 scored 3 from 80 % and 1 from 70 % (instead of 3/2/1 from 95/90/85 %). */
    static ObjectNode revisedInsurance() throws Exception {
        ObjectNode doc = shipped();
        ObjectNode rule = (ObjectNode) doc.get("indicators").get(INSURANCE_INDEX).get("rule");
        assertEquals(INSURANCE, doc.get("indicators").get(INSURANCE_INDEX).get("code").asText());
        ArrayNode tiers = rule.putArray("tiers");
        tiers.addObject().put("threshold", 80).put("points", 3);
        tiers.addObject().put("threshold", 70).put("points", 1);
        return doc;
    }

    /** Whether the share (insured of the population) reaches the percentage: exact, in whole numbers. */
    private static boolean reaches(Answer.Share v, int percent) {
        return v.part() * 100 >= (long) percent * v.whole();
    }

    private static BigDecimal shippedPoints(Answer.Share v) {
        return BigDecimal.valueOf(reaches(v, 95) ? 3 : reaches(v, 90) ? 2 : reaches(v, 85) ? 1 : 0);
    }

    private static BigDecimal revisedPoints(Answer.Share v) {
        return BigDecimal.valueOf(reaches(v, 80) ? 3 : reaches(v, 70) ? 1 : 0);
    }

    private static IndicatorScore insurance(CommuneScoring.Result r) {
        return r.scorecard().indicators().stream().filter(s -> s.indicator().code().equals(INSURANCE)).findFirst().orElseThrow();
    }

    private static Map<String, CommuneScoring.Result> scores(Site s, int period) {
        UnitTree tree = s.register().tree(DAY);
        ScoringService.Scored scored = s.scoring().scored(tree, tree.communes(), period, DAY);
        Map<String, CommuneScoring.Result> out = new LinkedHashMap<>();
        scored.results().forEach(r -> out.put(r.commune().code(), r));
        return out;
    }

    @Test
    void aRevisedThresholdRescoresTheDemoAsAHandCountSays() throws Exception {
        try (Site s = open(SiteRole.PROVINCE)) {
            Map<String, CommuneScoring.Result> before = scores(s, 2025);
            assertEquals(0, s.scoring().catalogFor(2025).orElseThrow().revision(), "the shipped catalog is revision 0");
            assertFalse(before.isEmpty());

            CatalogRevision r = s.catalogs().importRevision(write("revised.json", revisedInsurance()),
                    "Sở Y tế: ngưỡng BHYT theo hướng dẫn 2025");
            assertEquals(1, r.revision());
            assertEquals(0, r.basedOn());
            assertEquals("lan", r.madeBy());
            assertEquals(1, s.scoring().catalogFor(2025).orElseThrow().revision(), "the newest revision is in force");

            Map<String, CommuneScoring.Result> after = scores(s, 2025);
            assertEquals(before.keySet(), after.keySet());
            int changed = 0;
            for (String code : before.keySet()) {
                IndicatorScore old = insurance(before.get(code));
                IndicatorScore now = insurance(after.get(code));
                Answer.Share v = (Answer.Share) old.value();
                assertEquals(0, shippedPoints(v).compareTo(old.points()), code + " shipped, coverage " + v);
                assertEquals(0, revisedPoints(v).compareTo(now.points()), code + " revised, coverage " + v);
                BigDecimal delta = now.points().subtract(old.points());
                assertEquals(0, before.get(code).scorecard().points().add(delta).compareTo(after.get(code).scorecard().points()),
                        code + ": the total moves by the indicator's change alone");
                assertEquals(1, after.get(code).scorecard().catalog().revision());
                changed += delta.signum() != 0 ? 1 : 0;
            }
            assertTrue(changed > 0, "the revision changes some commune's score");
        }
        // A second revision is made from the first; both are listed after the shipped one.
        try (Site s = open(SiteRole.PROVINCE)) {
            ObjectNode again = revisedInsurance();
            ((ObjectNode) again.get("indicators").get(0).get("name")).put("en", "Renamed");
            CatalogRevision r2 = s.catalogs().importRevision(write("again.json", again), "tên tiếng Anh");
            assertEquals(2, r2.revision());
            assertEquals(1, r2.basedOn());
            assertEquals(List.of(0, 1, 2), s.catalogs().list().get("QD1300-2023").stream().map(CatalogRevision::revision).toList());
        }
    }

    @Test
    void aDistrictCannotMakeARevisionAndNothingChanges() throws Exception {
        try (Site s = open(SiteRole.DISTRICT)) {
            long mark = s.store().catalogChangeMark();
            RegisterService.NotPermitted e = assertThrows(RegisterService.NotPermitted.class,
                    () -> s.catalogs().importRevision(write("revised.json", revisedInsurance()), "thử"));
            assertEquals(SiteRole.DISTRICT, e.role());
            assertTrue(s.store().catalogRevisions().isEmpty());
            assertEquals(mark, s.store().catalogChangeMark());
            assertEquals(0, s.scoring().catalogFor(2025).orElseThrow().revision());
        }
    }

    @Test
    void aRevisionNeedsAReasonAndItsDocumentMustBeAValidCatalogOfItsId() throws Exception {
        try (Site s = open(SiteRole.PROVINCE)) {
            StoreException noReason = assertThrows(StoreException.class,
                    () -> s.catalogs().importRevision(write("revised.json", revisedInsurance()), "  "));
            assertEquals("reason", noReason.problems().get(0).field());
            // The kind's own rule, as a package's record would meet it: the document's id, a broken document.
            Map<String, Object> values = new HashMap<>(Map.of("catalog_id", "QD4667-2014", "revision", 1,
                    "document", JSON.writeValueAsString(shipped()), "made_by", "x", "made_at", "2025-01-01T00:00Z",
                    "reason", "r", "based_on", 0));
            StoreException wrongId = assertThrows(StoreException.class, () -> s.store().write("x", w -> {
                w.saveValues(RecordKinds.CATALOG, UUID.randomUUID(), values);
                return null;
            }));
            assertEquals("catalog_id", wrongId.problems().get(0).field());
            assertEquals(FieldProblem.Problem.DOES_NOT_MATCH, wrongId.problems().get(0).problem());
            values.put("catalog_id", "QD1300-2023");
            values.put("document", "{\"id\": \"QD1300-2023\"}");
            StoreException broken = assertThrows(StoreException.class, () -> s.store().write("x", w -> {
                w.saveValues(RecordKinds.CATALOG, UUID.randomUUID(), values);
                return null;
            }));
            assertEquals("document", broken.problems().get(0).field());
            assertEquals(FieldProblem.Problem.CATALOG_INVALID, broken.problems().get(0).problem());
            assertTrue(s.store().catalogRevisions().isEmpty());
        }
    }

    /** The shipped catalog as the editor holds it, with TC6.28 scored as {@link #revisedInsurance()} scores it. */
    private static vn.ytcs.core.catalog.Catalog editedInsurance(vn.ytcs.core.catalog.Catalog c) {
        List<vn.ytcs.core.catalog.Indicator> indicators = new java.util.ArrayList<>(c.indicators());
        vn.ytcs.core.catalog.Indicator i = indicators.get(INSURANCE_INDEX);
        vn.ytcs.core.catalog.Rule.Threshold t = (vn.ytcs.core.catalog.Rule.Threshold) i.rule();
        indicators.set(INSURANCE_INDEX, new vn.ytcs.core.catalog.Indicator(i.number(), i.code(), i.criterion(), i.name(),
                i.maxPoints(), i.provenance(), i.veto(), i.appliesTo(), i.derived(),
                new vn.ytcs.core.catalog.Rule.Threshold(t.direction(), t.unit(), List.of(
                        new vn.ytcs.core.catalog.Tier(BigDecimal.valueOf(80), BigDecimal.valueOf(3)),
                        new vn.ytcs.core.catalog.Tier(BigDecimal.valueOf(70), BigDecimal.ONE)), null, Map.of()),
                i.unmetReason()));
        return new vn.ytcs.core.catalog.Catalog(c.id(), c.revision(), c.title(), c.legalSource(), c.effectiveFrom(),
                c.effectiveTo(), c.passRule(), c.criteria(), indicators, c.notes());
    }

    @Test
    void anEditedRevisionIsPreviewedThenSavedThroughTheChecksOfAFile() throws Exception {
        try (Site s = open(SiteRole.PROVINCE)) {
            UnitTree tree = s.register().tree(DAY);
            vn.ytcs.core.catalog.Catalog now = s.scoring().catalogFor(2025).orElseThrow();
            vn.ytcs.core.catalog.Catalog edited = editedInsurance(now);
            Map<String, CommuneScoring.Result> before = scores(s, 2025);

            List<ScoringService.Compared> preview = s.scoring().compare(tree, tree.communes(), 2025, DAY, edited);
            assertEquals(before.size(), preview.size());
            long handCount = before.values().stream().filter(r -> {
                Answer.Share v = (Answer.Share) insurance(r).value();
                return shippedPoints(v).compareTo(revisedPoints(v)) != 0;
            }).count();
            assertTrue(handCount > 0, "the edit changes some commune");
            assertEquals(handCount, preview.stream().filter(ScoringService.Compared::changed).count(),
                    "the preview marks exactly the communes whose TC6.28 points change");
            assertTrue(s.store().catalogRevisions().isEmpty(), "a preview saves nothing");

            // A criterion that no longer adds up is refused by the same rule a file meets, nothing saved.
            List<vn.ytcs.core.catalog.Criterion> criteria = new java.util.ArrayList<>(edited.criteria());
            vn.ytcs.core.catalog.Criterion c0 = criteria.get(0);
            criteria.set(0, new vn.ytcs.core.catalog.Criterion(c0.code(), c0.name(), c0.maxPoints().add(BigDecimal.ONE)));
            vn.ytcs.core.catalog.Catalog broken = new vn.ytcs.core.catalog.Catalog(edited.id(), edited.revision(),
                    edited.title(), edited.legalSource(), edited.effectiveFrom(), edited.effectiveTo(), edited.passRule(),
                    criteria, edited.indicators(), edited.notes());
            DocumentException e = assertThrows(DocumentException.class, () -> s.catalogs().saveRevision(broken, "sửa"));
            assertEquals("$.criteria[0].maxPoints", e.path());
            assertTrue(s.store().catalogRevisions().isEmpty());

            CatalogRevision saved = s.catalogs().saveRevision(edited, "Sở Y tế: ngưỡng BHYT");
            assertEquals(1, saved.revision());
            assertEquals("Sở Y tế: ngưỡng BHYT", saved.reason());
            Map<String, CommuneScoring.Result> after = scores(s, 2025);
            for (ScoringService.Compared c : preview) {
                assertEquals(0, c.edited().points().compareTo(after.get(c.commune().code()).scorecard().points()),
                        c.commune().code() + ": saved, it scores as the preview said");
            }
            // What the editor saved and what a file of the same catalog imports are the same catalog.
            CatalogRevision imported = s.catalogs().importRevision(write("revised.json", revisedInsurance()), "tệp");
            assertEquals(List.of(), s.catalogs().diff("QD1300-2023", 1, imported.revision()).lines());
        }
        try (Site s = open(SiteRole.DISTRICT)) {
            vn.ytcs.core.catalog.Catalog c = s.scoring().catalogFor(2025).orElseThrow();
            assertThrows(RegisterService.NotPermitted.class, () -> s.catalogs().saveRevision(c, "huyện sửa"));
        }
    }

    /** Twenty-two ways a catalog file is broken, each with the JSON path the refusal must name. */
    static Stream<Arguments> broken() {
        return Stream.of(
                bad("missing id", d -> d.remove("id"), "$"),
                bad("revision as text", d -> d.put("revision", "one"), "$.revision"),
                bad("missing pass rule", d -> d.remove("passRule"), "$"),
                bad("pass percent as text", d -> obj(d, "passRule").put("minTotalPercent", "tám mươi"), "$.passRule.minTotalPercent"),
                bad("missing title", d -> d.remove("title"), "$"),
                bad("effective date not a date", d -> d.put("effectiveFrom", "09/03/2023"), "$.effectiveFrom"),
                bad("unknown rule kind", d -> ind(d, 3).with("rule").put("kind", "magic"), "$.indicators[3].rule.kind"),
                bad("criterion points not adding up", d -> crit(d, 0).put("maxPoints", 15), "$.criteria[0].maxPoints"),
                bad("unknown criterion", d -> ind(d, 2).put("criterion", "TC99"), "$.indicators[2].criterion"),
                bad("duplicate indicator code", d -> ind(d, 1).put("code", "TC1.01"), "$.indicators[1].code"),
                bad("duplicate indicator number", d -> ind(d, 1).put("number", 1), "$.indicators[1].number"),
                bad("duplicate criterion code", d -> crit(d, 1).put("code", "TC1"), "$.criteria[1].code"),
                bad("tier points above the maximum", d -> tier(d, INSURANCE_INDEX, 0).put("points", 9),
                        "$.indicators[27].rule.tiers[0].points"),
                bad("threshold as text", d -> tier(d, INSURANCE_INDEX, 0).put("threshold", "cao"),
                        "$.indicators[27].rule.tiers[0].threshold"),
                bad("missing indicator name", d -> ind(d, 4).remove("name"), "$.indicators[4]"),
                bad("maximum points negative", d -> ind(d, 4).put("maxPoints", -1), "$.indicators[4].maxPoints"),
                bad("checklist cap above the maximum", d -> ind(d, 0).with("rule").put("cap", 99), "$.indicators[0].rule.cap"),
                bad("unknown norm formula", d -> ind(d, 7).with("rule").put("formula", "TT99/2099"), "$.indicators[7].rule.formula"),
                bad("derived value with a rule that cannot score it", d -> ind(d, 5).set("rule",
                        JSON.createObjectNode().put("kind", "threshold").put("unit", "percent").put("direction", "atLeast")
                                .set("tiers", JSON.createArrayNode().add(JSON.createObjectNode().put("threshold", 1)
                                        .put("points", 1)))), "$.indicators[5].rule.kind"),
                bad("variant for a region that does not exist", d -> ind(d, 34).with("rule").with("variants")
                        .set("ATLANTIS", JSON.createArrayNode()), "$.indicators[34].rule.variants"),
                bad("tiers out of order", d -> {
                    ArrayNode tiers = (ArrayNode) ind(d, INSURANCE_INDEX).get("rule").get("tiers");
                    tiers.insert(0, tiers.remove(2));
                }, "$.indicators[27].rule.tiers[1]"),
                bad("a region neither given thresholds nor left open", d -> ((ObjectNode) ind(d, 34).get("rule")
                        .get("variants")).remove("TAY_NGUYEN"), "$.indicators[34].rule.variants"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> edit, String path) {
        return Arguments.of(name, edit, path);
    }

    private static ObjectNode obj(ObjectNode d, String field) {
        return (ObjectNode) d.get(field);
    }

    private static ObjectNode ind(ObjectNode d, int i) {
        return (ObjectNode) d.get("indicators").get(i);
    }

    private static ObjectNode crit(ObjectNode d, int i) {
        return (ObjectNode) d.get("criteria").get(i);
    }

    private static ObjectNode tier(ObjectNode d, int i, int t) {
        return (ObjectNode) ind(d, i).get("rule").get("tiers").get(t);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenCatalogFileIsRefusedWithItsPathNamedAndNothingChanges(String name, Consumer<ObjectNode> edit, String path)
            throws Exception {
        ObjectNode doc = shipped();
        edit.accept(doc);
        Path file = write("broken.json", doc);
        try (Site s = open(SiteRole.PROVINCE)) {
            long mark = s.store().catalogChangeMark();
            DocumentException e = assertThrows(DocumentException.class, () -> s.catalogs().importRevision(file, "sửa"));
            assertEquals(path, e.path(), name + ": " + e.getMessage());
            assertEquals(file.toString(), e.source(), name);
            assertTrue(s.store().catalogRevisions().isEmpty(), name);
            assertEquals(mark, s.store().catalogChangeMark(), name);
            assertEquals(0, s.scoring().catalogFor(2025).orElseThrow().revision(), name);
        }
    }

    @Test
    void theDiffListsExactlyTheChangesMade() throws Exception {
        ObjectNode doc = revisedInsurance();
        ((ObjectNode) ind(doc, 2).get("name")).put("vi", "Tên mới");
        ind(doc, 9).put("veto", true);
        ind(doc, 10).set("provenance", JSON.createObjectNode().put("status", "confirmed")
                .put("source", "1300/QĐ-BYT, Phụ lục, tr. 12"));
        try (Site s = open(SiteRole.PROVINCE)) {
            s.catalogs().importRevision(write("revised.json", doc), "ba sửa đổi");
            CatalogService.Diff d = s.catalogs().diff("QD1300-2023", 0, 1);
            String code2 = ind(doc, 2).get("code").asText();
            String code9 = ind(doc, 9).get("code").asText();
            String code10 = ind(doc, 10).get("code").asText();
            assertEquals(List.of(code2 + " RENAMED", code9 + " VETO", code10 + " PROVENANCE", INSURANCE + " RULE"),
                    d.lines().stream().map(l -> l.indicator() + " " + l.change()).toList());
            assertEquals("false", d.lines().get(1).before());
            assertEquals("true", d.lines().get(1).after());
            assertEquals(List.of(), s.catalogs().diff("QD1300-2023", 1, 1).lines());
            // The other way round names the same changes.
            assertEquals(4, s.catalogs().diff("QD1300-2023", 1, 0).lines().size());
        }
    }

    @Test
    void anExportIsTheDocumentAsSavedOrAsShipped() throws Exception {
        Path file = write("revised.json", revisedInsurance());
        try (Site s = open(SiteRole.PROVINCE)) {
            s.catalogs().importRevision(file, "ngưỡng BHYT");
            Path out = dir.resolve("out").resolve("rev1.json");
            Files.createDirectories(out.getParent());
            s.catalogs().export("QD1300-2023", 1, out);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out));
            s.catalogs().export("QD1300-2023", 0, out);
            try (InputStream in = getClass().getResourceAsStream("/vn/ytcs/core/catalog/QD1300-2023.json")) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(out));
            }
            assertThrows(RegisterService.NotFound.class, () -> s.catalogs().export("QD1300-2023", 7, out));
            try (Stream<Path> left = Files.list(out.getParent())) {
                assertEquals(1, left.count(), "no temporary file left behind");
            }
        }
    }
}
