// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.progress;

import java.math.BigDecimal;
import java.util.List;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.unit.Unit;

/**
 * Where a unit (district or province) stands on a target.
 *
 * @param percent     numerator / denominator × 100, rounded down to 0.1; null when not measured or nothing to count
 * @param gap         percentage points still missing (zero when met); null when not measured
 * @param holdingBack communes that fall short of the target themselves, in tree order
 */
public record TargetProgress(Target target, Unit unit, long numerator, long denominator, BigDecimal percent,
                             boolean met, BigDecimal gap, List<Unit> holdingBack) {

    public boolean measured() {
        return percent != null;
    }
}
