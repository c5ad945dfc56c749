// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.change;

import java.time.Clock;
import java.util.UUID;

/** Issues strictly increasing versions for one site, and moves forward past versions seen from others. */
public final class HybridClock {

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
}
