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
    /** Triggers whose first word is a prefix ("suggest*"), by that prefix's first three letters. */
    private static final Map<String, List<Trigger>> BY_PREFIX = new HashMap<>();

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
                    if (words[0].length() < 4) {
                        throw new IllegalStateException(TRIGGERS + " line " + n + ": a prefix needs three letters at least");
                    }
                    BY_PREFIX.computeIfAbsent(words[0].substring(0, 3), k -> new ArrayList<>()).add(t);
                } else {
                    BY_FIRST_WORD.computeIfAbsent(words[0], k -> new ArrayList<>()).add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A word of the sentence: its lower-cased text and character range; punctuation marks are words too. */
    private record Tok(String word, int start, int end, boolean punct) {
    }

    /** A trigger found in a sentence, over tokens {@code [from, to)}. */
    private record Found(Trigger trigger, int from, int to) {
    }

    /**
     * One sentence's words and the triggers in it, independent of any mention: analyse a sentence once,
     * then ask {@link #of(Sentence, int, int, int, int)} for each pair of mentions in it.
     */
    public static final class Sentence {
        private final List<Tok> toks;
        private final List<Found> found;
        private final boolean any;

        private Sentence(List<Tok> toks, List<Found> found) {
            this.toks = toks;
            this.found = found;
            boolean a = false;
            for (Found f : found) {
                a |= f.trigger.category == Category.NEG || f.trigger.category == Category.HEDGE;
            }
            this.any = a;
        }
    }

    /** The words and triggers of a sentence. */
    public static Sentence analyse(String sentence) {
        List<Tok> toks = tokenize(sentence);
        return new Sentence(toks, triggers(toks));
    }

    /**
     * The modality of a statement whose mentions are {@code [aStart, aEnd)} and {@code [bStart, bEnd)}
     * of {@code sentence} (offsets relative to the sentence).
     */
    public static Modality of(String sentence, int aStart, int aEnd, int bStart, int bEnd) {
        return of(analyse(sentence), aStart, aEnd, bStart, bEnd);
    }

    /** The same, over a sentence analysed before (offsets relative to that sentence). */
    public static Modality of(Sentence s, int aStart, int aEnd, int bStart, int bEnd) {
        if (!s.any) {
            return NONE;
        }
        if (aStart > bStart) {
            return of(s, bStart, bEnd, aStart, aEnd);
        }
        int[] a = tokenRange(s.toks, aStart, aEnd);
        int[] b = tokenRange(s.toks, bStart, bEnd);
        String neg = null;
        String hedge = null;
        for (Found f : s.found) {
            Category c = f.trigger.category;
            if (((c == Category.NEG && neg == null) || (c == Category.HEDGE && hedge == null))
                    && !(f.from <= a[1] && a[0] < f.to) && !(f.from <= b[1] && b[0] < f.to)
                    && affects(s, f, a, b)) {
                if (c == Category.NEG) {
                    neg = f.trigger.phrase;
                } else {
                    hedge = f.trigger.phrase;
                }
            }
        }
        return neg == null && hedge == null ? NONE : new Modality(neg != null, hedge != null, neg, hedge);
    }

    /** The modality of one mention alone (an event's trigger, an entity) in its sentence. */
    public static Modality of(String sentence, int start, int end) {
        return of(sentence, start, end, start, end);
    }

    /** First and last token index {@code [first, last]} covering a character range (an empty range: the next token). */
    private static int[] tokenRange(List<Tok> toks, int start, int end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.start < end && start < t.end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            } else if (t.start >= end) {
                break;
            }
        }
        if (first < 0) {
            int i = 0;
            while (i < toks.size() && toks.get(i).end <= start) {
                i++;
            }
            first = i;
            last = i;
        }
        return new int[] {first, last};
    }

    /** Whether the trigger's scope covers both mentions, or it stands between them and reaches the one on its side. */
    private static boolean affects(Sentence s, Found f, int[] a, int[] b) {
        boolean pre = f.trigger.direction == Direction.PRE || f.trigger.direction == Direction.BOTH;
        boolean post = f.trigger.direction == Direction.POST || f.trigger.direction == Direction.BOTH;
        int[] fwd = pre ? scope(s, f, true, a, b) : null;
        int[] bwd = post ? scope(s, f, false, a, b) : null;
        boolean coversA = reaches(fwd, a) || reaches(bwd, a);
        boolean coversB = reaches(fwd, b) || reaches(bwd, b);
        if (coversA && coversB) {
            return true;
        }
        boolean between = f.from > a[1] && f.to <= b[0];
        return between && (reaches(fwd, b) || reaches(bwd, a));
    }

    private static boolean reaches(int[] range, int[] mention) {
        return range != null && range[0] <= mention[1] && mention[0] < range[1];
    }

    /** Token range {@code [from, to)} of a trigger's scope in one direction; a mention's words count as one. */
    private static int[] scope(Sentence s, Found f, boolean forward, int[] a, int[] b) {
        int window = f.trigger.window <= 0 ? Integer.MAX_VALUE : f.trigger.window;
        boolean shortScope = window <= 5;
        List<Tok> toks = s.toks;
        int words = 0;
        int step = forward ? 1 : -1;
        int i = forward ? f.to : f.from - 1;
        while (i >= 0 && i < toks.size() && words < window && !terminates(s.found, i)
                && !(shortScope && toks.get(i).word.equals(","))) {
            Tok t = toks.get(i);
            boolean inA = a[0] <= i && i <= a[1];
            boolean inB = b[0] <= i && i <= b[1];
            if (inA || inB) {
                words++;
                i = forward ? (inA ? a[1] : b[1]) + 1 : (inA ? a[0] : b[0]) - 1;
                continue;
            }
            if (!t.punct) {
                words++;
            }
            i += step;
        }
        return forward ? new int[] {f.to, i} : new int[] {i + 1, f.from};
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
            List<Trigger> prefixed = w.length() >= 3 ? BY_PREFIX.get(w.substring(0, 3)) : null;
            if (prefixed != null) {
                for (Trigger t : prefixed) {
                    if ((best == null || t.words.length > best.words.length) && matches(t, toks, i)) {
                        best = t;
                    }
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

    /** Lower-cased words (letters, digits, inner hyphens and apostrophes) and punctuation marks. */
    private static List<Tok> tokenize(String s) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    if (Character.isLetterOrDigit(d) || ((d == '-' || d == '\'' || d == '\u2019') && j + 1 < n
                            && Character.isLetterOrDigit(s.charAt(j + 1)))) {
                        j++;
                    } else {
                        break;
                    }
                }
                out.add(new Tok(lower(s, i, j), i, j, false));
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

    private static String lower(String s, int from, int to) {
        boolean plain = true;
        for (int k = from; k < to && plain; k++) {
            char c = s.charAt(k);
            plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }
        String w = s.substring(from, to);
        return plain ? w : w.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
