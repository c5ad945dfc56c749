// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.json.DocumentException.Problem;
import vn.ytcs.core.unit.SocioRegion;

class CatalogReaderTest {

    @TempDir
    Path dir;

    @Test
    void shippedQd1300HasTheConfirmedStructure() {
        Catalog c = Catalogs.shipped().byId("QD1300-2023").orElseThrow();
        assertEquals(10, c.criteria().size());
        assertEquals(47, c.indicators().size());
        int[] max = {14, 10, 12, 9, 19, 12, 6, 11, 3, 4};
        for (int i = 0; i < 10; i++) {
            assertEquals("TC" + (i + 1), c.criteria().get(i).code());
            assertEquals(0, BigDecimal.valueOf(max[i]).compareTo(c.criteria().get(i).maxPoints()));
        }
        assertEquals(0, new BigDecimal("80").compareTo(c.passRule().minTotalPercent()));
        assertEquals(0, new BigDecimal("50").compareTo(c.passRule().minCriterionPercent()));
        Indicator stunting = c.indicators().get(34);
        assertEquals(35, stunting.number());
        assertEquals("TC7", stunting.criterion());
        assertTrue(stunting.provenance().confirmed());
        Rule.Threshold rule = (Rule.Threshold) stunting.rule();
        assertEquals(Rule.Direction.AT_MOST, rule.direction());
        assertEquals(0, new BigDecimal("16.5").compareTo(rule.variants().get(SocioRegion.DONG_BANG_SONG_HONG.name()).get(0).threshold()));
        // The four regions 1300 does not show: draft thresholds (standard.md), marked so, for the province to confirm.
        assertEquals(0, new BigDecimal("19").compareTo(rule.variants().get(SocioRegion.DONG_BANG_SONG_CUU_LONG.name()).get(0).threshold()));
        assertEquals(0, new BigDecimal("22").compareTo(rule.variants().get(SocioRegion.DUYEN_HAI_NAM_TRUNG_BO.name()).get(0).threshold()));
        assertEquals(0, new BigDecimal("26.5").compareTo(rule.variants().get(SocioRegion.TAY_NGUYEN.name()).get(0).threshold()));
        assertEquals(0, new BigDecimal("14.5").compareTo(rule.variants().get(SocioRegion.DONG_NAM_BO.name()).get(0).threshold()));
        for (SocioRegion r : SocioRegion.values()) {
            boolean unread = java.util.Set.of(SocioRegion.DUYEN_HAI_NAM_TRUNG_BO, SocioRegion.TAY_NGUYEN, SocioRegion.DONG_NAM_BO,
                    SocioRegion.DONG_BANG_SONG_CUU_LONG).contains(r);
            assertEquals(unread, rule.draftVariant(r.name()), r.name());
        }
        assertEquals(46, c.drafts().size(), "every other indicator is a draft");
        assertTrue(c.indicators().stream().anyMatch(i -> i.derived() == DerivedValue.PERMANENT_DOCTOR && i.veto()));
    }

    @Test
    void qd4667SaysItHoldsFewerIndicatorsThanTheDecision() {
        Catalog c = Catalogs.shipped().byId("QD4667-2014").orElseThrow();
        assertEquals(37, c.indicators().size());
        assertTrue(c.notes().vi().contains("46 chỉ tiêu") && c.notes().vi().contains("37"), c.notes().vi());
        assertTrue(c.notes().en().contains("46 indicators"), c.notes().en());
    }

    @Test
    void theProvenanceOfAVariantTheRuleDoesNotHaveIsRefused() throws Exception {
        String draft = "\"variantProvenance\": {\"ATLANTIS\": {\"status\": \"draft\", \"note\": \"x\"}},";
        DocumentException e = refused(testCatalog().replace("\"direction\": \"atMost\", \"variantsBy\": \"region\",",
                "\"direction\": \"atMost\", " + draft + " \"variantsBy\": \"region\","));
        assertEquals(Problem.UNKNOWN_REFERENCE, e.problem());
        assertEquals("$.indicators[4].rule.variantProvenance.ATLANTIS", e.path());
        String known = "\"variantProvenance\": {\"DONG_BANG_SONG_CUU_LONG\": {\"status\": \"draft\", \"note\": \"x\"}},";
        Path file = dir.resolve("ok.json");
        Files.writeString(file, testCatalog().replace("\"direction\": \"atMost\", \"variantsBy\": \"region\",",
                "\"direction\": \"atMost\", " + known + " \"variantsBy\": \"region\","));
        Rule.Threshold read = (Rule.Threshold) CatalogReader.read(file).indicator("TC2.05").orElseThrow().rule();
        assertTrue(read.draftVariant("DONG_BANG_SONG_CUU_LONG"));
        assertFalse(read.draftVariant("TRUNG_DU_MIEN_NUI_PHIA_BAC"));
    }

    @Test
    void catalogsFollowOneAnotherInTime() {
        Catalogs all = Catalogs.shipped();
        assertEquals("QD4667-2014", all.forPeriod(2022).orElseThrow().id());
        assertEquals("QD1300-2023", all.forPeriod(2023).orElseThrow().id());
        assertEquals("QD1300-2023", all.inForce(LocalDate.of(2023, 3, 9)).orElseThrow().id());
        assertEquals("QD4667-2014", all.inForce(LocalDate.of(2023, 3, 8)).orElseThrow().id());
        assertTrue(all.forPeriod(2010).isEmpty());
    }

