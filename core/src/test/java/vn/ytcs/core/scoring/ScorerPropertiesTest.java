// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.StaffNorm;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitType;

/** Properties of the scorer over random communes of the test catalog. */
class ScorerPropertiesTest {

    static Catalog catalog;

    @BeforeContainer
    static void read() throws Exception {
        catalog = CatalogReader.read(WorkedExamplesTest.resource("test-catalog.json"));
    }

    @Provide
    Arbitrary<CommuneFacts> communes() {
        Arbitrary<UnitType> type = Arbitraries.of(UnitType.XA, UnitType.PHUONG, UnitType.THI_TRAN);
        Arbitrary<Integer> vung = Arbitraries.of(1, 2, 3);
        Arbitrary<SocioRegion> region = Arbitraries.of(SocioRegion.TRUNG_DU_MIEN_NUI_PHIA_BAC, SocioRegion.DONG_BANG_SONG_CUU_LONG);
        Arbitrary<Integer> population = Arbitraries.integers().between(1000, 25000);
        Arbitrary<Map<String, Answer>> values = Combinators.combine(
                Arbitraries.of(true, false).injectNull(0.1), percent(), items(), Arbitraries.integers().between(0, 15).injectNull(0.1),
                percent(), Arbitraries.of(true, false).injectNull(0.1), percent())
                .as((a, b, c, d, e, f, g) -> {
                    Map<String, Answer> m = new HashMap<>();
                    if (a != null) m.put("TC1.01", new Answer.Flag(a));
                    if (b != null) m.put("TC1.02", new Answer.Amount(b));
                    if (c != null) m.put("TC1.03", new Answer.Items(c));
                    if (d != null) m.put("TC2.04", Answer.Amount.of(d));
                    if (e != null) m.put("TC2.05", new Answer.Amount(e));
                    if (f != null) m.put("TC2.06", new Answer.Flag(f));
                    if (g != null) m.put("TC2.07", new Answer.Amount(g));
                    return m;
                });
        return Combinators.combine(type, vung, region, population, values)
                .as((t, v, r, p, m) -> new CommuneFacts("P", "Thử", t, v, r, p, m, Set.of()));
    }

