package org.litgraph.ingest.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.ingest.lexicon.Mention;

/**
 * The token sequence and the per-token context features the argument tagger reads, built the
 * same way at training and at tagging time: words, numbers and single punctuation marks (a
 * hyphen splits "drug-induced"), each with the kind of lexicon mention covering it and its
 * neighbours' kinds.
 */
final class TaggerTokens {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9]*|\\d+(?:[.,]\\d+)*|[^\\sA-Za-z0-9]");

    final String[] words;
    final int[] starts;
    final int[] ends;
    final String[][] context;

    private TaggerTokens(String[] words, int[] starts, int[] ends, String[][] context) {
        this.words = words;
        this.starts = starts;
        this.ends = ends;
        this.context = context;
    }

    int size() {
        return words.length;
    }

    /** Tokens of {@code text[from, to)} with offsets into {@code text}; mentions in the same offsets. */
    static TaggerTokens of(String text, int from, int to, List<Mention> mentions) {
        List<String> w = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        while (m.find()) {
            w.add(m.group());
            at.add(new int[] {m.start(), m.end()});
        }
        int n = w.size();
        String[] words = w.toArray(new String[0]);
        int[] starts = new int[n];
        int[] ends = new int[n];
        String[] kind = new String[n];
        boolean[] first = new boolean[n];
        for (int i = 0; i < n; i++) {
            starts[i] = at.get(i)[0];
            ends[i] = at.get(i)[1];
        }
        for (Mention mention : mentions) {
            boolean begun = false;
            for (int i = 0; i < n; i++) {
                if (starts[i] < mention.end() && mention.start() < ends[i] && kind[i] == null) {
                    kind[i] = mention.entry().kind().name();
                    first[i] = !begun;
                    begun = true;
                }
            }
        }
        String[][] context = new String[n][];
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>(6);
            String k = kind[i] == null ? "O" : kind[i];
            f.add("lex=" + k);
            if (kind[i] != null) {
                f.add("lex" + (first[i] ? "B" : "I") + "=" + k);
            }
            f.add("lex-1=" + (i > 0 && kind[i - 1] != null ? kind[i - 1] : "O"));
            f.add("lex+1=" + (i + 1 < n && kind[i + 1] != null ? kind[i + 1] : "O"));
            f.add("lex-2=" + (i > 1 && kind[i - 2] != null ? kind[i - 2] : "O"));
            f.add("lex+2=" + (i + 2 < n && kind[i + 2] != null ? kind[i + 2] : "O"));
            context[i] = f.toArray(new String[0]);
        }
        return new TaggerTokens(words, starts, ends, context);
    }

    /** The first and one-past-last token overlapping {@code [s, e)}, or null when none does. */
    int[] tokenSpan(int s, int e) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < words.length; i++) {
            if (starts[i] < e && s < ends[i]) {
                if (a < 0) {
                    a = i;
                }
                b = i + 1;
            }
        }
        return a < 0 ? null : new int[] {a, b};
    }
}
