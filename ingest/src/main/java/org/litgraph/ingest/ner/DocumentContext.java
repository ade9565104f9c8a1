package org.litgraph.ingest.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.litgraph.ingest.ner.Abbreviations.Abbreviation;

/**
 * What the tagger knows about one document: its abbreviation definitions, where each defined short
 * form occurs, and, once the sentence defining it has been tagged, the entity its long form was
 * grounded to, so later occurrences of the short form resolve to the same entity. Made by
 * {@link MentionFinder#context(String)}; one per document, not shared between threads.
 */
public final class DocumentContext {
    private final String text;
    private final List<Abbreviation> abbreviations;
    /** Sorted, non-overlapping [start, end, abbreviation index] of short-form occurrences. */
    private final int[] occurrences;
    private final int occurrenceCount;
    /** Dictionary categories (bit per DictionaryMatcher.CATEGORIES index) the long form of each abbreviation ended with. */
    private final int[] longFormKinds;
    private final Map<String, FoundMention> resolved = new HashMap<>();
    /** Bracketed codes after a name ({@link Abbreviations#aliases}); not features, resolved by the mention before them. */
    private final List<Abbreviation> aliases;
    private final int[] aliasOccurrences;

    DocumentContext(String text, List<Abbreviation> abbreviations, int[] longFormKinds) {
        this(text, abbreviations, longFormKinds, List.of());
    }

    DocumentContext(String text, List<Abbreviation> abbreviations, int[] longFormKinds, List<Abbreviation> aliases) {
        this.text = text;
        this.abbreviations = List.copyOf(abbreviations);
        this.longFormKinds = longFormKinds;
        this.aliases = List.copyOf(aliases);
        this.aliasOccurrences = occurrences(text, this.aliases);
        this.occurrences = occurrences(text, this.abbreviations);
        this.occurrenceCount = occurrences.length / 3;
    }

    /** Sorted, non-overlapping [start, end, index] of the whole-word occurrences of the short forms (and their plurals). */
    private static int[] occurrences(String text, List<Abbreviation> abbreviations) {
        if (abbreviations.isEmpty()) {
            return new int[0];
        }
        List<int[]> occ = new ArrayList<>();
        for (int a = 0; a < abbreviations.size(); a++) {
            String sf = abbreviations.get(a).shortForm();
            int i = text.indexOf(sf);
            while (i >= 0) {
                int end = i + sf.length();
                if (end < text.length() && text.charAt(end) == 's' && (end + 1 == text.length()
                        || !Character.isLetterOrDigit(text.charAt(end + 1)))) {
                    end++; // plural short form: "NSAIDs"
                }
                boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (before && after) {
                    occ.add(new int[] {i, end, a});
                }
                i = text.indexOf(sf, i + 1);
            }
        }
        occ.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        int[] flat = new int[occ.size() * 3];
        int n = 0;
        int lastEnd = -1;
        for (int[] o : occ) {
            if (o[0] >= lastEnd) {
                flat[n * 3] = o[0];
                flat[n * 3 + 1] = o[1];
                flat[n * 3 + 2] = o[2];
                lastEnd = o[1];
                n++;
            }
        }
        return Arrays.copyOf(flat, n * 3);
    }

    /** Bracketed codes that may name the mention before them. */
    List<Abbreviation> aliases() {
        return aliases;
    }

    /** Alias occurrences inside [from, to): {start, end, alias index} triples, in text order. */
    List<int[]> aliasOccurrencesIn(int from, int to) {
        List<int[]> out = new ArrayList<>(0);
        for (int i = 0; i < aliasOccurrences.length; i += 3) {
            if (aliasOccurrences[i] >= from && aliasOccurrences[i + 1] <= to) {
                out.add(new int[] {aliasOccurrences[i], aliasOccurrences[i + 1], aliasOccurrences[i + 2]});
            }
        }
        return out;
    }

    /** A context without abbreviations (a lone sentence). */
    static DocumentContext empty(String text) {
        return new DocumentContext(text, List.of(), new int[0]);
    }

    public String text() {
        return text;
    }

    /** The abbreviation definitions found in the document (Schwartz-Hearst), in text order. */
    public List<Abbreviation> abbreviations() {
        return abbreviations;
    }

    int longFormKinds(int abbreviation) {
        return longFormKinds[abbreviation];
    }

    /** The index of the abbreviation whose short form occurs exactly at [start, end), or -1. */
    int shortFormAt(int start, int end) {
        int i = firstOccurrenceEndingAfter(start);
        if (i < occurrenceCount && occurrences[i * 3] == start && occurrences[i * 3 + 1] == end) {
            return occurrences[i * 3 + 2];
        }
        return -1;
    }

    /** The abbreviation whose short-form occurrence covers offset {@code at}, or -1. */
    int shortFormCovering(int at) {
        int i = firstOccurrenceEndingAfter(at);
        if (i < occurrenceCount && occurrences[i * 3] <= at) {
            return occurrences[i * 3 + 2];
        }
        return -1;
    }

    /** The abbreviation whose long form covers offset {@code at}, or -1. */
    int longFormCovering(int at) {
        for (int a = 0; a < abbreviations.size(); a++) {
            Abbreviation ab = abbreviations.get(a);
            if (ab.longStart() <= at && at < ab.longEnd()) {
                return a;
            }
        }
        return -1;
    }

    /** Short-form occurrences inside [from, to): {start, end, abbreviation} triples, in text order. */
    List<int[]> occurrencesIn(int from, int to) {
        List<int[]> out = new ArrayList<>(2);
        for (int i = firstOccurrenceEndingAfter(from); i < occurrenceCount && occurrences[i * 3] < to; i++) {
            if (occurrences[i * 3] >= from && occurrences[i * 3 + 1] <= to) {
                out.add(new int[] {occurrences[i * 3], occurrences[i * 3 + 1], occurrences[i * 3 + 2]});
            }
        }
        return out;
    }

    private int firstOccurrenceEndingAfter(int at) {
        int lo = 0;
        int hi = occurrenceCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (occurrences[mid * 3 + 1] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Records the mention a long form was tagged and grounded as, for its short form. */
    void resolve(String shortForm, FoundMention longForm) {
        resolved.putIfAbsent(shortForm, longForm);
    }

    /** The grounded long form of a short form, once its defining sentence has been tagged. */
    FoundMention resolved(String shortForm) {
        return resolved.get(shortForm);
    }
}
