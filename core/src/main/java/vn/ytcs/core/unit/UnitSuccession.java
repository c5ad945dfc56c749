// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.time.LocalDate;
import java.util.UUID;

/** One edge of a merge, split or rename: from the given day, {@code fromUnit} lives on in {@code toUnit}. */
public record UnitSuccession(UUID id, UUID fromUnit, UUID toUnit, LocalDate effective) {
}
