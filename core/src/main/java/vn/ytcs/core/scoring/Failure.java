// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;

/** A condition of the pass rule that the commune does not meet. */
public sealed interface Failure {

    /** The total, points of the applicable maximum, is below the minimum percentage. */
    record TotalBelow(BigDecimal points, BigDecimal max, BigDecimal minimum) implements Failure {
    }

    /** A criterion, points of its applicable maximum, is below its minimum percentage. */
    record CriterionBelow(String criterion, BigDecimal points, BigDecimal max, BigDecimal minimum) implements Failure {
    }

    /** A veto indicator (điểm liệt) scores zero. */
    record VetoAtZero(String indicator) implements Failure {
    }
}
