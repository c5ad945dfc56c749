// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Percentages as a spreadsheet shows them, never on the wrong side of a threshold that decides. */
class FormatsTest {

    private final Formats vi = new Formats(Locale.forLanguageTag("vi"));
    private final Formats en = new Formats(Locale.ENGLISH);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void sharesAreRoundedHalfUpToOneDecimal() {
        assertEquals("55,6%", vi.share(5, 9));
        assertEquals("55.6%", en.share(5, 9));
        assertEquals("33,3%", vi.share(1, 3));
        assertEquals("95%", vi.share(19, 20));
        assertEquals("0,1%", vi.share(1, 1999), "0.05002… is above the half");
        assertEquals("–", vi.share(1, 0));
        assertEquals("55,6%", vi.percent(d("5"), d("9"), List.of()));
        assertEquals("12,3%", vi.percent(d("12.25")), "half up, not half even");
    }

    @Test
    void aValueJustBelowAThresholdIsNotShownAtIt() {
        List<BigDecimal> atLeast95 = List.of(d("95"));
        assertEquals("94,995% (18.999/20.000)", vi.share(18_999, 20_000, atLeast95));
        assertEquals("94.995% (18,999/20,000)", en.share(18_999, 20_000, atLeast95));
        assertEquals("94,995%", vi.percent(d("94.995"), atLeast95));
        assertEquals("94,9%", vi.percent(d("94.9"), atLeast95), "one decimal is enough where it does not reach 95");
        assertEquals("95%", vi.share(19_000, 20_000, atLeast95), "exactly at the threshold");
        assertEquals("95,01% (19.002/20.000)", vi.share(19_002, 20_000, atLeast95), "95,0 would read as exactly 95");
        assertEquals("16,5%", vi.percent(d("16.5"), List.of(d("16.5"))));
        assertEquals("24,001%", vi.percent(d("24.001"), List.of(d("24"))), "above an at-most threshold");
        assertEquals("79,99%", vi.percent(d("7999"), d("10000"), List.of(d("80"))));
    }

    @Test
    void aFractionThatNeverEndsStaysOnItsSide() {
        // 200/3 = 66.666…, against 66.67: rounded half up to two decimals it would reach it.
        assertEquals("66,667% (200/300)", vi.share(200, 300, List.of(d("66.67"))));
        // At the most decimals shown, a hair above a threshold is rounded up, off it.
        BigDecimal shown = Formats.percentValue(d("1"), d("3"), List.of(d("33.333333333333")));
        assertEquals(1, shown.compareTo(d("33.333333333333")), shown.toPlainString());
    }

    @Test
    void limitsAndNumbersAreShownAsWritten() {
        assertEquals("80%", vi.limit(d("80")));
        assertEquals("80%", vi.limit(d("80.00")));
        assertEquals("16,5%", vi.limit(d("16.5")));
        assertEquals("94,995%", vi.limit(d("94.995")));
        assertEquals("0,5", vi.number(d("0.5")));
        assertEquals("0,13", vi.number(d("0.125")), "half up");
        assertEquals("4,995", vi.number(d("4.995"), List.of(d("5"))));
        assertEquals("1.234", vi.integer(1234));
    }
}
