// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** How an indicator awards points. */
public sealed interface Rule {

    /** Yes gives the indicator's maximum, no gives zero. */
    record YesNo() implements Rule {
    }

    /**
     * A number against tiers, the first tier met (in order) giving its points. Tiers may vary
     * by vùng or socio-economic region; a variant that is null is not yet known.
     *
     * @param variantProvenance where a variant's tiers come from, when not from the indicator's
     *                          own provenance (draft thresholds beside confirmed ones)
     */
    record Threshold(Direction direction, String unit, List<Tier> tiers, VariantKey variantsBy,
                     Map<String, List<Tier>> variants, Map<String, Provenance> variantProvenance) implements Rule {

        public Threshold(Direction direction, String unit, List<Tier> tiers, VariantKey variantsBy,
                         Map<String, List<Tier>> variants) {
            this(direction, unit, tiers, variantsBy, variants, Map.of());
        }

        /** Whether the variant's tiers are a draft, to be checked against the official text. */
        public boolean draftVariant(String key) {
            Provenance p = key == null ? null : variantProvenance.get(key);
            return p != null && !p.confirmed();
        }
    }

    /** Items with points each; the sum is capped. */
    record Checklist(List<Item> items, BigDecimal cap) implements Rule {
    }

    /** A count as a percentage of a norm computed by a named formula, then tiers on that percentage. */
    record Norm(String formula, List<Tier> tiers) implements Rule {
    }

    /** An item of a checklist. */
    record Item(String code, Text name, BigDecimal points) {
    }

    /** Whether a value must reach a threshold from below or stay under it. */
    enum Direction {
        AT_LEAST, AT_MOST
    }

    /** What threshold variants are keyed by. */
    enum VariantKey {
        VUNG, REGION
    }
}
