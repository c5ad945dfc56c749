// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.math.BigDecimal;

/** A criterion (tiêu chí): a group of indicators with its own maximum and minimum. */
public record Criterion(String code, Text name, BigDecimal maxPoints) {
}
