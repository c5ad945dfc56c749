// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import java.util.List;
import vn.ytcs.core.catalog.Indicator;

/**
 * How one indicator scored.
 *
 * @param value   the answer used, null when there was none
 * @param max     the maximum it counts for (zero when not applicable and the catalog excludes it)
 * @param missing why data is missing, when the status is {@link Status#MISSING_DATA}
 * @param target  the value that gives full points (threshold and norm rules)
 * @param norm    the computed staffing norm (norm rules)
 * @param variant the vùng or region whose thresholds were used
 * @param missingItems checklist items not present
 */
public record IndicatorScore(Indicator indicator, Answer value, BigDecimal points, BigDecimal max, Status status,
                             Missing missing, BigDecimal target, Integer norm, String variant, List<String> missingItems) {

    /**
     * Whether what scored it is a draft: the indicator, or the tiers of the commune's vùng or
     * region when those alone are drafts (indicator 35's four unread regions).
     */
    public boolean draft() {
        return indicator.isDraft() || indicator.rule() instanceof vn.ytcs.core.catalog.Rule.Threshold t && t.draftVariant(variant);
    }

    /** Outcome of an indicator. */
    public enum Status {
        MET, PARTLY_MET, NOT_MET, NOT_APPLICABLE, MISSING_DATA
    }

    /** Why an indicator could not be scored. */
    public enum Missing {
        /** No answer entered and nothing in the register. */
        NO_VALUE,
        /** The threshold for the commune's vùng or region is not in the catalog yet. */
        UNKNOWN_THRESHOLD,
        /** The commune has no vùng assigned. */
        NO_VUNG,
        /** The commune has no socio-economic region assigned. */
        NO_REGION,
        /** The commune has no population figure. */
        NO_POPULATION
    }

    /** Points that raising this indicator to its maximum would add. */
    public BigDecimal recoverable() {
        return max.subtract(points);
    }

    /** False when the indicator does not apply to the commune, however the catalog counts it. */
    public boolean applies() {
        return status != Status.NOT_APPLICABLE;
    }
}
