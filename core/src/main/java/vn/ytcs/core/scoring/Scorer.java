// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Criterion;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.PassRule;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.StaffNorm;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.scoring.IndicatorScore.Missing;
import vn.ytcs.core.scoring.IndicatorScore.Status;

/** Scores a commune against a catalog. A pure function: it reads neither the database nor files. */
public final class Scorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scorer() {
    }

    public static Scorecard score(Catalog catalog, CommuneFacts facts) {
        PassRule rule = catalog.passRule();
        List<IndicatorScore> scores = new ArrayList<>(catalog.indicators().size());
        List<Indicator> drafts = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            IndicatorScore s = indicator(indicator, facts, rule.notApplicable());
            scores.add(s);
            if (s.draft() && s.applies()) {
                drafts.add(indicator);
            }
        }

        List<CriterionScore> criteria = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Criterion c : catalog.criteria()) {
            BigDecimal cp = BigDecimal.ZERO;
            BigDecimal cm = BigDecimal.ZERO;
            for (IndicatorScore s : scores) {
                if (s.indicator().criterion().equals(c.code())) {
                    cp = cp.add(s.points());
                    cm = cm.add(s.max());
                }
            }
            boolean meets = reaches(cp, cm, rule.minCriterionPercent());
            CriterionScore cs = new CriterionScore(c, cp, cm, meets);
            criteria.add(cs);
            if (!meets) {
                failures.add(new Failure.CriterionBelow(c.code(), cp, cm, rule.minCriterionPercent()));
            }
            points = points.add(cp);
            max = max.add(cm);
        }
        if (!reaches(points, max, rule.minTotalPercent())) {
            failures.add(0, new Failure.TotalBelow(points, max, rule.minTotalPercent()));
        }
        if (rule.vetoAtZero()) {
            for (IndicatorScore s : scores) {
                // Not applicable is not "scored zero", even where the catalog counts it as zero points.
                if (s.indicator().veto() && s.applies() && s.points().signum() == 0) {
                    failures.add(new Failure.VetoAtZero(s.indicator().code()));
                }
            }
        }

        // A non-applicable indicator counted as zero lowers the score, but nothing the commune does raises it.
        List<IndicatorScore> gaps = scores.stream()
                .filter(s -> s.applies() && s.recoverable().signum() > 0)
                .sorted(Comparator.comparing(IndicatorScore::recoverable).reversed()
                        .thenComparingInt(s -> s.indicator().number()))
                .toList();
        Optional<List<IndicatorScore>> plan = failures.isEmpty() ? Optional.of(List.of())
                : Planner.smallestPassingSet(rule, criteria, points, max, gaps);
        return new Scorecard(catalog, facts, List.copyOf(scores), List.copyOf(criteria), points, max,
                failures.isEmpty(), List.copyOf(failures), gaps, plan, List.copyOf(drafts));
    }

    /** points ≥ percent % of max, exactly. A maximum of zero (all not applicable) is reached. */
    static boolean reaches(BigDecimal points, BigDecimal max, BigDecimal percent) {
        return points.multiply(HUNDRED).compareTo(percent.multiply(max)) >= 0;
    }

    private static IndicatorScore indicator(Indicator ind, CommuneFacts f, PassRule.NotApplicable na) {
        BigDecimal max = ind.maxPoints();
        if (!ind.appliesTo().covers(f.type(), f.vung()) || f.notApplicable().contains(ind.code())) {
            return switch (na) {
                case EXCLUDE -> score(ind, null, BigDecimal.ZERO, BigDecimal.ZERO, Status.NOT_APPLICABLE);
                case FULL -> score(ind, null, max, max, Status.NOT_APPLICABLE);
                case ZERO -> score(ind, null, BigDecimal.ZERO, max, Status.NOT_APPLICABLE);
            };
        }
        Answer value = f.values().get(ind.code());
        Rule rule = ind.rule();
        if (rule instanceof Rule.Threshold t && t.variantsBy() != null) {
            // Thresholds that depend on the commune are checked before the value: a missing
            // threshold is the province's to fill in, whatever the commune entered.
            String key = t.variantsBy() == Rule.VariantKey.VUNG
                    ? (f.vung() == null ? null : f.vung().toString())
                    : (f.region() == null ? null : f.region().name());
            if (key == null) {
                return missing(ind, value, t.variantsBy() == Rule.VariantKey.VUNG ? Missing.NO_VUNG : Missing.NO_REGION, null);
            }
            List<Tier> tiers = t.variants().get(key);
            if (tiers == null) {
                return missing(ind, value, Missing.UNKNOWN_THRESHOLD, key);
            }
            if (value == null) {
                return missing(ind, null, Missing.NO_VALUE, key);
            }
            return tiered(ind, value, measure(ind, value), t.direction(), tiers, null, key);
        }
        if (value == null) {
            return missing(ind, null, Missing.NO_VALUE, null);
        }
        if (rule instanceof Rule.YesNo) {
            if (!(value instanceof Answer.Flag flag)) {
                throw wrong(ind, value);
            }
            return score(ind, value, flag.yes() ? max : BigDecimal.ZERO, max, null);
        }
        if (rule instanceof Rule.Threshold t) {
            return tiered(ind, value, measure(ind, value), t.direction(), t.tiers(), null, null);
        }
        if (rule instanceof Rule.Checklist c) {
            if (!(value instanceof Answer.Items items)) {
                throw wrong(ind, value);
            }
            BigDecimal sum = BigDecimal.ZERO;
            List<String> absent = new ArrayList<>();
            for (Rule.Item item : c.items()) {
                if (items.codes().contains(item.code())) {
                    sum = sum.add(item.points());
                } else {
                    absent.add(item.code());
                }
            }
            BigDecimal points = sum.min(c.cap());
            return new IndicatorScore(ind, value, points, max, status(points, max), null, null, null, null,
                    points.compareTo(max) >= 0 ? List.of() : List.copyOf(absent));
        }
        Rule.Norm n = (Rule.Norm) rule;
        if (f.population() == null) {
            return missing(ind, value, Missing.NO_POPULATION, null);
        }
        if (f.vung() == null) {
            return missing(ind, value, Missing.NO_VUNG, null);
        }
        int norm = StaffNorm.circular03(f.population(), f.vung());
        if (!(value instanceof Answer.Amount count)) {
            throw wrong(ind, value);
        }
        Ratio share = new Ratio(count.value().multiply(HUNDRED), BigDecimal.valueOf(norm));
        return tiered(ind, value, share, Rule.Direction.AT_LEAST, n.tiers(), norm, null);
    }

    private static IndicatorScore tiered(Indicator ind, Answer value, Ratio x, Rule.Direction direction,
                                         List<Tier> tiers, Integer norm, String variant) {
        BigDecimal points = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            boolean met = direction == Rule.Direction.AT_LEAST ? x.compareTo(tier.threshold()) >= 0
                    : x.compareTo(tier.threshold()) <= 0;
            if (met) {
                points = tier.points();
                break;
            }
        }
        BigDecimal target = tiers.stream().max(Comparator.comparing(Tier::points)).map(Tier::threshold).orElse(null);
        BigDecimal max = ind.maxPoints();
        return new IndicatorScore(ind, value, points.min(max), max, status(points, max), null, target, norm, variant, List.of());
    }

    /** A value as a ratio, compared with thresholds exactly: a share of the register is never rounded first. */
    private static Ratio measure(Indicator ind, Answer value) {
        if (value instanceof Answer.Amount a) {
            return new Ratio(a.value(), BigDecimal.ONE);
        }
        if (value instanceof Answer.Share s) {
            return new Ratio(BigDecimal.valueOf(s.part()).multiply(HUNDRED), BigDecimal.valueOf(s.whole()));
        }
        throw wrong(ind, value);
    }

    /** num / den with den > 0, compared with a threshold without dividing. */
    private record Ratio(BigDecimal num, BigDecimal den) {

        int compareTo(BigDecimal threshold) {
            return num.compareTo(threshold.multiply(den));
        }
    }

    private static IndicatorScore score(Indicator ind, Answer value, BigDecimal points, BigDecimal max, Status status) {
        return new IndicatorScore(ind, value, points, max, status != null ? status : status(points, max), null, null,
                null, null, List.of());
    }

    private static IndicatorScore missing(Indicator ind, Answer value, Missing why, String variant) {
        return new IndicatorScore(ind, value, BigDecimal.ZERO, ind.maxPoints(), Status.MISSING_DATA, why, null, null,
                variant, List.of());
    }

    private static Status status(BigDecimal points, BigDecimal max) {
        if (points.compareTo(max) >= 0) {
            return Status.MET;
        }
        return points.signum() > 0 ? Status.PARTLY_MET : Status.NOT_MET;
    }

    private static IllegalArgumentException wrong(Indicator ind, Answer value) {
        return new IllegalArgumentException(ind.code() + ": " + value.getClass().getSimpleName()
                + " does not fit rule " + ind.rule().getClass().getSimpleName());
    }

    /** Finds the fewest improvements that make a commune pass. */
    static final class Planner {

        private Planner() {
        }

        /**
         * Exact: within a criterion, for a given number of picks, taking the mandatory ones (veto
         * indicators at zero) and then the largest gains maximises both that criterion and the
         * total; so a small dynamic programme over criteria and pick counts finds the minimum.
         */
        static Optional<List<IndicatorScore>> smallestPassingSet(PassRule rule, List<CriterionScore> criteria,
                                                                 BigDecimal points, BigDecimal max,
                                                                 List<IndicatorScore> gaps) {
            int n = gaps.size();
            int cs = criteria.size();
            // Per criterion: its improvable gaps, mandatory ones first, then by gain (gaps are sorted already),
            // the cumulative gain of the first j, and which j meet the criterion's minimum.
            List<List<IndicatorScore>> ordered = new ArrayList<>(cs);
            List<BigDecimal[]> cumulative = new ArrayList<>(cs);
            List<boolean[]> feasible = new ArrayList<>(cs);
            java.util.Map<String, List<IndicatorScore>> byCriterion = new java.util.HashMap<>();
            for (IndicatorScore g : gaps) {
                byCriterion.computeIfAbsent(g.indicator().criterion(), x -> new ArrayList<>()).add(g);
            }
            for (CriterionScore c : criteria) {
                List<IndicatorScore> mine = byCriterion.getOrDefault(c.criterion().code(), List.of());
                List<IndicatorScore> own = new ArrayList<>(mine.size());
                for (IndicatorScore g : mine) {
                    if (mandatory(rule, g)) {
                        if (!improvable(g)) {
                            return Optional.empty();
                        }
                        own.add(g);
                    }
                }
                int mandatoryCount = own.size();
                for (IndicatorScore g : mine) {
                    if (!mandatory(rule, g) && improvable(g)) {
                        own.add(g);
                    }
                }
                BigDecimal[] gain = new BigDecimal[own.size() + 1];
                boolean[] ok = new boolean[own.size() + 1];
                gain[0] = BigDecimal.ZERO;
                boolean any = false;
                for (int j = 0; j <= own.size(); j++) {
                    if (j > 0) {
                        gain[j] = gain[j - 1].add(own.get(j - 1).recoverable());
                    }
                    ok[j] = j >= mandatoryCount && reaches(c.points().add(gain[j]), c.max(), rule.minCriterionPercent());
                    any |= ok[j];
                }
                if (!any) {
                    return Optional.empty();
                }
                ordered.add(own);
                cumulative.add(gain);
                feasible.add(ok);
            }
            // best[k]: the largest total gain with k picks over the criteria so far; pick[c][k]: picks in criterion c.
            BigDecimal[] best = new BigDecimal[n + 1];
            best[0] = BigDecimal.ZERO;
            int[][] pick = new int[cs][n + 1];
            int reach = 0;
            for (int c = 0; c < cs; c++) {
                BigDecimal[] next = new BigDecimal[n + 1];
                BigDecimal[] gain = cumulative.get(c);
                boolean[] ok = feasible.get(c);
                for (int k = 0; k <= reach; k++) {
                    if (best[k] == null) {
                        continue;
                    }
                    for (int j = 0; j < gain.length && k + j <= n; j++) {
                        if (!ok[j]) {
                            continue;
                        }
                        BigDecimal total = best[k].add(gain[j]);
                        if (next[k + j] == null || total.compareTo(next[k + j]) > 0) {
                            next[k + j] = total;
                            pick[c][k + j] = j;
                        }
                    }
                }
                best = next;
                reach += gain.length - 1;
            }
            for (int k = 0; k <= reach; k++) {
                if (best[k] != null && reaches(points.add(best[k]), max, rule.minTotalPercent())) {
                    List<IndicatorScore> plan = new ArrayList<>(k);
                    int left = k;
                    for (int c = cs - 1; c >= 0; c--) {
                        int j = pick[c][left];
                        plan.addAll(ordered.get(c).subList(0, j));
                        left -= j;
                    }
                    plan.sort(Comparator.comparing(IndicatorScore::recoverable).reversed()
                            .thenComparingInt(s -> s.indicator().number()));
                    return Optional.of(List.copyOf(plan));
                }
            }
            return Optional.empty();
        }

        /** Data the province has not set (a missing threshold) cannot be improved by the commune. */
        private static boolean improvable(IndicatorScore g) {
            return g.missing() != Missing.UNKNOWN_THRESHOLD;
        }

        private static boolean mandatory(PassRule rule, IndicatorScore g) {
            return rule.vetoAtZero() && g.indicator().veto() && g.points().signum() == 0;
        }
    }
}
