// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.catalog.AppliesTo;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Criterion;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.PassRule;
import vn.ytcs.core.catalog.Provenance;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.StaffNorm;
import vn.ytcs.core.catalog.Text;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.scoring.IndicatorScore.Status;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitType;

/** Each rule kind at its boundaries, on one-indicator catalogs. */
class RuleEdgesTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Catalog catalog(Rule rule, String max, boolean veto, AppliesTo applies) {
        Indicator ind = new Indicator(1, "X.01", "X", new Text("Chỉ tiêu", null), d(max), new Provenance(true, "test", null),
                veto, applies, null, rule, null);
        return new Catalog("EDGE", 1, new Text("Biên", null), "test", LocalDate.of(2020, 1, 1), null,
                new PassRule(d("80"), d("50"), true, PassRule.NotApplicable.EXCLUDE),
                List.of(new Criterion("X", new Text("X", null), d(max))), List.of(ind));
    }

    static CommuneFacts facts(Answer answer) {
        return facts(answer, UnitType.XA, 2, SocioRegion.DONG_BANG_SONG_HONG, 8000);
    }

    static CommuneFacts facts(Answer answer, UnitType type, Integer vung, SocioRegion region, Integer population) {
        return new CommuneFacts("T", "Thử", type, vung, region, population,
                answer == null ? Map.of() : Map.of("X.01", answer), Set.of());
    }

    static IndicatorScore only(Scorecard card) {
        return card.indicators().get(0);
    }

    static final Rule.Threshold AT_LEAST = new Rule.Threshold(Rule.Direction.AT_LEAST, "percent",
            List.of(new Tier(d("95"), d("2")), new Tier(d("90"), d("1"))), null, Map.of());
    static final Rule.Threshold AT_MOST = new Rule.Threshold(Rule.Direction.AT_MOST, "percent",
            List.of(new Tier(d("16.5"), d("2")), new Tier(d("20"), d("1"))), null, Map.of());

    @ParameterizedTest
    @CsvSource({"95, 2, MET", "94.99, 1, PARTLY_MET", "90, 1, PARTLY_MET", "89.99, 0, NOT_MET", "100, 2, MET", "0, 0, NOT_MET"})
    void atLeastTiersAreMetExactlyAtTheirThreshold(String value, String points, Status status) {
        IndicatorScore s = only(Scorer.score(catalog(AT_LEAST, "2", false, AppliesTo.ALL), facts(new Answer.Amount(d(value)))));
        assertEquals(0, d(points).compareTo(s.points()), value);
        assertEquals(status, s.status());
    }

    @ParameterizedTest
    @CsvSource({"16.5, 2", "16.51, 1", "20, 1", "20.01, 0", "0, 2"})
    void atMostTiersAreMetExactlyAtTheirThreshold(String value, String points) {
        IndicatorScore s = only(Scorer.score(catalog(AT_MOST, "2", false, AppliesTo.ALL), facts(new Answer.Amount(d(value)))));
        assertEquals(0, d(points).compareTo(s.points()), value);
    }

    @Test
    void aShareOfTheRegisterIsComparedExactlyNotRoundedFirst() {
        Catalog atLeast = catalog(AT_LEAST, "2", false, AppliesTo.ALL);
        assertEquals(Status.PARTLY_MET, only(Scorer.score(atLeast, facts(new Answer.Share(18_999, 20_000)))).status(), "94.995 %");
        assertEquals(Status.MET, only(Scorer.score(atLeast, facts(new Answer.Share(19_000, 20_000)))).status());
        Catalog atMost = catalog(AT_MOST, "2", false, AppliesTo.ALL);
        // 16.5001 %: rounded down to two decimals it used to meet "at most 16.5 %".
        assertEquals(Status.PARTLY_MET, only(Scorer.score(atMost, facts(new Answer.Share(165_001, 1_000_000)))).status());
        assertEquals(Status.MET, only(Scorer.score(atMost, facts(new Answer.Share(165, 1_000)))).status());
    }

    @Test
    void yesNoAndItsVetoAtZero() {
        Catalog c = catalog(new Rule.YesNo(), "3", true, AppliesTo.ALL);
        assertTrue(Scorer.score(c, facts(new Answer.Flag(true))).passed());
        Scorecard no = Scorer.score(c, facts(new Answer.Flag(false)));
        assertFalse(no.passed());
        assertTrue(no.failures().contains(new Failure.VetoAtZero("X.01")));
        Scorecard missing = Scorer.score(c, facts(null));
        assertEquals(Status.MISSING_DATA, only(missing).status());
        assertTrue(missing.failures().contains(new Failure.VetoAtZero("X.01")), "missing data on a veto scores zero");
    }

    @Test
    void thresholdsByVungUseTheCommunesVung() {
        Rule.Threshold byVung = new Rule.Threshold(Rule.Direction.AT_LEAST, "count", List.of(), Rule.VariantKey.VUNG,
                Map.of("1", List.of(new Tier(d("90"), d("2"))), "2", List.of(new Tier(d("80"), d("2"))),
                        "3", List.of(new Tier(d("60"), d("2")))));
        Catalog c = catalog(byVung, "2", false, AppliesTo.ALL);
        Answer eighty = new Answer.Amount(d("80"));
        assertEquals(Status.NOT_MET, only(Scorer.score(c, facts(eighty, UnitType.XA, 1, null, 1))).status());
        assertEquals(Status.MET, only(Scorer.score(c, facts(eighty, UnitType.XA, 2, null, 1))).status());
        assertEquals(Status.MET, only(Scorer.score(c, facts(eighty, UnitType.XA, 3, null, 1))).status());
        IndicatorScore noVung = only(Scorer.score(c, facts(eighty, UnitType.XA, null, null, 1)));
        assertEquals(IndicatorScore.Missing.NO_VUNG, noVung.missing());
    }

    @Test
    void checklistSumsItsItemsUpToTheCap() {
        Rule.Checklist list = new Rule.Checklist(List.of(new Rule.Item("a", new Text("a", null), d("1")),
                new Rule.Item("b", new Text("b", null), d("1")), new Rule.Item("c", new Text("c", null), d("2"))), d("3"));
        Catalog c = catalog(list, "3", false, AppliesTo.ALL);
        assertEquals(0, d("0").compareTo(only(Scorer.score(c, facts(new Answer.Items(Set.of())))).points()));
        IndicatorScore ab = only(Scorer.score(c, facts(new Answer.Items(Set.of("a", "b")))));
        assertEquals(0, d("2").compareTo(ab.points()));
        assertEquals(List.of("c"), ab.missingItems());
        assertEquals(0, d("3").compareTo(only(Scorer.score(c, facts(new Answer.Items(Set.of("a", "b", "c"))))).points()));
    }

    @Test
    void normScoresTheCountAsAShareOfTheNorm() {
        Rule.Norm norm = new Rule.Norm(StaffNorm.CIRCULAR_03_2023, List.of(new Tier(d("100"), d("2")), new Tier(d("80"), d("1"))));
        Catalog c = catalog(norm, "2", false, AppliesTo.ALL);
        // vùng 2, 8,000 people: norm 8 (see StaffNormTest)
        assertEquals(Status.MET, only(Scorer.score(c, facts(Answer.Amount.of(8)))).status());
        assertEquals(Status.PARTLY_MET, only(Scorer.score(c, facts(Answer.Amount.of(7)))).status(), "87.5 %");
        assertEquals(Status.NOT_MET, only(Scorer.score(c, facts(Answer.Amount.of(6)))).status(), "75 %");
        IndicatorScore noPopulation = only(Scorer.score(c, facts(Answer.Amount.of(8), UnitType.XA, 2, null, null)));
        assertEquals(IndicatorScore.Missing.NO_POPULATION, noPopulation.missing());
    }

    @Test
    void aCriterionAtExactlyHalfMeetsItsMinimum() {
        Catalog c = catalog(AT_LEAST, "2", false, AppliesTo.ALL);
        Scorecard half = Scorer.score(c, facts(new Answer.Amount(d("90"))));
        assertTrue(half.criteria().get(0).meetsMinimum());
        assertFalse(half.passed(), "1 of 2 is 50 %, below the 80 % total");
    }

    @Test
    void notApplicableIsRemovedFromTheMaximum() {
        Catalog c = catalog(new Rule.YesNo(), "2", true, new AppliesTo(Set.of(UnitType.XA), Set.of()));
        Scorecard ward = Scorer.score(c, facts(null, UnitType.PHUONG, 1, null, 1));
        assertEquals(Status.NOT_APPLICABLE, only(ward).status());
        assertEquals(0, ward.max().signum());
        assertTrue(ward.passed(), "nothing applicable, nothing failed; a non-applicable veto does not count");
    }

    /**
     * Counted as zero, a non-applicable indicator lowers the score, but the commune cannot raise it:
     * it is neither a gap nor in the plan, and a non-applicable veto indicator does not fail the commune.
     */
    @Test
    void notApplicableCountedAsZeroIsNeitherAVetoNorAnImprovement() {
        Indicator veto = new Indicator(1, "X.01", "X", new Text("Chỉ tiêu điểm liệt", null), d("2"),
                new Provenance(true, "test", null), true, new AppliesTo(Set.of(UnitType.XA), Set.of()), null,
                new Rule.YesNo(), null);
        Indicator other = new Indicator(2, "X.02", "X", new Text("Chỉ tiêu khác", null), d("8"),
                new Provenance(true, "test", null), false, AppliesTo.ALL, null, new Rule.YesNo(), null);
        Catalog c = new Catalog("EDGE", 1, new Text("Biên", null), "test", LocalDate.of(2020, 1, 1), null,
                new PassRule(d("80"), d("50"), true, PassRule.NotApplicable.ZERO),
                List.of(new Criterion("X", new Text("X", null), d("10"))), List.of(veto, other));
        Scorecard ward = Scorer.score(c, new CommuneFacts("T", "Thử", UnitType.PHUONG, 1, null, 1,
                Map.of("X.02", new Answer.Flag(false)), Set.of()));

        assertEquals(Status.NOT_APPLICABLE, ward.indicators().get(0).status());
        assertEquals(0, d("10").compareTo(ward.max()), "counted as zero: its maximum is kept");
        assertFalse(ward.failures().contains(new Failure.VetoAtZero("X.01")), ward.failures().toString());
        assertEquals(List.of("X.02"), ward.gaps().stream().map(g -> g.indicator().code()).toList());
        assertEquals(List.of("X.02"), ward.plan().orElseThrow().stream().map(g -> g.indicator().code()).toList(),
                "8 of 10 passes once X.02 is met");

        Scorecard declared = Scorer.score(c, new CommuneFacts("T", "Thử", UnitType.XA, 1, null, 1,
                Map.of("X.02", new Answer.Flag(false)), Set.of("X.01", "X.02")));
        assertTrue(declared.failures().stream().noneMatch(f -> f instanceof Failure.VetoAtZero));
        assertTrue(declared.gaps().isEmpty());
        assertTrue(declared.plan().isEmpty(), "nothing the commune can do makes 0 of 10 pass");
    }
}
