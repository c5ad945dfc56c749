// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.text;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * Vietnamese text rules used everywhere: storage in NFC, search that ignores diacritics and
 * case, and sorting by Vietnamese collation.
 */
public final class VietText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private VietText() {
    }

    /** The NFC form: files from some systems carry decomposed Vietnamese, which compares and prints wrongly. */
    public static String nfc(String s) {
        if (s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            return s;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The five tone marks as combining characters (grave, acute, hook above, tilde, dot below). */
    private static final String TONES = "\u0300\u0301\u0309\u0303\u0323";

    /**
     * The tone mark where names are commonly written today: on the o of a final "oa" or "oe" and on
     * the u of a final "uy" (not after q), as in "Hỏa Lựu", "Tân Hòa", "Vị Thủy"; official lists
     * still spell some names "Hoả Lựu", "Tân Hoà", "Vị Thuỷ". Other syllables are left as they are
     * ("hoàn", "quý", "khuyên").
     */
    public static String modernToneMarks(String s) {
        if (s == null) {
            return null;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        int i = 0;
        while (i < d.length()) {
            char c = d.charAt(i);
            // o/u, then a/e/y carrying a tone (NFD: the letter, then its mark), at the end of the syllable.
            if ("oOuU".indexOf(c) >= 0 && i + 2 < d.length()) {
                char v = d.charAt(i + 1);
                boolean pair = (c == 'o' || c == 'O') ? "aAeE".indexOf(v) >= 0 : "yY".indexOf(v) >= 0;
                boolean afterQ = i > 0 && (d.charAt(i - 1) == 'q' || d.charAt(i - 1) == 'Q');
                if (pair && !afterQ && TONES.indexOf(d.charAt(i + 2)) >= 0
                        && (i + 3 >= d.length() || !Character.isLetter(d.charAt(i + 3)))) {
                    out.append(c).append(d.charAt(i + 2)).append(v);
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * A search key: lower case, without tone and vowel marks, đ as d, runs of white space folded.
     * "Hỏa Lựu" and "hoa  luu" give the same key.
     */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case 'đ', 'Đ' -> out.append('d');
                default -> out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** True when every word of the query occurs in the text, ignoring diacritics and case. */
    public static boolean matches(String text, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return true;
        }
        String t = fold(text);
        for (String word : q.split(" ")) {
            if (!t.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A fresh Vietnamese collator (collators are not thread-safe). */
    public static Collator collator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    /**
     * Vietnamese collation order on any text key, word by word: the JDK collator ignores spaces,
     * which would put "Vĩnh Tường" before "Vị Thanh"; a Vietnamese reader expects the opposite.
     * Numbers compare as numbers, so "Ấp 2" comes before "Ấp 10".
     */
    public static <T> Comparator<T> order(Function<T, String> key) {
        Collator primary = collator();
        primary.setStrength(Collator.PRIMARY);
        Collator full = collator();
        return (a, b) -> {
            String x = nfc(key.apply(a));
            String y = nfc(key.apply(b));
            synchronized (full) {
                String[] xs = x.trim().split("\\s+");
                String[] ys = y.trim().split("\\s+");
                for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
                    int c = isNumber(xs[i]) && isNumber(ys[i])
                            ? Long.compare(Long.parseLong(xs[i]), Long.parseLong(ys[i]))
                            : primary.compare(xs[i], ys[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                if (xs.length != ys.length) {
                    return Integer.compare(xs.length, ys.length);
                }
                return full.compare(x, y);
            }
        };
    }

    private static boolean isNumber(String word) {
        if (word.isEmpty() || word.length() > 18) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Vietnamese collation order on strings. */
    public static Comparator<String> order() {
        return order(Function.identity());
    }

    /**
     * A name as a part of a file name that every system accepts: lower-case ASCII letters and
     * digits in words joined by "-", tone and vowel marks dropped ("TTYT huyện Vị Thủy" gives
     * "ttyt-huyen-vi-thuy"), cut after whole words at {@code max} characters; empty when the name
     * has no such letter or digit.
     */
    public static String fileNamePart(String s, int max) {
        String folded = fold(s);
        StringBuilder out = new StringBuilder(Math.min(folded.length(), max));
        int lastWord = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (kept) {
                if (out.length() >= max) {
                    // Cut inside a word: back to the end of the last whole one, when there is one.
                    out.setLength(lastWord > 0 ? lastWord : max);
                    break;
                }
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                lastWord = out.length();
                if (out.length() + 1 >= max) {
                    break;
                }
                out.append('-');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Longest name {@link #printable(String)} shows; a site or commune name is far shorter. */
    public static final int NAME_LENGTH = 80;

    /** {@link #printable(String, int)} capped at {@value #NAME_LENGTH} characters: for names from outside. */
    public static String printable(String s) {
        return printable(s, NAME_LENGTH);
    }

    /**
     * Text from outside (a name in a package or receipt, a file name) made safe to print on a
     * terminal or in a window label: control characters (C0, DEL, C1, among them ESC, CR, LF and
     * NEL), invisible format characters (bidirectional overrides and isolates U+202A–202E and
     * U+2066–2069, marks, zero-width characters), line and paragraph separators and lone
     * surrogates are shown as {@code \\uXXXX}, so that they can neither move the cursor, clear a
     * line, reorder the text after them, nor start a line of their own that looks like ours. The
     * result is in NFC and at most {@code max} characters long, ending in "…" when it was cut.
     */
    public static String printable(String s, int max) {
        if (s == null) {
            return "";
        }
        String text = nfc(s);
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            String piece = unsafe(c) ? String.format("\\u%04X", c) : text.substring(i, i + n);
            boolean last = i + n >= text.length();
            if (out.length() + piece.length() > (last ? max : max - 1)) {
                out.append('…');
                break;
            }
            out.append(piece);
            i += n;
        }
        return out.toString();
    }

    private static boolean unsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
