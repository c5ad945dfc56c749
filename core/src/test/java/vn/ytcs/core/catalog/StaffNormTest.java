// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StaffNormTest {

    @Test
    void baseNormUpToTheFirstThreshold() {
        assertEquals(5, StaffNorm.circular03(6000, 1));
        assertEquals(6, StaffNorm.circular03(6000, 2), "5 × 1.2");
        assertEquals(5, StaffNorm.circular03(0, 1));
    }

    @Test
    void oneMorePerStartedStepAboveTheThreshold() {
        assertEquals(6, StaffNorm.circular03(6001, 1));
        assertEquals(6, StaffNorm.circular03(8500, 1));
        assertEquals(7, StaffNorm.circular03(8501, 1));
        assertEquals(8, StaffNorm.circular03(5001, 3), "(5 + 1) × 1.3 = 7.8 → 8");
    }

    @Test
    void vungThreeCountsPerThousandAndWeighsMore() {
        assertEquals(10, StaffNorm.circular03(6500, 3), "(5 + 2) × 1.3 = 9.1 → 10");
        assertEquals(7, StaffNorm.circular03(5000, 3), "5 × 1.3 = 6.5 → 7");
    }

    @Test
    void refusesAnUnknownVung() {
        assertThrows(IllegalArgumentException.class, () -> StaffNorm.circular03(5000, 4));
    }
}
