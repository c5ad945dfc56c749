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
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);
        HybridClock clock = new HybridClock(SITE, frozen);
        Hlc first = clock.next();
        Hlc second = clock.next();
        assertTrue(second.compareTo(first) > 0);
        clock.observe(new Hlc(9_000, 7, UUID.randomUUID()));
        Hlc third = clock.next();
        assertEquals(9_000, third.millis());
        assertEquals(8, third.counter());
    }
}
