package org.litgraph.ingest.ner;

/**
 * The tagger's feature templates, shared by training (names handed to Tribuo) and tagging (the same
 * names hashed into the shipped weight table), so the two cannot drift apart. Every feature is a
 * binary indicator named {@code TEMPLATE=value}:
 * <ul>
 * <li>of the token alone: the word ({@code W}), its lower case ({@code L}), its shape ({@code S}:
 * X/x/d classes, runs collapsed), prefixes and suffixes of 2-5 characters, character 3-grams,
 * a length bucket;</li>
 * <li>of the window: lower-case words at offsets ±1, ±2, ±3, shapes and three-letter endings at
 * ±1 (sentence edges are {@code <S>} and {@code </S>}); optionally the lower-case bigrams with the
 * previous and next word (measured to add little, and they cost a table look-up per token);</li>
 * <li>of the document: dictionary matches of the lexicon (BIO by entity kind at the token and its
 * neighbours) and abbreviations (a defined short form, the kinds its long form matched, a token of
 * a long form).</li>
 * </ul>
 * Everything but the bigrams and the document features depends on one word only, which is what
 * lets {@link CrfTagger} sum those weights once per word.
 */
final class Features {
    /** Receives one feature name at a time; the builder is reused, copy it if you keep it. */
    interface Sink {
        void accept(StringBuilder name);
    }

    static final int[] CONTEXT_OFFSETS = {-3, -2, -1, 1, 2, 3};
    static final String BOS = "<S>";
    static final String EOS = "</S>";

    /** Dictionary tags per token: two bits per dictionary category (B = 1, I = 2), {@link DictionaryMatcher#CATEGORIES} order. */
    static final int DICT_BITS = 2;
    /** Abbreviation flags per token. */
    static final int ABBR_SHORT = 1;
    static final int ABBR_LONG = 2;
    /** Kinds of the long form of a short form: bit (ABBR_KIND_SHIFT + kind ordinal). */
    static final int ABBR_KIND_SHIFT = 2;

    private static final String[] KINDS = DictionaryMatcher.CATEGORIES.toArray(new String[0]);

    private Features() {
    }

    /** Features of the token {@code text[s, e)} alone. */
    static void intrinsic(CharSequence text, int s, int e, StringBuilder b, Sink sink) {
        int n = e - s;
        b.setLength(0);
        b.append("W=").append(text, s, e);
        sink.accept(b);
        b.setLength(0);
        b.append("L=");
        lower(text, s, e, b);
        sink.accept(b);
        b.setLength(0);
        b.append("S=");
        shape(text, s, e, b);
        sink.accept(b);
        b.setLength(0);
        b.append("N=").append(Math.min(n, 12));
        sink.accept(b);
        if (n >= 3) {
            for (int k = 2; k <= 5 && k < n; k++) {
                b.setLength(0);
                b.append('P').append(k).append('=');
                lower(text, s, s + k, b);
                sink.accept(b);
                b.setLength(0);
                b.append('X').append(k).append('=');
                lower(text, e - k, e, b);
                sink.accept(b);
            }
            // character 3-grams of ^word$
            for (int i = s - 1; i + 3 <= e + 1; i++) {
                b.setLength(0);
                b.append("G=");
                for (int j = i; j < i + 3; j++) {
                    if (j < s) {
                        b.append('^');
                    } else if (j >= e) {
                        b.append('$');
                    } else {
                        b.append(Character.toLowerCase(text.charAt(j)));
                    }
                }
                sink.accept(b);
            }
        }
    }

    /**
     * Features the token {@code text[s, e)} contributes to the token {@code offset} positions away
     * from it: its lower case, and next to it also its shape and last three letters.
     */
    static void context(CharSequence text, int s, int e, int offset, StringBuilder b, Sink sink) {
        b.setLength(0);
        b.append('L').append(offset).append('=');
        lower(text, s, e, b);
        sink.accept(b);
        if (offset == -1 || offset == 1) {
            b.setLength(0);
            b.append('S').append(offset).append('=');
            shape(text, s, e, b);
            sink.accept(b);
            if (e - s > 3) {
                b.setLength(0);
                b.append('X').append(offset).append('=');
                lower(text, e - 3, e, b);
                sink.accept(b);
            }
        }
    }

