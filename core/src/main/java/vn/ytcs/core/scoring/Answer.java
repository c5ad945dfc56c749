// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import java.util.Set;

/** The value of an indicator for a commune: entered in an assessment or derived from the register. */
public sealed interface Answer {

    /** Yes or no. */
    record Flag(boolean yes) implements Answer {
    }

    /** A number: a percentage, a count or another measure. */
    record Amount(BigDecimal value) implements Answer {

        public static Amount of(double value) {
            return new Amount(BigDecimal.valueOf(value));
        }
    }

    /**
     * A part of a whole, as a percentage, kept exact: the register's shares (insured of the
     * population, hamlets with a trained worker), so that 18,999 of 20,000 is scored and shown as
     * 94.995 %, never rounded onto a threshold.
     */
    record Share(long part, long whole) implements Answer {

        public Share {
            if (whole <= 0 || part < 0) {
                throw new IllegalArgumentException(part + "/" + whole);
            }
        }
    }

    /** The items of a checklist that are present. */
    record Items(Set<String> codes) implements Answer {

        public Items {
            codes = Set.copyOf(codes);
        }
    }
}
