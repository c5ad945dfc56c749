// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A set of record ids by kind, in flat arrays: 17 bytes a slot (two longs and the kind), where a
 * {@code HashSet<UUID>} spends about 80 bytes an id. Open addressing with linear probing; the hash
 * is seeded per table, so that ids chosen to collide slow down nothing but a table nobody knows.
 */
final class IdTable {

    private static final long EMPTY = 0;

    private final long seed = ThreadLocalRandom.current().nextLong() | 1;
    private long[] high;
    private long[] low;
    /** The kind index + 1 of each slot; 0 for an empty slot. */
    private byte[] kinds;
    private int size;

    /** A table that holds {@code expected} ids without growing. */
    IdTable(int expected) {
        int capacity = Math.max(16, (int) Math.min(1 << 30, (long) expected * 4 / 3 + 1));
        allocate(capacity);
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        kinds = new byte[capacity];
    }

    int size() {
        return size;
    }

    /** Adds an id; false when the table held it already. */
    boolean add(int kind, UUID id) {
        if ((long) (size + 1) * 4 > (long) kinds.length * 3) {
            grow();
        }
        return insert((byte) (kind + 1), id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    boolean contains(int kind, UUID id) {
        byte k = (byte) (kind + 1);
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        for (int i = slot(k, h, l); ; i = next(i)) {
            if (kinds[i] == EMPTY) {
                return false;
            }
            if (kinds[i] == k && high[i] == h && low[i] == l) {
                return true;
            }
        }
    }

    /** Each id with its kind index. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != EMPTY) {
                visitor.visit(kinds[i] - 1, new UUID(high[i], low[i]));
            }
        }
    }

    interface Visitor {
        void visit(int kind, UUID id);
    }

    private boolean insert(byte k, long h, long l) {
        for (int i = slot(k, h, l); ; i = next(i)) {
            if (kinds[i] == EMPTY) {
                kinds[i] = k;
                high[i] = h;
                low[i] = l;
                size++;
                return true;
            }
            if (kinds[i] == k && high[i] == h && low[i] == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        byte[] oldKinds = kinds;
        allocate((int) Math.min(1 << 30, (long) oldKinds.length * 2));
        size = 0;
        for (int i = 0; i < oldKinds.length; i++) {
            if (oldKinds[i] != EMPTY) {
                insert(oldKinds[i], oldHigh[i], oldLow[i]);
            }
        }
    }

    private int next(int i) {
        return i + 1 == kinds.length ? 0 : i + 1;
    }

    /** The slot to start at: a seeded 64-bit mix of the id and kind, mapped onto the table (any size). */
    private int slot(byte k, long h, long l) {
        long x = (h ^ Long.rotateLeft(l, 29) ^ k) * seed;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) (((x >>> 32) * kinds.length) >>> 32);
    }
}
