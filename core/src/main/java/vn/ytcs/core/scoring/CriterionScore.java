// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import vn.ytcs.core.catalog.Criterion;

/** A criterion's points of its applicable maximum, and whether it reaches the catalog's minimum. */
public record CriterionScore(Criterion criterion, BigDecimal points, BigDecimal max, boolean meetsMinimum) {

    /** Percentage of the applicable maximum, rounded down to 0.1 so that a shown 80.0 % is never below 80 %. */
    public BigDecimal percent() {
        return Scorecard.percent(points, max);
    }
}
