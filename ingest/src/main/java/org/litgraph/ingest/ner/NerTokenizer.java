package org.litgraph.ingest.ner;

/**
 * Tokenisation for biomedical entity tagging: a token is a maximal run of letters and digits or a
 * single other non-space character, so hyphens, slashes, brackets, commas and apostrophes are
 * tokens of their own ("5-FU-induced" is {@code 5 - FU - induced}) and every mention boundary of
 * the annotated corpora falls between tokens. Offsets are kept; nothing is copied.
 */
public final class NerTokenizer {
    private NerTokenizer() {
    }

    /** Appends the tokens of {@code text[from, to)} to {@code out} (offsets into {@code text}); returns how many. */
    public static int tokenize(CharSequence text, int from, int to, Spans out) {
        int before = out.size();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isWordChar(text, i)) {
                i += Character.charCount(Character.codePointAt(text, i));
                while (i < to && isWordChar(text, i)) {
                    i += Character.charCount(Character.codePointAt(text, i));
                }
            } else {
                i += Character.isHighSurrogate(c) && i + 1 < to ? 2 : 1;
            }
            out.add(start, Math.min(i, to));
        }
        return out.size() - before;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    private static boolean isWordChar(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        int cp = Character.codePointAt(text, i);
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** A growable list of [start, end) offset pairs, reused between calls. */
    public static final class Spans {
        private int[] starts;
        private int[] ends;
        private int size;

        public Spans() {
            this(64);
        }

        public Spans(int capacity) {
            starts = new int[Math.max(4, capacity)];
            ends = new int[starts.length];
        }

        public void add(int start, int end) {
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        public int size() {
            return size;
        }

        public int start(int i) {
            return starts[i];
        }

        public int end(int i) {
            return ends[i];
        }

        public void clear() {
            size = 0;
        }
    }
}
