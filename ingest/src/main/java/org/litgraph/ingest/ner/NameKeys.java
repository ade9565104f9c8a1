package org.litgraph.ingest.ner;

import java.text.Normalizer;

/**
 * Normalised keys of names, for dictionary matching and grounding. A name is its tokens
 * ({@link NerTokenizer}), each lower-cased, accents folded, Greek letters spelt out ("α" is
 * "alpha"), and plural nouns reduced the way Lucene's minimal English stemmer does ("opacities" is
 * "opacity"); hyphens and possessive apostrophes are skipped, so "TNF-α", "TNF alpha" and
 * "tnf-alpha" share one key, as do "Crohn's disease" and "Crohn disease".
 */
final class NameKeys {
    static final long SEED = 0x6a09e667f3bcc909L;
    private static final String[] GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi",
            "psi", "omega"};
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(64));

    private NameKeys() {
    }

    static long combine(long h, long tokenKey) {
        return FeatureHash.mix(h * 0x9e3779b97f4a7c15L + tokenKey);
    }

    /** The key of a whole name, or 0 when it has no tokens that count. */
    static long key(CharSequence name) {
        NerTokenizer.Spans spans = new NerTokenizer.Spans(16);
        int n = NerTokenizer.tokenize(name, 0, name.length(), spans);
        long[] keys = new long[n];
        tokenKeys(name, spans, 0, n, keys);
        long h = SEED;
        boolean any = false;
        for (long k : keys) {
            if (k != 0) {
                h = combine(h, k);
                any = true;
            }
        }
        return any ? h : 0;
    }

    /** The normalised key of each token {@code [from, to)} into {@code out[0..)}; 0 for tokens that are skipped. */
    static void tokenKeys(CharSequence text, NerTokenizer.Spans tokens, int from, int to, long[] out) {
        StringBuilder b = SCRATCH.get();
        for (int t = from; t < to; t++) {
            int s = tokens.start(t);
            int e = tokens.end(t);
            long k;
            if (e - s == 1 && isSkipped(text.charAt(s))) {
                k = 0;
            } else if (e - s == 1 && (text.charAt(s) == 's' || text.charAt(s) == 'S') && t > from && out[t - from - 1] == 0
                    && isApostrophe(text.charAt(tokens.start(t - 1))) && tokens.start(t) == tokens.end(t - 1)) {
                k = 0; // the s of a possessive
            } else {
                k = fastKey(text, s, e);
                if (k == 0) {
                    b.setLength(0);
                    normalise(text, s, e, b);
                    k = FeatureHash.of(b);
                }
            }
            out[t - from] = k;
        }
    }

    /**
     * The key of an ASCII token that needs neither folding nor British spelling, hashed straight from
     * the text (the common case); 0 when the token needs {@link #normalise}.
     */
    private static long fastKey(CharSequence text, int s, int e) {
        boolean letters = true;
        char prev = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return 0;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c >= 'a' && c <= 'z') {
                // spellings americanise() may rewrite: ae, oe, ph, um
                if (c == 'e' && (prev == 'a' || prev == 'o') || c == 'h' && prev == 'p' || c == 'm' && prev == 'u') {
                    return 0;
                }
            } else {
                letters = false;
            }
            prev = c;
        }
        int len = e - s;
        int keep = len;
        boolean y = false;
        if (letters) {
            if (len >= 5 && lower(text, e - 1) == 'r' && lower(text, e - 2) == 'u' && lower(text, e - 3) == 'o') {
                return 0; // -our
            }
            // the S-stemmer (see stem)
            if (len >= 3 && lower(text, e - 1) == 's') {
                char p = lower(text, e - 2);
                if (p == 'u' || p == 's' || p == 'i') {
                    keep = len;
                } else if (p == 'e') {
                    char p3 = lower(text, e - 3);
                    if (len > 3 && p3 == 'i' && lower(text, e - 4) != 'a' && lower(text, e - 4) != 'e') {
                        keep = len - 3;
                        y = true;
                    } else if (p3 == 'i' || p3 == 'a' || p3 == 'o' || p3 == 'e') {
                        keep = len;
                    } else {
                        keep = len - 1;
                    }
                } else {
                    keep = len - 1;
                }
                if (keep < len && keep >= 5 && !y && lower(text, s + keep - 1) == 'r' && lower(text, s + keep - 2) == 'u'
                        && lower(text, s + keep - 3) == 'o') {
                    return 0; // -ours
                }
            }
        }
        long h = FeatureHash.updateLower(FeatureHash.state(""), text, s, s + keep);
        if (y) {
            h = FeatureHash.update(h, 'y');
        }
        return FeatureHash.mix(h);
    }

    private static char lower(CharSequence text, int i) {
        char c = text.charAt(i);
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean isSkipped(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || isApostrophe(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** Appends the normalised form of one token. */
    static void normalise(CharSequence text, int s, int e, StringBuilder b) {
        int start = b.length();
        boolean letters = true;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
                letters &= c >= 'a' && c <= 'z';
                b.append(c);
            } else if (c >= '\u03b1' && c <= '\u03c9') {
                b.append(GREEK[c - '\u03b1']);
                letters = false;
            } else if (c >= '\u0391' && c <= '\u03a9') {
                b.append(GREEK[c - '\u0391']);
                letters = false;
            } else if (c == '\u00b5') {
                b.append("mu");
                letters = false;
            } else {
                String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int j = 0; j < folded.length(); j++) {
                    char f = folded.charAt(j);
                    if (Character.getType(f) != Character.NON_SPACING_MARK) {
                        b.append(Character.toLowerCase(f));
                    }
                }
                letters = false;
            }
        }
        if (letters) {
            stem(b, start);
            americanise(b, start);
        }
    }

    private static final String[][] BRITISH = {
            {"aem", "em"}, {"oedem", "edem"}, {"oesophag", "esophag"}, {"oestr", "estr"}, {"foet", "fet"}, {"oea", "ea"},
            {"coel", "cel"}, {"paed", "ped"}, {"aetiol", "etiol"}, {"gynaec", "gynec"}, {"caes", "ces"},
            {"anaes", "anes"}, {"sulph", "sulf"}, {"amoeb", "ameb"}, {"aluminium", "aluminum"}};

    /** British spellings as American ones ("haemorrhage", "oedema", "sulphate", "tumour"), on both sides of a match. */
    private static void americanise(StringBuilder b, int start) {
        int n = b.length();
        boolean candidate = false;
        for (int i = start; i + 1 < n; i++) {
            char c = b.charAt(i);
            char d = b.charAt(i + 1);
            if ((c == 'a' || c == 'o') && d == 'e' || c == 'p' && d == 'h' || c == 'u' && d == 'm') {
                candidate = true;
                break;
            }
        }
        if (n - start >= 5 && b.charAt(n - 1) == 'r' && b.charAt(n - 2) == 'u' && b.charAt(n - 3) == 'o') {
            b.deleteCharAt(n - 2); // tumour, colour, behaviour
        }
        if (!candidate) {
            return;
        }
        for (String[] r : BRITISH) {
            int i = b.indexOf(r[0], start);
            while (i >= 0) {
                b.replace(i, i + r[0].length(), r[1]);
                i = b.indexOf(r[0], i + r[1].length());
            }
        }
    }

    /** Lucene's EnglishMinimalStemmer (S-stemmer) on {@code b[start..]}. */
    private static void stem(StringBuilder b, int start) {
        int len = b.length() - start;
        if (len < 3 || b.charAt(b.length() - 1) != 's') {
            return;
        }
        char p = b.charAt(b.length() - 2);
        if (p == 'u' || p == 's' || p == 'i') {
            return; // -us, -ss, and -is words (arthritis, thrombosis) are no plurals
        }
        if (p == 'e') {
            char p3 = b.charAt(b.length() - 3);
            if (len > 3 && p3 == 'i') {
                char p4 = b.charAt(b.length() - 4);
                if (p4 != 'a' && p4 != 'e') {
                    b.setLength(b.length() - 3);
                    b.append('y');
                    return;
                }
            }
            if (p3 == 'i' || p3 == 'a' || p3 == 'o' || p3 == 'e') {
                return;
            }
        }
        b.setLength(b.length() - 1);
    }
}
