// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.directive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.catalog.Text;

class TargetTest {

    private static Target target(Target.Comparison c, String value) {
        return new Target("T", new Text("t", null), Target.Measure.INSURANCE_COVERAGE, c, new BigDecimal(value), 2030);
    }

    @Test
    void greaterThanIsStrictAndExact() {
        Target gt95 = target(Target.Comparison.GT, "95");
        assertFalse(gt95.metBy(95, 100), "exactly 95 % is not more than 95 %");
        assertTrue(gt95.metBy(9501, 10000));
        assertFalse(gt95.metBy(19, 20));
        Target ge30 = target(Target.Comparison.GE, "30");
        assertTrue(ge30.metBy(3, 10));
        assertFalse(ge30.metBy(2999, 10000));
    }

    @Test
    void shippedTargetsRestateThePlan() {
        assertEquals(10, Targets.shipped().size());
        assertEquals(0, new BigDecimal("95").compareTo(Targets.shipped().stream()
                .filter(t -> t.code().equals("INSURANCE")).findFirst().orElseThrow().value()));
    }
}
