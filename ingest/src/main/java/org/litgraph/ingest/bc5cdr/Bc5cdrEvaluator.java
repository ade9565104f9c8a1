package org.litgraph.ingest.bc5cdr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores predicted BC5CDR annotations against gold ones, as the BioCreative V CDR task did:
 * mentions by exact span and type; concepts per document as the set of (type, MeSH id) with
 * ungrounded ids (-1) left out and composite ids split; CID relations per document as the set of
 * (chemical id, disease id). Micro-averaged over documents.
 *
 * <pre>java ... org.litgraph.ingest.bc5cdr.Bc5cdrEvaluator GOLD.PubTator [PREDICTED.PubTator]</pre>
 * Without a predicted file, the {@link Bc5cdrAnnotator} is run in-process on the gold file's text.
 */
public final class Bc5cdrEvaluator {
    /** Counts for one line of the table. */
    public record Score(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The five scores, by row name, plus the annotation throughput (documents/second; 0 when not measured). */
    public record Report(Map<String, Score> rows, double docsPerSecond, int documents) {
        public Score get(String row) {
            return rows.get(row);
        }

        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s %7s %7s %7s%n", "", "TP", "FP", "FN", "P", "R", "F"));
            rows.forEach((name, s) -> sb.append(String.format(Locale.ROOT, "%-18s %6d %6d %6d %7.4f %7.4f %7.4f%n",
                    name, s.tp(), s.fp(), s.fn(), s.precision(), s.recall(), s.f1())));
            sb.append(String.format(Locale.ROOT, "documents %d", documents));
            if (docsPerSecond > 0) {
                sb.append(String.format(Locale.ROOT, ", annotation throughput %.0f docs/s (one thread, after warm-up)", docsPerSecond));
            }
            return sb.append('\n').toString();
        }
    }

    public static final String CHEMICAL_MENTION = "Chemical mention";
    public static final String DISEASE_MENTION = "Disease mention";
    public static final String CHEMICAL_CONCEPT = "Chemical concept";
    public static final String DISEASE_CONCEPT = "Disease concept";
    public static final String CID_RELATION = "CID relation";

    private Bc5cdrEvaluator() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: Bc5cdrEvaluator GOLD.PubTator [PREDICTED.PubTator]");
            System.exit(2);
        }
        Report r = args.length > 1 ? evaluate(Path.of(args[0]), Path.of(args[1])) : evaluate(Path.of(args[0]));
        System.out.print(r.table());
    }

    /** Scores a predicted PubTator file against the gold one. */
    public static Report evaluate(Path gold, Path predicted) {
        return score(PubTator.read(gold), PubTator.read(predicted), 0);
    }

    /** Runs the annotator on the gold file's text (warm-up pass first) and scores it. */
    public static Report evaluate(Path gold) {
        List<PubTator.Doc> docs = PubTator.read(gold);
        Bc5cdrAnnotator annotator = Bc5cdrAnnotator.standard();
        for (PubTator.Doc d : docs) { // warm-up
            annotator.annotate(d);
        }
        List<PubTator.Doc> predicted = new ArrayList<>(docs.size());
        long t0 = System.nanoTime();
        for (PubTator.Doc d : docs) {
            predicted.add(annotator.annotate(d));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return score(docs, predicted, docs.size() / seconds);
    }

    static Report score(List<PubTator.Doc> gold, List<PubTator.Doc> predicted, double docsPerSecond) {
        Map<String, PubTator.Doc> byPmid = new HashMap<>();
        predicted.forEach(d -> byPmid.put(d.pmid(), d));
        int[][] c = new int[5][3];
        for (PubTator.Doc g : gold) {
            PubTator.Doc p = byPmid.get(g.pmid());
            List<PubTator.Annotation> pa = p == null ? List.of() : p.annotations();
            List<PubTator.Relation> pr = p == null ? List.of() : p.relations();
            count(c[0], mentions(g.annotations(), "Chemical"), mentions(pa, "Chemical"));
            count(c[1], mentions(g.annotations(), "Disease"), mentions(pa, "Disease"));
            count(c[2], concepts(g.annotations(), "Chemical"), concepts(pa, "Chemical"));
            count(c[3], concepts(g.annotations(), "Disease"), concepts(pa, "Disease"));
            count(c[4], relations(g.relations()), relations(pr));
        }
        Map<String, Score> rows = new LinkedHashMap<>();
        String[] names = {CHEMICAL_MENTION, DISEASE_MENTION, CHEMICAL_CONCEPT, DISEASE_CONCEPT, CID_RELATION};
        for (int i = 0; i < 5; i++) {
            rows.put(names[i], new Score(c[i][0], c[i][1], c[i][2]));
        }
        return new Report(rows, docsPerSecond, gold.size());
    }

    private static void count(int[] c, Set<String> gold, Set<String> predicted) {
        for (String p : predicted) {
            if (gold.contains(p)) {
                c[0]++;
            } else {
                c[1]++;
            }
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                c[2]++;
            }
        }
    }

    private static Set<String> mentions(List<PubTator.Annotation> anns, String type) {
        Set<String> out = new HashSet<>();
        for (PubTator.Annotation a : anns) {
            if (type.equals(a.type())) {
                out.add(a.start() + ":" + a.end());
            }
        }
        return out;
    }

    private static Set<String> concepts(List<PubTator.Annotation> anns, String type) {
        Set<String> out = new HashSet<>();
        for (PubTator.Annotation a : anns) {
            if (type.equals(a.type())) {
                for (String id : a.ids()) {
                    if (!id.equals("-1") && !id.isBlank()) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> relations(List<PubTator.Relation> rels) {
        Set<String> out = new HashSet<>();
        for (PubTator.Relation r : rels) {
            if ("CID".equals(r.type())) {
                out.add(r.chemical() + "\t" + r.disease());
            }
        }
        return out;
    }
}
