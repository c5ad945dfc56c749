// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.catalog.PassRule;
import vn.ytcs.core.scoring.IndicatorScore.Missing;
import vn.ytcs.core.scoring.IndicatorScore.Status;

/** The examples of src/test/resources/scoring/worked-examples.md, computed by hand there. */
class WorkedExamplesTest {

    static Catalog catalog;
    static Map<String, CommuneFacts> facts;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(WorkedExamplesTest.class.getResource("/scoring/" + name).toURI());
    }

    @BeforeAll
    static void read() throws Exception {
        catalog = CatalogReader.read(resource("test-catalog.json"));
        facts = FactsReader.read(resource("worked-examples.json"), catalog).stream()
                .collect(Collectors.toMap(CommuneFacts::code, Function.identity()));
    }

    static BigDecimal points(Scorecard card, String indicator) {
        return card.indicators().stream().filter(s -> s.indicator().code().equals(indicator)).findFirst().orElseThrow().points();
    }

    static IndicatorScore of(Scorecard card, String indicator) {
        return card.indicators().stream().filter(s -> s.indicator().code().equals(indicator)).findFirst().orElseThrow();
    }

    static void assertPoints(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void aPassesAtExactlyEightyPercent() {
        Scorecard a = Scorer.score(catalog, facts.get("A"));
        assertPoints("1", points(a, "TC1.02"));
        assertPoints("3", points(a, "TC1.03"));
        assertEquals(8, of(a, "TC2.04").norm());
        assertPoints("2", points(a, "TC2.04"));
        assertPoints("16", a.points());
        assertPoints("20", a.max());
        assertTrue(a.passed());
        assertEquals(List.of(), a.failures());
        assertEquals(List.of("TC1.02", "TC2.04"), a.gaps().stream().map(g -> g.indicator().code()).toList());
        assertEquals(List.of(), a.plan().orElseThrow());
        assertTrue(a.provisional(), "TC1.03 is a draft");
        assertEquals(List.of("TC1.03"), a.draftsUsed().stream().map(i -> i.code()).toList());
    }

    @Test
    void bMeetsBothCriteriaAtFiftyPercentButFailsTheTotal() {
        Scorecard b = Scorer.score(catalog, facts.get("B"));
        assertEquals(Status.NOT_APPLICABLE, of(b, "TC2.06").status());
        assertPoints("5", b.criteria().get(0).points());
        assertTrue(b.criteria().get(0).meetsMinimum());
        assertPoints("4", b.criteria().get(1).points());
        assertPoints("8", b.criteria().get(1).max());
        assertTrue(b.criteria().get(1).meetsMinimum());
        assertPoints("9", b.points());
        assertPoints("18", b.max());
        assertFalse(b.passed());
        assertEquals(List.of(new Failure.TotalBelow(new BigDecimal("9"), new BigDecimal("18"), new BigDecimal("80"))), b.failures());
        List<IndicatorScore> plan = b.plan().orElseThrow();
        assertEquals(3, plan.size());
        assertEquals("TC1.02", plan.get(0).indicator().code());
        assertPoints("7", plan.stream().map(IndicatorScore::recoverable).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void bWithNotApplicableCountedAsFullOrAsZero() {
        Scorecard full = Scorer.score(withNotApplicable(PassRule.NotApplicable.FULL), facts.get("B"));
        assertPoints("6", full.criteria().get(1).points());
        assertPoints("10", full.criteria().get(1).max());
        assertPoints("11", full.points());
        assertPoints("20", full.max());
        Scorecard zero = Scorer.score(withNotApplicable(PassRule.NotApplicable.ZERO), facts.get("B"));
        assertPoints("4", zero.criteria().get(1).points());
        assertPoints("10", zero.criteria().get(1).max());
        assertFalse(zero.criteria().get(1).meetsMinimum());
        assertTrue(zero.failures().contains(new Failure.CriterionBelow("TC2", new BigDecimal("4"), new BigDecimal("10"), new BigDecimal("50"))));
    }

    @Test
    void cFailsOnTheVetoAndThePlanStartsWithIt() {
        Scorecard c = Scorer.score(catalog, facts.get("C"));
        assertEquals(10, of(c, "TC2.04").norm());
        assertPoints("14", c.points());
        assertFalse(c.passed());
        assertTrue(c.failures().contains(new Failure.VetoAtZero("TC1.01")));
        assertEquals(List.of("TC1.01"), c.plan().orElseThrow().stream().map(s -> s.indicator().code()).toList());
    }

    @Test
    void dHasMissingDataWhereTheProvinceHasNotSetTheThreshold() {
        Scorecard d = Scorer.score(catalog, facts.get("D"));
        IndicatorScore stunting = of(d, "TC2.05");
        assertEquals(Status.MISSING_DATA, stunting.status());
        assertEquals(Missing.UNKNOWN_THRESHOLD, stunting.missing());
        assertEquals("DONG_BANG_SONG_CUU_LONG", stunting.variant());
        assertPoints("18", d.points());
        assertTrue(d.passed());
        assertEquals(1, d.missingData().size());
    }

    static Catalog withNotApplicable(PassRule.NotApplicable na) {
        PassRule r = catalog.passRule();
        return new Catalog(catalog.id(), catalog.revision(), catalog.title(), catalog.legalSource(), catalog.effectiveFrom(),
                catalog.effectiveTo(), new PassRule(r.minTotalPercent(), r.minCriterionPercent(), r.vetoAtZero(), na),
                catalog.criteria(), catalog.indicators());
    }
}
