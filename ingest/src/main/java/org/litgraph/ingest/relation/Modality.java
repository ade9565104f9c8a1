package org.litgraph.ingest.relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Negation and speculation of one statement, NegEx/ConText style: triggers with a direction
 * (the scope follows, precedes, or both) and a window, scopes ended by terminators
 * ("but", "which", ";"...) and the sentence boundary; pseudo-triggers ("not only", "no longer")
 * and open possibilities ("cannot be excluded" hedges, it does not negate) are matched first,
 * longest phrase first. A statement between two mentions is negated (hedged) when a negation
 * (speculation) trigger's scope covers both mentions, or when the trigger stands between them and
 * its scope reaches the mention on its side: "X did not cause Y", "Y was not caused by X",
 * "no Y was seen with X", "X was excluded as a cause of Y" are negated; "X was stopped and Y did
 * not recur" is not. Triggers live in {@code modality-triggers.tsv}.
 */
public record Modality(boolean negated, boolean hedged, String negationCue, String hedgeCue) {
    static final String TRIGGERS = "org/litgraph/ingest/relation/modality-triggers.tsv";
    public static final Modality NONE = new Modality(false, false, null, null);

    enum Category { NEG, HEDGE, PSEUDO, TERM }

    enum Direction { PRE, POST, BOTH, NONE }

    /** One trigger phrase: its words (a trailing * is a prefix), category, direction and window. */
    record Trigger(String phrase, String[] words, Category category, Direction direction, int window) {
    }

    private static final Map<String, List<Trigger>> BY_FIRST_WORD = new HashMap<>();
    private static final List<Trigger> PREFIX_FIRST = new ArrayList<>();

