// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;

/**
 * A commune against a catalog: every indicator, every criterion, the total, pass or fail with
 * every failing condition, the gaps, and the smallest set of improvements that would make it pass.
 * Points and maxima are exact; how a percentage of them is shown is the screen's to decide.
 *
 * @param gaps       applicable indicators below their maximum, most recoverable points first
 * @param plan       the fewest indicators that, raised to their maximum, make the commune pass
 *                   (among those, the one that gains most); empty when it already passes; absent
 *                   when no improvement can make it pass (e.g. thresholds not yet known)
 * @param draftsUsed draft indicators that counted in this score: the score is provisional
 */
public record Scorecard(Catalog catalog, CommuneFacts facts, List<IndicatorScore> indicators,
                        List<CriterionScore> criteria, BigDecimal points, BigDecimal max, boolean passed,
                        List<Failure> failures, List<IndicatorScore> gaps, Optional<List<IndicatorScore>> plan,
                        List<Indicator> draftsUsed) {

    public boolean provisional() {
        return !draftsUsed.isEmpty();
    }

    public List<IndicatorScore> missingData() {
        return indicators.stream().filter(s -> s.status() == IndicatorScore.Status.MISSING_DATA).toList();
    }
}
