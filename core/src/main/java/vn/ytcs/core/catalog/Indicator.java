// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.math.BigDecimal;

/**
 * An indicator (chỉ tiêu) of a catalog.
 *
 * @param derived the register value it takes, or null when it is entered in an assessment
 * @param unmetReason the sentence to show when it scores below its maximum; may be null
 */
public record Indicator(int number, String code, String criterion, Text name, BigDecimal maxPoints,
                        Provenance provenance, boolean veto, AppliesTo appliesTo, DerivedValue derived, Rule rule,
                        Text unmetReason) {

    public boolean isDerived() {
        return derived != null;
    }

    public boolean isDraft() {
        return !provenance.confirmed();
    }
}