    private String testCatalog() throws Exception {
        return Files.readString(Path.of(CatalogReaderTest.class.getResource("/scoring/test-catalog.json").toURI()));
    }

    private DocumentException refused(String json) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        return assertThrows(DocumentException.class, () -> CatalogReader.read(file));
    }

    @Test
    void aMissingFieldIsNamedByItsPath() throws Exception {
        DocumentException e = refused(testCatalog().replace("\"maxPoints\": 3,\n     \"provenance\": {\"status\": \"confirmed\", \"source\": \"test\"}, \"veto\": false, \"input\": \"entered\",\n     \"rule\": {\"kind\": \"threshold\"",
                "\"provenance\": {\"status\": \"confirmed\", \"source\": \"test\"}, \"veto\": false, \"input\": \"entered\",\n     \"rule\": {\"kind\": \"threshold\""));
        assertEquals(Problem.SCHEMA, e.problem());
        assertEquals("$.indicators[1]", e.path());
        assertTrue(e.detail().contains("maxPoints"), e.detail());
        assertEquals(DocumentException.SchemaRule.REQUIRED, e.rule());
        assertEquals("maxPoints", e.expected());
    }

    @Test
    void aWrongTypeAndAnUnknownRuleKindAreRefused() throws Exception {
        DocumentException type = refused(testCatalog().replace("\"revision\": 1", "\"revision\": \"one\""));
        assertEquals("$.revision", type.path());
        assertEquals(DocumentException.SchemaRule.TYPE, type.rule());
        assertEquals("integer", type.expected());
        assertEquals("string", type.found());
        DocumentException kind = refused(testCatalog().replace("\"kind\": \"yesNo\"}, \"unmetReason\"", "\"kind\": \"maybe\"}, \"unmetReason\""));
        assertTrue(kind.path().startsWith("$.indicators[0].rule"), kind.path());
    }

    @Test
    void criterionSumsMustMatch() throws Exception {
        DocumentException e = refused(testCatalog().replace("\"name\": {\"vi\": \"Tiêu chí hai\", \"en\": \"Criterion two\"}, \"maxPoints\": 10",
                "\"name\": {\"vi\": \"Tiêu chí hai\", \"en\": \"Criterion two\"}, \"maxPoints\": 11"));
        assertEquals(Problem.CRITERION_SUM, e.problem());
        assertEquals("$.criteria[1].maxPoints", e.path());
        assertTrue(e.detail().contains("TC2"));
    }

    @Test
    void duplicateCodesAndUnknownCriteriaAreRefused() throws Exception {
        assertEquals(Problem.DUPLICATE, refused(testCatalog().replace("\"code\": \"TC1.02\"", "\"code\": \"TC1.01\"")).problem());
        DocumentException unknown = refused(testCatalog().replace("\"code\": \"TC2.07\", \"criterion\": \"TC2\"",
                "\"code\": \"TC2.07\", \"criterion\": \"TC9\""));
        assertEquals(Problem.UNKNOWN_REFERENCE, unknown.problem());
        assertEquals("$.indicators[6].criterion", unknown.path());
    }

    @Test
    void tierPointsAboveTheMaximumAreRefused() throws Exception {
        DocumentException e = refused(testCatalog().replace("{\"threshold\": 95, \"points\": 3}", "{\"threshold\": 95, \"points\": 5}"));
        assertEquals(Problem.OUT_OF_RANGE, e.problem());
        assertEquals("$.indicators[1].rule.tiers[0].points", e.path());
    }

    @Test
    void aThresholdWithBothTiersAndVariantsIsRefusedRatherThanItsTiersIgnored() throws Exception {
        DocumentException e = refused(testCatalog().replace("\"direction\": \"atLeast\", \"variantsBy\": \"vung\",",
                "\"direction\": \"atLeast\", \"tiers\": [{\"threshold\": 50, \"points\": 2}], \"variantsBy\": \"vung\","));
        assertEquals(Problem.EXCLUSIVE_FIELDS, e.problem());
        assertEquals("$.indicators[6].rule", e.path());
        assertEquals("tiers / variants", e.detail());
        assertTrue(e.source().endsWith("bad.json"), e.source());
    }

    @Test
    void brokenFilesAreRefusedWholeAndNamed() throws Exception {
        assertEquals(Problem.EMPTY, refused("").problem());
        DocumentException cut = refused(testCatalog().substring(0, 200));
        assertEquals(Problem.NOT_JSON, cut.problem());
        assertTrue(cut.line() > 1 && cut.column() > 0, cut.line() + ":" + cut.column());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, testCatalog().getBytes(StandardCharsets.ISO_8859_1));
        DocumentException e = assertThrows(DocumentException.class, () -> CatalogReader.read(latin1));
        assertEquals(Problem.NOT_UTF8, e.problem());
        assertEquals(latin1.toString(), e.source());
        assertEquals(Problem.UNREADABLE, assertThrows(DocumentException.class, () -> CatalogReader.read(dir)).problem());
        DocumentException twice = refused(testCatalog().replace("\"revision\": 1,", "\"revision\": 1, \"revision\": 2,"));
        assertEquals(Problem.DUPLICATE_KEY, twice.problem(), "a duplicate key is not silently overwritten");
        assertEquals("$.revision", twice.path());
        DocumentException nan = refused(testCatalog().replace("{\"threshold\": 95, \"points\": 3}", "{\"threshold\": NaN, \"points\": 3}"));
        assertEquals(Problem.NOT_A_NUMBER, nan.problem());
        assertEquals("$.indicators[1].rule.tiers[0].threshold", nan.path());
    }
}
