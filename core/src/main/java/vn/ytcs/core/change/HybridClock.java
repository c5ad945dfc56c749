// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.change;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Issues strictly increasing versions for one site, and moves forward past versions seen from others. */
public final class HybridClock {

    /**
     * How far a version may lie ahead of this computer's clock before it is taken for a wrong
     * clock: a package carrying one is refused, and a store whose newest version lies this far
     * ahead warns that the clock here went back. Office PCs drift by minutes, time zones by hours.
     */
    public static final Duration TOLERANCE = Duration.ofDays(1);

    private final UUID site;
    private final Clock clock;
    private long millis;
    private int counter;

    public HybridClock(UUID site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    /** The next version for a change made here. */
    public synchronized Hlc next() {
        long now = clock.millis();
        if (now > millis) {
            millis = now;
            counter = 0;
        } else if (counter == 0xFFFF) {
            millis++;
            counter = 0;
        } else {
            counter++;
        }
        return new Hlc(millis, counter, site);
    }

    /** Takes note of a version made elsewhere, so that later local versions sort after it. */
    public synchronized void observe(Hlc seen) {
        if (seen.millis() > millis || (seen.millis() == millis && seen.counter() > counter)) {
            millis = seen.millis();
            counter = seen.counter();
        }
    }

    /** The newest version issued or observed so far (as this site's reading); null before any. */
    public synchronized Hlc high() {
        return millis == 0 && counter == 0 ? null : new Hlc(millis, counter, site);
    }

    /** This computer's clock now, in milliseconds. */
    public long wallMillis() {
        return clock.millis();
    }

    /** Whether a version lies further ahead of this computer's clock than {@link #TOLERANCE}. */
    public boolean tooFarAhead(Hlc version) {
        return version.millis() - clock.millis() > TOLERANCE.toMillis();
    }
}