    /** The context features of a sentence edge ({@code <S>} before the first token, {@code </S>} after the last). */
    static void edge(int offset, StringBuilder b, Sink sink) {
        String w = offset < 0 ? BOS : EOS;
        b.setLength(0);
        b.append('L').append(offset).append('=').append(w);
        sink.accept(b);
        if (offset == -1 || offset == 1) {
            b.setLength(0);
            b.append('S').append(offset).append('=').append(w);
            sink.accept(b);
        }
    }

    /** The bigram features of token {@code t} of a sentence whose tokens are {@code tokens}. */
    static void bigrams(CharSequence text, NerTokenizer.Spans tokens, int first, int last, int t, StringBuilder b,
                        Sink sink) {
        b.setLength(0);
        b.append("B-=");
        if (t == first) {
            b.append(BOS);
        } else {
            lower(text, tokens.start(t - 1), tokens.end(t - 1), b);
        }
        b.append('|');
        lower(text, tokens.start(t), tokens.end(t), b);
        sink.accept(b);
        b.setLength(0);
        b.append("B+=");
        lower(text, tokens.start(t), tokens.end(t), b);
        b.append('|');
        if (t == last) {
            b.append(EOS);
        } else {
            lower(text, tokens.start(t + 1), tokens.end(t + 1), b);
        }
        sink.accept(b);
    }

    /**
     * Document features of token {@code i} of a sentence of {@code n} tokens: dictionary tags at the
     * token and its neighbours ({@code dict[i]}, two bits per kind) and abbreviation flags.
     */
    static void document(int[] dict, int[] abbr, int i, int n, StringBuilder b, Sink sink) {
        for (int o = -1; o <= 1; o++) {
            int j = i + o;
            if (j < 0 || j >= n || dict[j] == 0) {
                continue;
            }
            int tags = dict[j];
            for (int k = 0; k < KINDS.length; k++) {
                int tag = (tags >>> (DICT_BITS * k)) & 3;
                if (tag != 0) {
                    b.setLength(0);
                    b.append('D');
                    if (o != 0) {
                        b.append(o);
                    }
                    b.append('=').append((tag & 1) != 0 ? 'B' : 'I').append('-').append(KINDS[k]);
                    sink.accept(b);
                }
            }
        }
        int a = abbr[i];
        if (a != 0) {
            if ((a & ABBR_SHORT) != 0) {
                b.setLength(0);
                b.append("A=SF");
                sink.accept(b);
                for (int k = 0; k < KINDS.length; k++) {
                    if ((a & (1 << (ABBR_KIND_SHIFT + k))) != 0) {
                        b.setLength(0);
                        b.append("A=SF-").append(KINDS[k]);
                        sink.accept(b);
                    }
                }
            }
            if ((a & ABBR_LONG) != 0) {
                b.setLength(0);
                b.append("A=LF");
                sink.accept(b);
            }
        }
    }

    static void lower(CharSequence text, int s, int e, StringBuilder b) {
        for (int i = s; i < e; i++) {
            b.append(Character.toLowerCase(text.charAt(i)));
        }
    }

    /** Character classes X (upper), x (lower), d (digit), g (Greek), other characters as themselves; runs collapsed. */
    static void shape(CharSequence text, int s, int e, StringBuilder b) {
        char last = 0;
        int written = 0;
        for (int i = s; i < e && written < 8; i++) {
            char c = text.charAt(i);
            char k;
            if (c >= 'a' && c <= 'z') {
                k = 'x';
            } else if (c >= 'A' && c <= 'Z') {
                k = 'X';
            } else if (c >= '0' && c <= '9') {
                k = 'd';
            } else if (c >= '\u0370' && c <= '\u03ff') {
                k = 'g';
            } else if (Character.isUpperCase(c)) {
                k = 'X';
            } else if (Character.isLowerCase(c)) {
                k = 'x';
            } else if (Character.isDigit(c)) {
                k = 'd';
            } else {
                k = c;
            }
            if (k != last) {
                b.append(k);
                last = k;
                written++;
            }
        }
    }
}
