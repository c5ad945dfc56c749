// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.progress;

import java.math.BigDecimal;
import java.util.List;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.unit.Unit;

/**
 * Where a unit (district or province) stands on a target: exact counts, rounded only where shown.
 *
 * @param denominator zero when not measured (the register cannot say, or there is nothing to count)
 * @param holdingBack communes that fall short of the target themselves, in tree order
 */
public record TargetProgress(Target target, Unit unit, long numerator, long denominator, boolean met,
                             List<Unit> holdingBack) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public boolean measured() {
        return denominator > 0;
    }

    /**
     * How many more of the denominator the target needs (e.g. people to insure), exactly; zero
     * when met. Over the denominator, it is the gap in percentage points.
     */
    public BigDecimal missing() {
        if (met || !measured()) {
            return BigDecimal.ZERO;
        }
        BigDecimal needed = target.value().multiply(BigDecimal.valueOf(denominator)).divide(HUNDRED);
        return needed.subtract(BigDecimal.valueOf(numerator)).max(BigDecimal.ZERO);
    }
}