    static {
        try (InputStream in = Modality.class.getClassLoader().getResourceAsStream(TRIGGERS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TRIGGERS);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IllegalStateException(TRIGGERS + " line " + n + ": expected 4 fields");
                }
                String[] words = f[0].toLowerCase(Locale.ROOT).strip().split("\\s+");
                Trigger t = new Trigger(f[0], words, Category.valueOf(f[1]),
                        f[2].equals("-") ? Direction.NONE : Direction.valueOf(f[2]), Integer.parseInt(f[3]));
                if (words[0].endsWith("*")) {
                    PREFIX_FIRST.add(t);
                } else {
                    BY_FIRST_WORD.computeIfAbsent(words[0], k -> new ArrayList<>()).add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A word of the sentence (or one of the two mentions, as one word): its text and character range. */
    private record Tok(String word, int start, int end, boolean punct) {
    }

    /** A trigger found in a sentence, over tokens {@code [from, to)}. */
    private record Found(Trigger trigger, int from, int to) {
    }

    /**
     * The modality of a statement whose mentions are {@code [aStart, aEnd)} and {@code [bStart, bEnd)}
     * of {@code sentence} (offsets relative to the sentence).
     */
    public static Modality of(String sentence, int aStart, int aEnd, int bStart, int bEnd) {
        if (aStart > bStart) {
            return of(sentence, bStart, bEnd, aStart, aEnd);
        }
        List<Tok> toks = tokenize(sentence, aStart, aEnd, bStart, bEnd);
        int a = -1;
        int b = -1;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (a < 0 && t.start == aStart && t.word.equals("\u0001")) {
                a = i;
            } else if (t.start == bStart && t.word.equals("\u0001")) {
                b = i;
            }
        }
        if (a < 0 || b < 0) { // overlapping or degenerate spans: one mention
            b = a < 0 ? b : a;
            a = b;
        }
        List<Found> found = triggers(toks);
        String neg = null;
        String hedge = null;
        for (Found f : found) {
            Category c = f.trigger.category;
            if ((c == Category.NEG && neg == null) || (c == Category.HEDGE && hedge == null)) {
                if (affects(found, toks, f, a, b)) {
                    if (c == Category.NEG) {
                        neg = f.trigger.phrase;
                    } else {
                        hedge = f.trigger.phrase;
                    }
                }
            }
        }
        return neg == null && hedge == null ? NONE : new Modality(neg != null, hedge != null, neg, hedge);
    }

    /** The modality of one mention alone (an event's trigger, an entity) in its sentence. */
    public static Modality of(String sentence, int start, int end) {
        return of(sentence, start, end, start, end);
    }

    /** Whether the trigger's scope covers both mentions, or it stands between them and reaches the one on its side. */
    private static boolean affects(List<Found> all, List<Tok> toks, Found f, int a, int b) {
        int[] fwd = f.trigger.direction == Direction.PRE || f.trigger.direction == Direction.BOTH
                ? scope(all, toks, f, true) : null;
        int[] bwd = f.trigger.direction == Direction.POST || f.trigger.direction == Direction.BOTH
                ? scope(all, toks, f, false) : null;
        boolean coversA = in(fwd, a) || in(bwd, a);
        boolean coversB = in(fwd, b) || in(bwd, b);
        if (coversA && coversB) {
            return true;
        }
        boolean between = f.from > a && f.to <= b;
        return between && ((in(fwd, b) && fwd != null) || (in(bwd, a) && bwd != null));
    }

    private static boolean in(int[] range, int i) {
        return range != null && range[0] <= i && i < range[1];
    }

    /** Token range {@code [from, to)} of a trigger's scope in one direction. */
    private static int[] scope(List<Found> all, List<Tok> toks, Found f, boolean forward) {
        int window = f.trigger.window <= 0 ? Integer.MAX_VALUE : f.trigger.window;
        int words = 0;
        boolean shortScope = window <= 5;
        if (forward) {
            int i = f.to;
            while (i < toks.size() && words < window && !terminates(all, i) && !(shortScope && toks.get(i).word.equals(","))) {
                if (!toks.get(i).punct) {
                    words++;
                }
                i++;
            }
            return new int[] {f.to, i};
        }
        int i = f.from - 1;
        while (i >= 0 && words < window && !terminates(all, i) && !(shortScope && toks.get(i).word.equals(","))) {
            if (!toks.get(i).punct) {
                words++;
            }
            i--;
        }
        return new int[] {i + 1, f.from};
    }

    private static boolean terminates(List<Found> all, int tokenIndex) {
        for (Found f : all) {
            if (f.trigger.category == Category.TERM && f.from <= tokenIndex && tokenIndex < f.to) {
                return true;
            }
        }
        return false;
    }

    /** Greedy left-to-right, longest phrase first; pseudo-triggers consume their words. */
    private static List<Found> triggers(List<Tok> toks) {
        List<Found> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            Trigger best = null;
            String w = toks.get(i).word;
            List<Trigger> cands = BY_FIRST_WORD.get(w);
            if (cands != null) {
                for (Trigger t : cands) {
                    if ((best == null || t.words.length > best.words.length) && matches(t, toks, i)) {
                        best = t;
                    }
                }
            }
            for (Trigger t : PREFIX_FIRST) {
                if ((best == null || t.words.length > best.words.length) && matches(t, toks, i)) {
                    best = t;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            out.add(new Found(best, i, i + best.words.length));
            i += best.words.length;
        }
        return out;
    }

    private static boolean matches(Trigger t, List<Tok> toks, int at) {
        if (at + t.words.length > toks.size()) {
            return false;
        }
        for (int k = 0; k < t.words.length; k++) {
            String p = t.words[k];
            String w = toks.get(at + k).word;
            if (p.endsWith("*") ? !w.startsWith(p.substring(0, p.length() - 1)) : !p.equals(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cased words (letters, digits, inner hyphens and apostrophes) and punctuation marks; each mention is one word "\u0001". */
    private static List<Tok> tokenize(String s, int aStart, int aEnd, int bStart, int bEnd) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (i == aStart && aEnd > aStart) {
                out.add(new Tok("\u0001", aStart, aEnd, false));
                i = Math.max(aEnd, i + 1);
                continue;
            }
            if (i == bStart && bEnd > bStart) {
                out.add(new Tok("\u0001", bStart, bEnd, false));
                i = Math.max(bEnd, i + 1);
                continue;
            }
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n && j != aStart && j != bStart) {
                    char d = s.charAt(j);
                    if (Character.isLetterOrDigit(d) || ((d == '-' || d == '\'' || d == '\u2019') && j + 1 < n
                            && Character.isLetterOrDigit(s.charAt(j + 1)))) {
                        j++;
                    } else {
                        break;
                    }
                }
                out.add(new Tok(s.substring(i, j).toLowerCase(Locale.ROOT).replace('\u2019', '\''), i, j, false));
                i = j;
            } else if (c == '?' || c == ';' || c == ':' || c == ',' || c == '(' || c == ')' || c == '.') {
                out.add(new Tok(String.valueOf(c), i, i + 1, true));
                i++;
            } else {
                i++;
            }
        }
        return out;
    }
}
