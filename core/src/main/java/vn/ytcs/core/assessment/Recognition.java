// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.time.LocalDate;

/** A recognition decision: it lasts three years, and is flagged six months before it expires. */
public record Recognition(String decisionNumber, LocalDate decided) {

    public static final int YEARS = 3;
    public static final int WARN_MONTHS = 6;

    /** How a recognition stands on a day. */
    public enum Standing {
        VALID, EXPIRING_SOON, EXPIRED
    }

    /** First day on which the recognition no longer holds. */
    public LocalDate expires() {
        return decided.plusYears(YEARS);
    }

    public Standing on(LocalDate day) {
        if (!day.isBefore(expires())) {
            return Standing.EXPIRED;
        }
        return day.isBefore(expires().minusMonths(WARN_MONTHS)) ? Standing.VALID : Standing.EXPIRING_SOON;
    }
}
