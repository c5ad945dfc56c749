// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.json.DocumentException.Problem;

/**
 * A catalog written by the editor reads back as the same catalog, and the rules a schema cannot
 * state are listed all at once, with the path and the indicator of each.
 */
class CatalogWriterTest {

    @Test
    void everyShippedCatalogReadsBackAsItselfOnceWritten() {
        for (Catalog c : Catalogs.shipped().all()) {
            byte[] written = CatalogWriter.write(c);
            Catalog back = CatalogReader.read(written, "written " + c.id());
            assertEquals(c, back, c.id());
            // Written twice, the same bytes: a saved revision does not drift.
            assertEquals(new String(written, java.nio.charset.StandardCharsets.UTF_8),
                    new String(CatalogWriter.write(back), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theShippedCatalogsBreakNoRule() {
        for (Catalog c : Catalogs.shipped().all()) {
            assertEquals(List.of(), CatalogRules.violations(c), c.id());
        }
    }

    @Test
    void everyBrokenRuleIsListedWithItsPathAndIndicator() {
        Catalog c = Catalogs.shipped().byId("QD1300-2023").orElseThrow();
        List<Indicator> indicators = new ArrayList<>(c.indicators());
        int insurance = index(c, "TC6.28");
        Indicator ins = indicators.get(insurance);
        Rule.Threshold t = (Rule.Threshold) ins.rule();
        // Tiers upside down: 85 % before 95 %, a tier that would never be reached.
        indicators.set(insurance, with(ins, ins.maxPoints(), new Rule.Threshold(t.direction(), t.unit(),
                List.of(tier(85, 1), tier(95, 3)), null, Map.of())));
        int poverty = index(c, "TC7.35");
        Indicator pov = indicators.get(poverty);
        Rule.Threshold p = (Rule.Threshold) pov.rule();
        Map<String, List<Tier>> variants = new LinkedHashMap<>(p.variants());
        variants.remove("TAY_NGUYEN");
        Map<String, Provenance> provenance = new LinkedHashMap<>(p.variantProvenance());
        provenance.remove("TAY_NGUYEN");
        indicators.set(poverty, with(pov, pov.maxPoints(), new Rule.Threshold(p.direction(), p.unit(), p.tiers(),
                p.variantsBy(), variants, provenance)));
        // One point more on an indicator of TC1: the criterion no longer adds up.
        Indicator first = indicators.get(0);
        indicators.set(0, with(first, first.maxPoints().add(BigDecimal.ONE), first.rule()));
        Catalog broken = new Catalog(c.id(), c.revision(), c.title(), c.legalSource(), c.effectiveFrom(), c.effectiveTo(),
                c.passRule(), c.criteria(), indicators, c.notes());

        List<CatalogRules.Violation> v = CatalogRules.violations(broken);
        assertEquals(List.of(
                        "$.indicators[" + insurance + "].rule.tiers[1] TC6.28 TIERS_ORDER ≥ 85 (1), ≥ 95 (3)",
                        "$.indicators[" + poverty + "].rule.variants TC7.35 VARIANT_MISSING TAY_NGUYEN",
                        "$.criteria[0].maxPoints TC1 CRITERION_SUM TC1: " + c.criteria().get(0).maxPoints().stripTrailingZeros()
                                .toPlainString() + " ≠ " + c.criteria().get(0).maxPoints().add(BigDecimal.ONE)
                                .stripTrailingZeros().toPlainString()),
                v.stream().map(x -> x.path() + " " + x.subject() + " " + x.kind() + " " + x.detail()).toList());
        assertTrue(v.stream().allMatch(x -> x.kind() != Problem.SCHEMA));
    }

    private static int index(Catalog c, String code) {
        for (int i = 0; i < c.indicators().size(); i++) {
            if (c.indicators().get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }

    private static Tier tier(int threshold, int points) {
        return new Tier(BigDecimal.valueOf(threshold), BigDecimal.valueOf(points));
    }

    private static Indicator with(Indicator i, BigDecimal max, Rule rule) {
        return new Indicator(i.number(), i.code(), i.criterion(), i.name(), max, i.provenance(), i.veto(), i.appliesTo(),
                i.derived(), rule, i.unmetReason());
    }
}
