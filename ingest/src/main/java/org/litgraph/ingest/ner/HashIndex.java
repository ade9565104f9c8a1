package org.litgraph.ingest.ner;

/**
 * A compact, read-only index from 64-bit hashes to small ints: one {@code long} per slot holding a
 * 32-bit fingerprint of the hash and the value, so a lookup touches one cache line (absent hashes,
 * the common case for rare features, usually stop at the first empty slot). The slot is chosen by
 * the low bits, the fingerprint is the high 32 bits: together ~50 bits tell hashes apart.
 */
final class HashIndex {
    private final long[] slots;
    private final int mask;

    /** Indexes {@code hashes[i] -> i}; hashes must be distinct. */
    HashIndex(long[] hashes) {
        int cap = Integer.highestOneBit(Math.max(4, hashes.length * 2 - 1)) << 1; // load <= 0.5
        slots = new long[cap];
        mask = cap - 1;
        for (int v = 0; v < hashes.length; v++) {
            long h = hashes[v];
            long fp = fingerprint(h);
            int i = (int) h & mask;
            while (slots[i] != 0) {
                if ((slots[i] >>> 32) == fp) {
                    throw new IllegalStateException("two feature hashes share slot and fingerprint: " + h);
                }
                i = (i + 1) & mask;
            }
            slots[i] = fp << 32 | v;
        }
    }

    private static long fingerprint(long h) {
        long fp = h >>> 32;
        return fp == 0 ? 1 : fp;
    }

    /** The value of a hash, or -1. */
    int get(long h) {
        long fp = fingerprint(h);
        int i = (int) h & mask;
        while (true) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((s >>> 32) == fp) {
                return (int) s;
            }
            i = (i + 1) & mask;
        }
    }
}
