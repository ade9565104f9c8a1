package org.litgraph.ingest.ner;

/** The 64-bit hash under which a feature name is stored in the shipped model (FNV-1a over UTF-16, then mixed). */
final class FeatureHash {
    private static final long BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FeatureHash() {
    }

    static long of(CharSequence s) {
        long h = BASIS;
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= PRIME;
        }
        return mix(h);
    }

    /** The running (unmixed) hash after the characters of {@code prefix}; continue with {@link #update}, end with {@link #mix}. */
    static long state(CharSequence prefix) {
        return update(BASIS, prefix);
    }

    static long update(long h, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= PRIME;
        }
        return h;
    }

    static long update(long h, char c) {
        h ^= c;
        return h * PRIME;
    }

    /** Continues with {@code text[from, to)} lower-cased character by character, as {@link Features#lower} writes it. */
    static long updateLower(long h, CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            h ^= Character.toLowerCase(text.charAt(i));
            h *= PRIME;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
