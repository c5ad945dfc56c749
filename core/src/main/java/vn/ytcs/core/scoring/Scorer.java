// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            if (indicator.isDraft() && s.status() != Status.NOT_APPLICABLE) {
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
                failures.add(new Failure.CriterionBelow(c.code(), cs.percent(), rule.minCriterionPercent()));
            }
            points = points.add(cp);
            max = max.add(cm);
        }
        if (!reaches(points, max, rule.minTotalPercent())) {
            failures.add(0, new Failure.TotalBelow(Scorecard.percent(points, max), rule.minTotalPercent()));
        }
        if (rule.vetoAtZero()) {
            for (IndicatorScore s : scores) {
                if (s.indicator().veto() && s.counts() && s.points().signum() == 0) {
                    failures.add(new Failure.VetoAtZero(s.indicator().code()));
                }
            }
        }

        List<IndicatorScore> gaps = scores.stream()
                .filter(s -> s.recoverable().signum() > 0)
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
            return tiered(ind, value, amount(ind, value), t.direction(), tiers, null, key);
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
            return tiered(ind, value, amount(ind, value), t.direction(), t.tiers(), null, null);
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
        BigDecimal share = amount(ind, value).multiply(HUNDRED).divide(BigDecimal.valueOf(norm), 4, RoundingMode.DOWN);
        return tiered(ind, value, share, Rule.Direction.AT_LEAST, n.tiers(), norm, null);
    }

    private static IndicatorScore tiered(Indicator ind, Answer value, BigDecimal x, Rule.Direction direction,
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

    private static BigDecimal amount(Indicator ind, Answer value) {
        if (!(value instanceof Answer.Amount a)) {
            throw wrong(ind, value);
        }
        return a.value();
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
            Map<String, List<IndicatorScore>> byCriterion = new HashMap<>();
            for (IndicatorScore g : gaps) {
                if (improvable(g)) {
                    byCriterion.computeIfAbsent(g.indicator().criterion(), k -> new ArrayList<>()).add(g);
                }
            }
            // Options per criterion: number of picks -> (gain, picks); only counts meeting its minimum.
            List<Map<Integer, List<IndicatorScore>>> options = new ArrayList<>(cs);
            for (CriterionScore c : criteria) {
                List<IndicatorScore> own = byCriterion.getOrDefault(c.criterion().code(), List.of());
                List<IndicatorScore> ordered = new ArrayList<>();
                own.stream().filter(g -> mandatory(rule, g)).forEach(ordered::add);
                int mandatoryCount = ordered.size();
                own.stream().filter(g -> !mandatory(rule, g)).forEach(ordered::add);
                if (vetoBlocked(rule, gaps, c)) {
                    return Optional.empty();
                }
                Map<Integer, List<IndicatorScore>> choice = new HashMap<>();
                BigDecimal gain = BigDecimal.ZERO;
                for (int j = 0; j <= ordered.size(); j++) {
                    if (j > 0) {
                        gain = gain.add(ordered.get(j - 1).recoverable());
                    }
                    if (j >= mandatoryCount && reaches(c.points().add(gain), c.max(), rule.minCriterionPercent())) {
                        choice.put(j, ordered.subList(0, j));
                    }
                }
                if (choice.isEmpty()) {
                    return Optional.empty();
                }
                options.add(choice);
            }
            // best[k] = the largest total gain with k picks, and the picks that give it.
            BigDecimal[] best = new BigDecimal[n + 1];
            List<List<IndicatorScore>> picks = new ArrayList<>();
            for (int k = 0; k <= n; k++) {
                picks.add(null);
            }
            best[0] = BigDecimal.ZERO;
            picks.set(0, List.of());
            for (Map<Integer, List<IndicatorScore>> choice : options) {
                BigDecimal[] next = new BigDecimal[n + 1];
                List<List<IndicatorScore>> nextPicks = new ArrayList<>();
                for (int k = 0; k <= n; k++) {
                    nextPicks.add(null);
                }
                for (int k = 0; k <= n; k++) {
                    if (best[k] == null) {
                        continue;
                    }
                    for (var e : choice.entrySet()) {
                        int total = k + e.getKey();
                        BigDecimal gain = best[k].add(sum(e.getValue()));
                        if (total <= n && (next[total] == null || gain.compareTo(next[total]) > 0)) {
                            next[total] = gain;
                            List<IndicatorScore> joined = new ArrayList<>(picks.get(k));
                            joined.addAll(e.getValue());
                            nextPicks.set(total, joined);
                        }
                    }
                }
                best = next;
                picks = nextPicks;
            }
            for (int k = 0; k <= n; k++) {
                if (best[k] != null && reaches(points.add(best[k]), max, rule.minTotalPercent())) {
                    List<IndicatorScore> plan = new ArrayList<>(picks.get(k));
                    plan.sort(Comparator.comparing(IndicatorScore::recoverable).reversed()
                            .thenComparingInt(s -> s.indicator().number()));
                    return Optional.of(List.copyOf(plan));
                }
            }
            return Optional.empty();
        }

        private static BigDecimal sum(List<IndicatorScore> list) {
            BigDecimal s = BigDecimal.ZERO;
            for (IndicatorScore g : list) {
                s = s.add(g.recoverable());
            }
            return s;
        }

        /** Data the province has not set (a missing threshold) cannot be improved by the commune. */
        private static boolean improvable(IndicatorScore g) {
            return g.missing() != Missing.UNKNOWN_THRESHOLD;
        }

        private static boolean mandatory(PassRule rule, IndicatorScore g) {
            return rule.vetoAtZero() && g.indicator().veto() && g.points().signum() == 0;
        }

        private static boolean vetoBlocked(PassRule rule, List<IndicatorScore> gaps, CriterionScore c) {
            return gaps.stream().anyMatch(g -> g.indicator().criterion().equals(c.criterion().code())
                    && mandatory(rule, g) && !improvable(g));
        }
    }
}
