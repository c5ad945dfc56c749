// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.text.VietText;

/**
 * An answer as a person types it (in a field or after {@code --value}) turned into the stored
 * JSON value its indicator's rule reads: "có"/"yes" → {@code true}, "55,6" or "55,6 %" → {@code 55.6},
 * "a, c" → {@code ["a","c"]}. Text that does not read as the rule asks is kept as typed, so that
 * the record's check names the field and the value (one message, one place).
 */
public final class AnswerValues {

    private static final List<String> YES = List.of("co", "yes", "true", "dat", "x", "1");
    private static final List<String> NO = List.of("khong", "no", "false", "khong dat", "0");

    private AnswerValues() {
    }

    /** The stored value for what was typed; null for blank (not answered). */
    public static String fromTyped(Rule rule, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        String folded = VietText.fold(text).toLowerCase(Locale.ROOT);
        if (rule instanceof Rule.YesNo) {
            return YES.contains(folded) ? "true" : NO.contains(folded) ? "false" : text;
        }
        if (rule instanceof Rule.Checklist) {
            if (text.startsWith("[")) {
                return text;
            }
            List<String> items = new ArrayList<>();
            for (String part : text.split("[,;]")) {
                if (!part.isBlank()) {
                    items.add('"' + part.strip().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
                }
            }
            return "[" + String.join(",", items) + "]";
        }
        String number = text.replace("%", "").strip().replace(',', '.');
        try {
            return new BigDecimal(number).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The stored value as a person reads and types it back: the inverse of {@link #fromTyped}. */
    public static String toTyped(Rule rule, String stored, Locale locale) {
        if (stored == null) {
            return "";
        }
        boolean vi = "vi".equals(locale.getLanguage());
        if (rule instanceof Rule.YesNo) {
            return "true".equals(stored) ? (vi ? "có" : "yes") : "false".equals(stored) ? (vi ? "không" : "no") : stored;
        }
        if (rule instanceof Rule.Checklist && stored.startsWith("[")) {
            return stored.replaceAll("[\\[\\]\"]", "").replace(",", ", ");
        }
        return vi ? stored.replace('.', ',') : stored;
    }
}
