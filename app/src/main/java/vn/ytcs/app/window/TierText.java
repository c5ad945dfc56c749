// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.ytcs.core.catalog.Tier;

/**
 * Tiers as the catalog editor shows and reads them: "95: 3; 90: 2" (from 95, 3 points; from 90,
 * 2 points), tried in order. A decimal comma is read as a decimal point ("16,5: 1").
 */
final class TierText {

    private TierText() {
    }

    static String format(List<Tier> tiers) {
        StringBuilder s = new StringBuilder();
        for (Tier t : tiers) {
            s.append(s.length() == 0 ? "" : "; ").append(number(t.threshold())).append(": ").append(number(t.points()));
        }
        return s.toString();
    }

    /** The tiers, or null when the text does not read as at least one "threshold: points". */
    static List<Tier> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Tier> tiers = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split(":");
            if (pair.length != 2) {
                return null;
            }
            BigDecimal threshold = parseNumber(pair[0]);
            BigDecimal points = parseNumber(pair[1]);
            if (threshold == null || points == null) {
                return null;
            }
            tiers.add(new Tier(threshold, points));
        }
        return tiers.isEmpty() ? null : List.copyOf(tiers);
    }

    /** A number as typed, with a decimal point or comma; null when it is not one. */
    static BigDecimal parseNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String number(BigDecimal n) {
        return n.toPlainString();
    }
}
