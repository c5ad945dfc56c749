// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

/** Staffing norms a {@code norm} rule can name. */
public final class StaffNorm {

    /** Circular 03/2023/TT-BYT, as summarised in docs/schema/catalog-v1.md. */
    public static final String CIRCULAR_03_2023 = "CIRCULAR_03_2023";

    private StaffNorm() {
    }

    /**
     * Staff a commune station should have: base 5; in vùng 1–2 one more per started 2,500
     * residents above 6,000; in vùng 3 one more per started 1,000 above 5,000; then × 1.2 in
     * vùng 2 and × 1.3 in vùng 3, rounded up.
     */
    public static int circular03(int population, int vung) {
        if (vung < 1 || vung > 3 || population < 0) {
            throw new IllegalArgumentException("vùng " + vung + ", population " + population);
        }
        int base = 5;
        if (vung == 3) {
            base += population > 5000 ? ceilDiv(population - 5000, 1000) : 0;
        } else {
            base += population > 6000 ? ceilDiv(population - 6000, 2500) : 0;
        }
        int tenths = base * (vung == 3 ? 13 : vung == 2 ? 12 : 10);
        return ceilDiv(tenths, 10);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
