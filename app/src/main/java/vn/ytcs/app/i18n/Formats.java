// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Numbers, percentages and dates as the user's language writes them, on the command line and in
 * the window alike.
 *
 * <p>A percentage is shown as a spreadsheet shows it: one decimal, rounded half up (5/9 is
 * 55,6 %). Where that would put the shown value on the other side of a threshold that decides
 * something (94,995 % shown as 95 % against "at least 95 %"), it gets as many decimals as it
 * takes to stay on the side of the real value, and a share also shows its fraction
 * ("94,995 % (18.999/20.000)").
 */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Decimals a spreadsheet shows a percentage with. */
    private static final int PERCENT_DECIMALS = 1;
    /** Decimals of points and other numbers. */
    private static final int NUMBER_DECIMALS = 2;
    /** The most decimals shown; a fraction that never ends has its last one rounded towards its real side. */
    private static final int MOST_DECIMALS = 12;

    private final Locale locale;
    private final NumberFormat integer;

    public Formats(Locale locale) {
        this.locale = locale;
        this.integer = NumberFormat.getIntegerInstance(locale);
    }

    public String integer(Number n) {
        return n == null ? "–" : integer.format(n);
    }

    /** part / whole as a percentage; a dash when either is unknown or the whole is zero. */
    public String share(Integer part, Integer whole) {
        return part == null || whole == null || whole == 0 ? "–" : share(part, whole, List.of());
    }

    /**
     * part / whole as a percentage against the thresholds that decide about it, with the fraction
     * when the percentage alone, rounded, would not show on which side of one it falls.
     */
    public String share(long part, long whole, Collection<BigDecimal> thresholds) {
        BigDecimal shown = percentValue(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), thresholds);
        String text = percentText(shown);
        return shown.scale() > PERCENT_DECIMALS ? text + " (" + integer(part) + "/" + integer(whole) + ")" : text;
    }

    /** part / whole as a percentage against the thresholds that decide about it (the fraction is shown beside it). */
    public String percent(BigDecimal part, BigDecimal whole, Collection<BigDecimal> thresholds) {
        return percentText(percentValue(part, whole, thresholds));
    }

    /** A percentage against the thresholds that decide about it. */
    public String percent(BigDecimal value, Collection<BigDecimal> thresholds) {
        return value == null ? "–" : percentText(shown(value, BigDecimal.ONE, thresholds, PERCENT_DECIMALS));
    }

    /** A percentage that decides nothing itself (a gap, a coverage). */
    public String percent(BigDecimal value) {
        return percent(value, List.of());
    }

    /** A threshold, exactly as the catalog or the targets give it ("16,5%"). */
    public String limit(BigDecimal percent) {
        return percent == null ? "–" : percentText(percent.stripTrailingZeros().scale() <= 0 ? percent.setScale(0)
                : percent.stripTrailingZeros());
    }

    /** A number (points, a count) with up to two decimals, or as many as the thresholds that decide about it need. */
    public String number(BigDecimal value, Collection<BigDecimal> thresholds) {
        if (value == null) {
            return "–";
        }
        BigDecimal shown = shown(value, BigDecimal.ONE, thresholds, NUMBER_DECIMALS);
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(shown.scale());
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(shown);
    }

    public String number(BigDecimal value) {
        return number(value, List.of());
    }

    /**
     * The percentage part / whole × 100 as shown: half up to one decimal, or to as many as keep it
     * on the same side of (or equal to) every threshold as the real value. Also what machine-readable
     * output gives, so that it and the screen agree. A whole of zero is 100 % (nothing to reach).
     */
    public static BigDecimal percentValue(BigDecimal part, BigDecimal whole, Collection<BigDecimal> thresholds) {
        if (whole.signum() == 0) {
            return HUNDRED.setScale(PERCENT_DECIMALS);
        }
        return shown(part.multiply(HUNDRED), whole, thresholds, PERCENT_DECIMALS);
    }

    /** num / den (den > 0) rounded half up to {@code decimals}, or to as many more as keep it on the real value's side of every threshold. */
    private static BigDecimal shown(BigDecimal num, BigDecimal den, Collection<BigDecimal> thresholds, int decimals) {
        for (int d = decimals; d < MOST_DECIMALS; d++) {
            BigDecimal shown = num.divide(den, d, RoundingMode.HALF_UP);
            if (sameSides(num, den, shown, thresholds)) {
                return shown;
            }
        }
        // A fraction that never ends, a hair from a threshold: its last decimal rounded towards its real side.
        for (RoundingMode mode : List.of(RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP)) {
            BigDecimal shown = num.divide(den, MOST_DECIMALS, mode);
            if (sameSides(num, den, shown, thresholds)) {
                return shown;
            }
        }
        return num.divide(den, MOST_DECIMALS, RoundingMode.HALF_UP);
    }

    /** Whether shown compares with every threshold as the real value num / den (den > 0) does. */
    private static boolean sameSides(BigDecimal num, BigDecimal den, BigDecimal shown, Collection<BigDecimal> thresholds) {
        for (BigDecimal t : thresholds) {
            if (num.compareTo(t.multiply(den)) != shown.compareTo(t)) {
                return false;
            }
        }
        return true;
    }

    private String percentText(BigDecimal percent) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(percent.scale());
        f.setMinimumFractionDigits(0);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(percent.movePointLeft(2));
    }

    public String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** A moment on this computer's clock, to the minute ("07:20 12/12/2026"). */
    public String moment(java.time.Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(java.time.ZoneId.systemDefault()));
    }
}
