// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.util.Locale;
import java.util.Objects;

/** A text of a catalog in Vietnamese and, where given, English. */
public record Text(String vi, String en) {

    public Text {
        Objects.requireNonNull(vi, "vi");
    }

    /** English where the locale asks for it and the catalog has it; Vietnamese otherwise. */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
