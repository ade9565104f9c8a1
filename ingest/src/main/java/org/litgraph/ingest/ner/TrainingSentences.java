package org.litgraph.ingest.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.litgraph.ingest.ner.NerCorpus.Doc;
import org.litgraph.ingest.ner.NerCorpus.Gold;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * Annotated documents cut into sentences, tokenised and turned into feature names and BIO labels
 * (per model family), exactly as the tagger will see them at run time.
 */
final class TrainingSentences {
    /** One sentence: token offsets, feature names per token, gold mentions inside it. */
    record Sent(Doc doc, int from, int to, int[] starts, int[] ends, String[][] features, List<Gold> gold) {
        int size() {
            return starts.length;
        }

        /** BIO labels for the given types ("O", "B-Chemical", "I-Chemical", ...); overlapping mentions: the first, longest wins. */
        String[] labels(List<EntityType> types) {
            String[] out = new String[starts.length];
            Arrays.fill(out, "O");
            List<Gold> sorted = new ArrayList<>(gold);
            sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : Integer.compare(b.end(), a.end()));
            for (Gold g : sorted) {
                if (!types.contains(g.type())) {
                    continue;
                }
                int first = -1;
                int last = -1;
                for (int t = 0; t < starts.length; t++) {
                    if (starts[t] < g.end() && ends[t] > g.start()) {
                        if (first < 0) {
                            first = t;
                        }
                        last = t;
                    }
                }
                if (first < 0) {
                    continue;
                }
                boolean free = true;
                for (int t = first; t <= last; t++) {
                    free &= out[t].equals("O");
                }
                if (!free) {
                    continue;
                }
                out[first] = "B-" + g.type().label();
                for (int t = first + 1; t <= last; t++) {
                    out[t] = "I-" + g.type().label();
                }
            }
            return out;
        }
    }

    private TrainingSentences() {
    }

    /** The sentences of the documents, features built with the matcher (null: no dictionary features). */
    static List<Sent> of(List<Doc> docs, DictionaryMatcher matcher, Map<String, String> pool) {
        List<Sent> out = new ArrayList<>();
        Encoded enc = new Encoded();
        StringBuilder b = new StringBuilder(64);
        for (Doc d : docs) {
            DocumentContext ctx = Encoded.context(d.text(), matcher);
            for (int[] range : sentences(d)) {
                enc.encode(d.text(), range[0], range[1], matcher, ctx);
                int n = enc.size;
                if (n == 0) {
                    continue;
                }
                int[] starts = new int[n];
                int[] ends = new int[n];
                for (int t = 0; t < n; t++) {
                    starts[t] = enc.tokens.start(t);
                    ends[t] = enc.tokens.end(t);
                }
                String[][] features = features(d.text(), enc, b, pool);
                List<Gold> gold = new ArrayList<>();
                for (Gold g : d.mentions()) {
                    if (g.start() >= range[0] && g.end() <= range[1]) {
                        gold.add(g);
                    }
                }
                out.add(new Sent(d, range[0], range[1], starts, ends, features, gold));
            }
        }
        return out;
    }

    /** All feature names of each token of an encoded sentence, de-duplicated, in generation order. */
    static String[][] features(CharSequence text, Encoded enc, StringBuilder b, Map<String, String> pool) {
        int n = enc.size;
        String[][] out = new String[n][];
        Set<String> names = new LinkedHashSet<>();
        Features.Sink sink = name -> {
            String s = name.toString();
            names.add(pool == null ? s : pool.computeIfAbsent(s, k -> k));
        };
        NerTokenizer.Spans tk = enc.tokens;
        for (int t = 0; t < n; t++) {
            names.clear();
            Features.intrinsic(text, tk.start(t), tk.end(t), b, sink);
            for (int o : Features.CONTEXT_OFFSETS) {
                // the neighbour at t + o contributes its context features for offset o
                int nb = t + o;
                if (nb < 0 || nb >= n) {
                    Features.edge(o, b, sink);
                } else {
                    Features.context(text, tk.start(nb), tk.end(nb), o, b, sink);
                }
            }
            Features.bigrams(text, tk, 0, n - 1, t, b, sink);
            Features.document(enc.dict, enc.abbr, t, n, b, sink);
            out[t] = names.toArray(new String[0]);
        }
        return out;
    }

    /** Sentence ranges of a document; sentences a gold mention crosses are joined. */
    static List<int[]> sentences(Doc d) {
        List<Sentence> ss = SentenceSplitter.split(d.text());
        List<int[]> out = new ArrayList<>();
        for (Sentence s : ss) {
            int[] r = {s.start(), s.end()};
            if (!out.isEmpty()) {
                int[] prev = out.get(out.size() - 1);
                boolean crossed = false;
                for (Gold g : d.mentions()) {
                    if (g.start() < prev[1] && g.end() > prev[1] || g.start() < r[0] && g.end() > r[0] && g.start() >= prev[0]) {
                        crossed = true;
                        break;
                    }
                }
                if (crossed) {
                    prev[1] = r[1];
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    static Map<String, String> newPool() {
        return new HashMap<>(1 << 20);
    }
}