    private static Arbitrary<BigDecimal> percent() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(1).injectNull(0.1);
    }

    private static Arbitrary<Set<String>> items() {
        return Arbitraries.of("a", "b", "c").set().injectNull(0.1);
    }

    @Property(tries = 500)
    void pointsStayWithinTheirMaximaAndTotalsAreSums(@ForAll("communes") CommuneFacts facts) {
        Scorecard card = Scorer.score(catalog, facts);
        BigDecimal total = BigDecimal.ZERO;
        for (CriterionScore c : card.criteria()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (IndicatorScore s : card.indicators()) {
                assertTrue(s.points().signum() >= 0 && s.points().compareTo(s.max()) <= 0, s.toString());
                assertTrue(s.max().compareTo(s.indicator().maxPoints()) <= 0);
                if (s.indicator().criterion().equals(c.criterion().code())) {
                    sum = sum.add(s.points());
                }
            }
            assertEquals(0, sum.compareTo(c.points()));
            total = total.add(c.points());
        }
        assertEquals(0, total.compareTo(card.points()));
    }

    @Property(tries = 500)
    void passImpliesEveryConditionAndFailureNamesOne(@ForAll("communes") CommuneFacts facts) {
        Scorecard card = Scorer.score(catalog, facts);
        boolean total = card.points().multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(80).multiply(card.max())) >= 0;
        boolean criteria = card.criteria().stream().allMatch(c ->
                c.points().multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(50).multiply(c.max())) >= 0);
        boolean veto = card.indicators().stream().noneMatch(s -> s.indicator().veto() && s.applies() && s.points().signum() == 0);
        assertEquals(total && criteria && veto, card.passed());
        assertEquals(card.passed(), card.failures().isEmpty());
    }

    @Property(tries = 300)
    void improvingAnIndicatorNeverLowersTheScore(@ForAll("communes") CommuneFacts facts, @ForAll("indicatorCodes") String code) {
        Scorecard before = Scorer.score(catalog, facts);
        Indicator indicator = catalog.indicator(code).orElseThrow();
        Answer better = improve(indicator, facts.values().get(code));
        Scorecard after = Scorer.score(catalog, facts.with(code, better));
        assertTrue(after.points().compareTo(before.points()) >= 0, code + ": " + before.points() + " → " + after.points());
        assertTrue(!before.passed() || after.passed());
    }

    @Property(tries = 300)
    void thePlanMakesTheCommunePassAndNoSmallerSetDoes(@ForAll("communes") CommuneFacts facts) {
        Scorecard card = Scorer.score(catalog, facts);
        if (card.plan().isEmpty()) {
            assertTrue(card.gaps().stream().anyMatch(g -> g.missing() == IndicatorScore.Missing.UNKNOWN_THRESHOLD),
                    "only a threshold nobody can improve blocks every plan");
            return;
        }
        List<IndicatorScore> plan = card.plan().get();
        assertTrue(raised(facts, codes(plan)).passed(), "applying the plan passes");
        List<String> gaps = codes(card.gaps());
        for (Set<String> subset : subsets(gaps)) {
            if (subset.size() < plan.size()) {
                assertTrue(!raised(facts, new ArrayList<>(subset)).passed(), "a smaller set passes: " + subset);
            }
        }
    }

    @Provide
    Arbitrary<String> indicatorCodes() {
        return Arbitraries.of("TC1.01", "TC1.02", "TC1.03", "TC2.04", "TC2.05", "TC2.06", "TC2.07");
    }

    private static List<String> codes(List<IndicatorScore> scores) {
        return scores.stream().map(s -> s.indicator().code()).toList();
    }

    private static Scorecard raised(CommuneFacts facts, List<String> codes) {
        CommuneFacts f = facts;
        for (String code : codes) {
            f = f.with(code, best(catalog.indicator(code).orElseThrow(), facts));
        }
        return Scorer.score(catalog, f);
    }

    /** An answer that gives the indicator its maximum for this commune. */
    static Answer best(Indicator indicator, CommuneFacts facts) {
        Rule rule = indicator.rule();
        if (rule instanceof Rule.YesNo) {
            return new Answer.Flag(true);
        }
        if (rule instanceof Rule.Checklist c) {
            Set<String> all = new HashSet<>();
            c.items().forEach(i -> all.add(i.code()));
            return new Answer.Items(all);
        }
        if (rule instanceof Rule.Norm) {
            return Answer.Amount.of(StaffNorm.circular03(facts.population(), facts.vung()));
        }
        Rule.Threshold t = (Rule.Threshold) rule;
        return new Answer.Amount(t.direction() == Rule.Direction.AT_LEAST ? BigDecimal.valueOf(100) : BigDecimal.ZERO);
    }

    private static Answer improve(Indicator indicator, Answer current) {
        Rule rule = indicator.rule();
        if (rule instanceof Rule.YesNo) {
            return new Answer.Flag(true);
        }
        if (rule instanceof Rule.Checklist) {
            Set<String> more = current instanceof Answer.Items i ? new HashSet<>(i.codes()) : new HashSet<>();
            more.add("c");
            return new Answer.Items(more);
        }
        BigDecimal v = current instanceof Answer.Amount a ? a.value() : BigDecimal.ZERO;
        boolean up = !(rule instanceof Rule.Threshold t) || t.direction() == Rule.Direction.AT_LEAST;
        return new Answer.Amount(up ? v.add(BigDecimal.ONE) : v.subtract(BigDecimal.ONE).max(BigDecimal.ZERO));
    }

    private static List<Set<String>> subsets(List<String> items) {
        List<Set<String>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << items.size()); mask++) {
            Set<String> s = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    s.add(items.get(i));
                }
            }
            out.add(s);
        }
        return out;
    }
}
