// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing sentence, from the bundles {@code messages} (Vietnamese, the default) and
 * {@code messages_en}. Placeholders follow {@link MessageFormat}.
 */
public final class Messages {

    public static final String BUNDLE = "vn.ytcs.app.i18n.messages";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's locale: on an English Windows the base bundle must stay Vietnamese.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Messages in English for "en", in Vietnamese for anything else. */
    public static Messages of(Locale locale) {
        return new Messages("en".equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE);
    }

    /** Parses a --lang value: "vi" or "en"; null for anything else. */
    public static Locale parseLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag.trim().toLowerCase(Locale.ROOT)) {
            case "vi" -> VIETNAMESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The sentence for the key, with its placeholders filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The label of an enum constant: key {@code <prefix>.<NAME>}. */
    public String label(String prefix, Enum<?> value) {
        return value == null ? "" : get(prefix + "." + value.name());
    }
}
