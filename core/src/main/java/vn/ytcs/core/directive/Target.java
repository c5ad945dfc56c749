// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.directive;

import java.math.BigDecimal;
import vn.ytcs.core.catalog.Text;

/** A Directive 25 target: a percentage to exceed (GT) or reach (GE) by a year. */
public record Target(String code, Text name, Measure measure, Comparison comparison, BigDecimal value, int dueYear) {

    /** How a target is measured from the register and the scorecards. */
    public enum Measure {
        /** Insured people of the population, all communes pooled. */
        INSURANCE_COVERAGE,
        /** People with a managed health record of the population. */
        HEALTH_RECORD_COVERAGE,
        /** Communes whose station runs the family-doctor model. */
        FAMILY_DOCTOR_COMMUNES,
        /** Stations with at least one permanent doctor. */
        PERMANENT_DOCTOR_STATIONS,
        /** Hamlets with an active, trained hamlet health worker. */
        TRAINED_HAMLET_WORKERS,
        /** Communes meeting the national standard for the period. */
        COMMUNES_MEETING_STANDARD,
        /** Not measurable from what YTCS records. */
        NOT_IN_REGISTER
    }

    public enum Comparison {
        GT, GE
    }

    /** Whether numerator / denominator meets the target, compared exactly (no rounding). */
    public boolean metBy(long numerator, long denominator) {
        int c = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .compareTo(value.multiply(BigDecimal.valueOf(denominator)));
        return comparison == Comparison.GT ? c > 0 : c >= 0;
    }
}
