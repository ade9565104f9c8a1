package org.litgraph.ingest.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;

/**
 * Finds the lexicon's names in tokenised text by their {@link NameKeys normalised keys}: longest
 * match first, left to right, no overlaps. As in the lexicon's own recogniser, a short all-capital
 * name (an abbreviation such as "ALL" or "RA") matches only text with the same capitals and digits.
 * Besides entity names it may hold names of known non-entities (anatomy, organisms, procedures):
 * they are dictionary features for the tagger and stop a shorter entity name inside them from
 * matching ("bone marrow transplantation" is a procedure), but ground nothing.
 * The names are hashed into one primitive table (keys of every name prefix, so a scan stops as soon
 * as no name continues), which keeps a lexicon of several hundred thousand names small and fast.
 */
public final class DictionaryMatcher {
    static final int MAX_TOKENS = 16;
    /** Dictionary categories: the entity kinds (in {@link EntityKind} order), then the non-entity categories. */
    static final List<String> CATEGORIES;
    static final List<String> NON_ENTITY = List.of("anatomy", "organism", "procedure");

    static {
        List<String> c = new ArrayList<>();
        for (EntityKind k : EntityKind.values()) {
            c.add(k.toString());
        }
        c.addAll(NON_ENTITY);
        CATEGORIES = List.copyOf(c);
    }

    private static final Pattern ABBREVIATION = Pattern.compile("[\\p{Lu}\\d][\\p{Lu}\\d\\-/]{0,7}s?");
    private static final int PREFIX = -1;

    private final Lexicon lexicon;
    private final LexiconEntry[] entries;
    private final LongIntMap table;
    /** For key value v >= 0: targets targetStart[v] .. targetStart[v + 1] - 1; a target < 0 is non-entity category -1 - t. */
    private final int[] targetStart;
    private final int[] targetEntry;
    private final String[] targetExact;

    /**
     * One match: tokens {@code [first, last]} of the scanned range, the entries the name belongs to
     * (empty for a non-entity name) and its categories (bit per {@link #CATEGORIES} index).
     */
    public record Match(int first, int last, int start, int end, List<LexiconEntry> entries, int categories) {
        public boolean has(EntityKind kind) {
            for (LexiconEntry e : entries) {
                if (e.kind() == kind) {
                    return true;
                }
            }
            return false;
        }
    }

    public DictionaryMatcher(Lexicon lexicon) {
        this(lexicon, Map.of());
    }

    /** A matcher over the lexicon's entities and the names of known non-entities, by category ({@link #NON_ENTITY}). */
    public DictionaryMatcher(Lexicon lexicon, Map<String, ? extends Collection<String>> nonEntityNames) {
        this.lexicon = lexicon;
        this.entries = lexicon.entries().toArray(new LexiconEntry[0]);
        Builder b = new Builder(entries.length * 4);
        for (int ei = 0; ei < entries.length; ei++) {
            LexiconEntry e = entries[ei];
            List<String> names = new ArrayList<>(Lexicon.namesOf(e));
            for (String name : Lexicon.namesOf(e)) {
                // a hyphenated name also matches written as one word ("TNF-alpha" as "TNFalpha" or "TNF\u03b1")
                if (name.indexOf('-') > 0 && name.indexOf(' ') < 0) {
                    names.add(name.replace("-", ""));
                }
            }
            for (String name : names) {
                b.add(name, ei);
            }
        }
        for (var e : nonEntityNames.entrySet()) {
            int category = NON_ENTITY.indexOf(e.getKey());
            if (category < 0) {
                continue;
            }
            for (String name : e.getValue()) {
                b.add(name, -1 - (EntityKind.values().length + category));
            }
        }
        this.table = b.keys;
        int total = 0;
        for (int[] t : b.targets) {
            total += t.length;
        }
        targetStart = new int[b.targets.size() + 1];
        targetEntry = new int[total];
        targetExact = new String[total];
        int at = 0;
        for (int v = 0; v < b.targets.size(); v++) {
            targetStart[v] = at;
            int[] t = b.targets.get(v);
            for (int k = 0; k < t.length; k++) {
                targetEntry[at] = t[k];
                targetExact[at] = b.exacts.get(v).get(k);
                at++;
            }
        }
        targetStart[b.targets.size()] = at;
    }

    private static final class Builder {
        final LongIntMap keys;
        final List<int[]> targets = new ArrayList<>();
        final List<List<String>> exacts = new ArrayList<>();
        final NerTokenizer.Spans spans = new NerTokenizer.Spans(32);
        long[] tk = new long[64];

        Builder(int expected) {
            keys = new LongIntMap(expected);
        }

