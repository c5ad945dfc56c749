// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.math.BigDecimal;

/**
 * When a commune meets the standard: total ≥ {@code minTotalPercent} of the maximum, every
 * criterion ≥ {@code minCriterionPercent} of its own, and (if {@code vetoAtZero}) no veto
 * indicator at zero.
 */
public record PassRule(BigDecimal minTotalPercent, BigDecimal minCriterionPercent, boolean vetoAtZero,
                       NotApplicable notApplicable) {

    /** How a non-applicable indicator counts. */
    public enum NotApplicable {
        /** Removed from the maximum; percentages are of the applicable maximum. */
        EXCLUDE,
        /** Counted as full points. */
        FULL,
        /** Counted as zero points, its maximum kept. */
        ZERO
    }
}
