// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import vn.ytcs.core.catalog.Criterion;

/** A criterion's points of its applicable maximum, and whether it reaches the catalog's minimum. */
public record CriterionScore(Criterion criterion, BigDecimal points, BigDecimal max, boolean meetsMinimum) {
}