        void add(String name, int target) {
            spans.clear();
            int n = NerTokenizer.tokenize(name, 0, name.length(), spans);
            if (n == 0 || n > 64) {
                return;
            }
            NameKeys.tokenKeys(name, spans, 0, n, tk);
            int counted = 0;
            long h = NameKeys.SEED;
            for (int i = 0; i < n; i++) {
                if (tk[i] == 0) {
                    continue;
                }
                if (counted > 0 && keys.get(h) == LongIntMap.ABSENT) {
                    keys.put(h, PREFIX);
                }
                h = NameKeys.combine(h, tk[i]);
                counted++;
            }
            if (counted == 0 || counted > MAX_TOKENS) {
                return;
            }
            String exact = isAbbreviation(name) ? letters(name) : null;
            int v = keys.get(h);
            if (v == LongIntMap.ABSENT || v == PREFIX) {
                v = targets.size();
                targets.add(new int[0]);
                exacts.add(new ArrayList<>(1));
                keys.put(h, v);
            }
            int[] t = targets.get(v);
            for (int k = 0; k < t.length; k++) {
                if (t[k] == target && java.util.Objects.equals(exacts.get(v).get(k), exact)) {
                    return;
                }
            }
            int[] grown = Arrays.copyOf(t, t.length + 1);
            grown[t.length] = target;
            targets.set(v, grown);
            exacts.get(v).add(exact);
        }
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    static boolean isAbbreviation(String name) {
        String n = name.strip();
        return n.length() <= 8 && ABBREVIATION.matcher(n).matches() && n.chars().anyMatch(Character::isUpperCase);
    }

    /** Letters and digits of a name, a final lower-case plural s dropped. */
    static String letters(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        int n = sb.length();
        if (n > 2 && sb.charAt(n - 1) == 's') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    /**
     * The entries whose name has this normalised key, restricted by the abbreviation rule against
     * {@code surface}; non-entity categories into {@code categories[0]} when given.
     */
    List<LexiconEntry> lookup(long key, CharSequence surface, int[] categories) {
        int v = table.get(key);
        if (v < 0) {
            return List.of();
        }
        List<LexiconEntry> out = null;
        String surfaceLetters = null;
        for (int k = targetStart[v]; k < targetStart[v + 1]; k++) {
            String exact = targetExact[k];
            if (exact != null) {
                if (surfaceLetters == null) {
                    surfaceLetters = letters(surface);
                }
                if (!exact.equals(surfaceLetters)) {
                    continue;
                }
            }
            int t = targetEntry[k];
            if (t < 0) {
                if (categories != null) {
                    categories[0] |= 1 << (-1 - t);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(2);
            }
            LexiconEntry e = entries[t];
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The entries a whole name resolves to (any kind), by its normalised key. */
    public List<LexiconEntry> lookup(String name) {
        long key = NameKeys.key(name);
        return key == 0 ? List.of() : lookup(key, name, null);
    }

    /**
     * The entries a whole name resolves to without the capitals rule for short names (for a span
     * the tagger already typed: mouse "Sox2" is the gene SOX2).
     */
    List<LexiconEntry> lookupAnyCase(String name) {
        long key = NameKeys.key(name);
        if (key == 0) {
            return List.of();
        }
        int v = table.get(key);
        if (v < 0) {
            return List.of();
        }
        List<LexiconEntry> out = new ArrayList<>(2);
        for (int k = targetStart[v]; k < targetStart[v + 1]; k++) {
            int t = targetEntry[k];
            if (t >= 0 && !out.contains(entries[t])) {
                out.add(entries[t]);
            }
        }
        return out;
    }

    /**
     * Matches in tokens {@code [from, to)} of {@code text}; {@code keys[i - from]} are the tokens'
     * normalised keys ({@link NameKeys#tokenKeys}).
     */
    List<Match> find(CharSequence text, NerTokenizer.Spans tokens, int from, int to, long[] keys) {
        List<Match> out = null;
        int[] cat = new int[1];
        int i = from;
        while (i < to) {
            if (keys[i - from] == 0) {
                i++;
                continue;
            }
            long h = NameKeys.SEED;
            int bestLast = -1;
            List<LexiconEntry> best = null;
            int bestCategories = 0;
            int counted = 0;
            for (int j = i; j < to && counted < MAX_TOKENS; j++) {
                long k = keys[j - from];
                if (k == 0) {
                    continue;
                }
                h = NameKeys.combine(h, k);
                counted++;
                int v = table.get(h);
                if (v == LongIntMap.ABSENT) {
                    break;
                }
                if (v >= 0) {
                    cat[0] = 0;
                    List<LexiconEntry> found = lookup(h, text.subSequence(tokens.start(i), tokens.end(j)), cat);
                    if (!found.isEmpty() || cat[0] != 0) {
                        int categories = cat[0];
                        for (LexiconEntry e : found) {
                            categories |= 1 << e.kind().ordinal();
                        }
                        best = found;
                        bestCategories = categories;
                        bestLast = j;
                    }
                }
            }
            if (best != null) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new Match(i, bestLast, tokens.start(i), tokens.end(bestLast), best, bestCategories));
                i = bestLast + 1;
            } else {
                i++;
            }
        }
        return out == null ? List.of() : out;
    }
}
