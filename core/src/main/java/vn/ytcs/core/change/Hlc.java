// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.change;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A hybrid logical clock reading: wall time in milliseconds, a counter for changes within the
 * same millisecond (or behind a clock that went backwards), and the site that made the change.
 * Its text form sorts the same way as the reading, so the store can compare versions as strings.
 */
public record Hlc(long millis, int counter, UUID site) implements Comparable<Hlc> {

    public Hlc {
        if (millis < 0 || counter < 0 || counter > 0xFFFF) {
            throw new IllegalArgumentException("HLC out of range: " + millis + "/" + counter);
        }
        Objects.requireNonNull(site, "site");
    }

    /** Parses the text form written by {@link #toString()}. */
    public static Hlc parse(String text) {
        String[] parts = text.split("-", 3);
        if (parts.length != 3 || parts[0].length() != 12 || parts[1].length() != 4) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        return new Hlc(Long.parseLong(parts[0], 16), Integer.parseInt(parts[1], 16), UUID.fromString(parts[2]));
    }

    @Override
    public int compareTo(Hlc o) {
        int c = Long.compare(millis, o.millis);
        if (c == 0) {
            c = Integer.compare(counter, o.counter);
        }
        return c != 0 ? c : site.toString().compareTo(o.site.toString());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%012x-%04x-%s", millis, counter, site);
    }
}
