// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HlcTest {

    private static final UUID SITE = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void textFormRoundTripsAndSortsLikeTheReading() {
        Hlc a = new Hlc(1_700_000_000_000L, 3, SITE);
        Hlc b = new Hlc(1_700_000_000_000L, 12, SITE);
        Hlc c = new Hlc(1_700_000_000_001L, 0, SITE);
        assertEquals(a, Hlc.parse(a.toString()));
        assertTrue(a.toString().compareTo(b.toString()) < 0 && a.compareTo(b) < 0);
        assertTrue(b.toString().compareTo(c.toString()) < 0 && b.compareTo(c) < 0);
    }

    @Test
    void clockIncreasesEvenWhenWallTimeStandsStillOrGoesBack() {
        WallClock wall = new WallClock(5_000);
        HybridClock clock = new HybridClock(SITE, wall);
        Hlc first = clock.next();
        Hlc second = clock.next();
        assertTrue(second.compareTo(first) > 0, "wall time standing still");

        wall.now = 9_000;
        Hlc atNine = clock.next();
        assertEquals(new Hlc(9_000, 0, SITE), atNine);
        // The PC's clock is set back an hour, then creeps forward again below the newest version.
        wall.now = 9_000 - 3_600_000;
        Hlc previous = atNine;
        for (int i = 0; i < 1_000; i++) {
            wall.now += 7;
            Hlc next = clock.next();
            assertTrue(next.compareTo(previous) > 0, "never older than the one before: " + next + " after " + previous);
            assertEquals(9_000, next.millis(), "the wall time behind the newest version does not count");
            previous = next;
        }
        // Past the counter's range the version moves on to the next millisecond, still increasing.
        for (int i = 0; i < 0x10000; i++) {
            Hlc next = clock.next();
            assertTrue(next.compareTo(previous) > 0);
            previous = next;
        }
        assertEquals(9_001, previous.millis());
        wall.now = 20_000;
        assertEquals(new Hlc(20_000, 0, SITE), clock.next(), "a wall time ahead again is taken up");
    }

    @Test
    void aVersionSeenFromAnotherSiteIsOvertakenByTheNextLocalOne() {
        HybridClock clock = new HybridClock(SITE, new WallClock(5_000));
        clock.next();
        clock.observe(new Hlc(9_000, 7, UUID.randomUUID()));
        Hlc third = clock.next();
        assertEquals(9_000, third.millis());
        assertEquals(8, third.counter());
        clock.observe(new Hlc(1_000, 99, UUID.randomUUID()));
        assertTrue(clock.next().compareTo(third) > 0, "an older version seen does not move the clock back");
    }

    /** A computer's clock that the test sets, forward or back. */
    private static final class WallClock extends Clock {
        long now;

        WallClock(long now) {
            this.now = now;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
