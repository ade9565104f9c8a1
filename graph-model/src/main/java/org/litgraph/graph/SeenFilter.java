package org.litgraph.graph;

/**
 * A Bloom filter over strings, in a fixed number of bits: "certainly not seen" or "maybe seen".
 * The import files use it to spot a document id that repeats in one load without keeping every
 * id on the heap; a false "maybe" only sends that document down the transactional path, which
 * gives the same graph.
 */
final class SeenFilter {
    private final long[] bits;
    private final long mask;
    private final int hashes;

    /** @param expected how many strings are expected (sizes the filter at ~16 bits each, 1 to 64 MiB) */
    SeenFilter(long expected) {
        long wanted = Math.max(1L << 23, Math.min(1L << 29, expected * 16));
        long size = Long.highestOneBit(wanted - 1) << 1; // a power of two
        this.bits = new long[(int) (size >>> 6)];
        this.mask = size - 1;
        this.hashes = 7;
    }

    /** Adds {@code s}; returns whether it may have been added before. */
    boolean addAndCheck(String s) {
        long h1 = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h1 ^= s.charAt(i);
            h1 *= 0x100000001b3L;
        }
        h1 = mix(h1);
        long h2 = mix(h1 ^ 0x9e3779b97f4a7c15L) | 1;
        boolean all = true;
        for (int i = 0; i < hashes; i++) {
            long bit = (h1 + i * h2) & mask;
            int word = (int) (bit >>> 6);
            long m = 1L << (bit & 63);
            if ((bits[word] & m) == 0) {
                all = false;
                bits[word] |= m;
            }
        }
        return all;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
