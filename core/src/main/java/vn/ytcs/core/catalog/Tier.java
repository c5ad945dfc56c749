// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.math.BigDecimal;

/** A step of a threshold rule: reaching {@code threshold} awards {@code points}. */
public record Tier(BigDecimal threshold, BigDecimal points) {
}
