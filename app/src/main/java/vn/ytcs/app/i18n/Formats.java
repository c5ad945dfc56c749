// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, percentages and dates as the user's language writes them. */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final NumberFormat integer;
    private final NumberFormat percent;

    public Formats(Locale locale) {
        this.integer = NumberFormat.getIntegerInstance(locale);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
    }

    public String integer(Number n) {
        return n == null ? "–" : integer.format(n);
    }

    /** part / whole as a percentage; a dash when either is unknown or the whole is zero. */
    public String share(Integer part, Integer whole) {
        return part == null || whole == null || whole == 0 ? "–" : percent.format(part / (double) whole);
    }

    public String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** A moment on this computer's clock, to the minute ("07:20 12/12/2026"). */
    public String moment(java.time.Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(java.time.ZoneId.systemDefault()));
    }
}
