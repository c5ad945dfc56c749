// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;

/** A condition of the pass rule that the commune does not meet. */
public sealed interface Failure {

    /** The total is below the minimum percentage. */
    record TotalBelow(BigDecimal percent, BigDecimal minimum) implements Failure {
    }

    /** A criterion is below its minimum percentage. */
    record CriterionBelow(String criterion, BigDecimal percent, BigDecimal minimum) implements Failure {
    }

    /** A veto indicator (điểm liệt) scores zero. */
    record VetoAtZero(String indicator) implements Failure {
    }
}
