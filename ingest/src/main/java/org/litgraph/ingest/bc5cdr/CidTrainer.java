package org.litgraph.ingest.bc5cdr;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconBuilder;

/**
 * Trains the CID relation model on the BC5CDR <em>training</em> set only, with the annotator's own
 * (predicted) mentions, and writes {@link CidModel#RESOURCE}: logistic regression by full-batch
 * Newton steps (fixed count, fixed order: deterministic), decision threshold chosen by
 * 5-fold cross-validation inside the training set. Priors are counted leave-one-document-out.
 *
 * <pre>java ... org.litgraph.ingest.bc5cdr.CidTrainer SHARED_DIR OUTPUT_TSV</pre>
 */
public final class CidTrainer {
    private static final int NEWTON_STEPS = 20;
    private static final double L2 = 1e-3;
    static final int FOLDS = 5;
    static final boolean FALLBACK = true;

    private CidTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("litgraph.shared", "../shared"));
        Path out = Path.of(args.length > 1 ? args[1] : "ingest/src/main/resources/" + CidModel.RESOURCE);
        List<PubTator.Doc> training = PubTator.read(shared.resolve("data/bc5cdr/CDR_TrainingSet.PubTator.txt"));
        Map<String, String> trees = diseaseTrees(shared);
        Bc5cdrAnnotator annotator = new Bc5cdrAnnotator(Lexicon.defaultLexicon(), null);
        double[] cv = new double[1];
        CidModel m = train(training, outOfFold(shared, training, FOLDS), annotator.lexicon(), trees, cv);
        write(out, m.weights, m.threshold, m.fallback, cv[0], m.priors, trees);
        System.out.printf(Locale.ROOT, "threshold %.2f, 5-fold CV relation F1 on training %.4f -> %s%n", m.threshold, cv[0], out);
    }

    /** Trains on these documents with the annotator's mentions; {@code cvF1[0]} receives the inner CV F1. */
    static CidModel train(List<PubTator.Doc> training, Bc5cdrAnnotator annotator, Map<String, String> trees, double[] cvF1) {
        List<Analysis> analyses = new ArrayList<>();
        for (PubTator.Doc d : training) {
            analyses.add(annotator.analyse(d.title(), d.abstractText()));
        }
        return train(training, analyses, annotator.lexicon(), trees, cvF1);
    }

    /**
     * Each document analysed with names learned from the other folds only, so the model is trained on
     * mentions as imperfect as those it will see on new text.
     */
    static List<Analysis> outOfFold(Path shared, List<PubTator.Doc> docs, int folds) throws IOException {
        Analysis[] out = new Analysis[docs.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<PubTator.Doc> rest = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (i % folds != fold) {
                    rest.add(docs.get(i));
                }
            }
            LexiconBuilder.Benchmark b = LexiconBuilder.benchmark(shared, rest);
            Bc5cdrAnnotator a = new Bc5cdrAnnotator(b.lexicon(), b.prefer(), b.block(), null);
            for (int i = fold; i < docs.size(); i += folds) {
                out[i] = a.analyse(docs.get(i).title(), docs.get(i).abstractText());
            }
        }
        return List.of(out);
    }

    /** Trains on these documents with the given analyses (one per document); {@code cvF1[0]} receives the inner CV F1. */
    static CidModel train(List<PubTator.Doc> training, List<Analysis> analyses, Lexicon lexicon, Map<String, String> trees,
                          double[] cvF1) {
        CidModel.Priors priors = CidModel.Priors.empty();
        training.forEach(d -> priors.add(d, 1));

        List<List<CidModel.Candidate>> cands = new ArrayList<>();
        List<Set<String>> gold = new ArrayList<>();
        for (int k = 0; k < training.size(); k++) {
            PubTator.Doc d = training.get(k);
            priors.add(d, -1);
            cands.add(CidModel.candidates(analyses.get(k), lexicon, priors, trees));
            priors.add(d, 1);
            Set<String> g = new HashSet<>();
            d.relations().forEach(r -> g.add("MESH:" + r.chemical() + "\t" + "MESH:" + r.disease()));
            gold.add(g);
        }
        // out-of-fold scores for the threshold
        int n = training.size();
        double[][] oof = new double[n][];
        for (int fold = 0; fold < 5; fold++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % 5 != fold) {
                    train.add(i);
                }
            }
            double[] w = fit(cands, gold, train);
            CidModel m = new CidModel(w, 0, 1, priors, trees);
            for (int i = fold; i < n; i += 5) {
                oof[i] = cands.get(i).stream().mapToDouble(c -> m.score(c.x())).toArray();
            }
        }
        double bestT = 0.5;
        double bestF = -1;
        for (int t = 5; t <= 90; t++) {
            double th = t / 100.0;
            double f = f1(cands, gold, oof, th, 1);
            if (f > bestF + 1e-9) {
                bestF = f;
                bestT = th;
            }
        }
        // a document with no pair above the threshold still gets its best pair when that scores this well
        double bestFallback = 1;
        if (FALLBACK) {
            for (int t = 1; t < 100; t++) {
                double fb = t / 100.0;
                if (fb >= bestT) {
                    break;
                }
                double f = f1(cands, gold, oof, bestT, fb);
                if (f > bestF + 1e-9) {
                    bestF = f;
                    bestFallback = fb;
                }
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        double[] w = fit(cands, gold, all);
        cvF1[0] = bestF;
        return new CidModel(w, bestT, bestFallback, priors, trees);
    }
    static double[] fit(List<List<CidModel.Candidate>> cands, List<Set<String>> gold, List<Integer> docs) {
        int dim = CidModel.FEATURES.size();
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i : docs) {
            for (CidModel.Candidate c : cands.get(i)) {
                xs.add(c.x());
                ys.add(gold.get(i).contains(c.chemical() + "\t" + c.disease()) ? 1 : 0);
            }
        }
        // Newton's method (iteratively reweighted least squares) on the mean log-loss plus L2/2 |w|^2
        double[] w = new double[dim];
        int m = xs.size();
        for (int iter = 0; iter < NEWTON_STEPS; iter++) {
            double[] grad = new double[dim];
            double[][] h = new double[dim][dim];
            for (int k = 0; k < m; k++) {
                double[] x = xs.get(k);
                double z = 0;
                for (int j = 0; j < dim; j++) {
                    z += w[j] * x[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double err = p - ys.get(k);
                double v = p * (1 - p);
                for (int j = 0; j < dim; j++) {
                    if (x[j] == 0) {
                        continue;
                    }
                    grad[j] += err * x[j];
                    double vx = v * x[j];
                    for (int l = j; l < dim; l++) {
                        h[j][l] += vx * x[l];
                    }
                }
            }
            for (int j = 0; j < dim; j++) {
                grad[j] = grad[j] / m + (j == 0 ? 0 : L2 * w[j]);
                for (int l = j; l < dim; l++) {
                    h[j][l] /= m;
                    h[l][j] = h[j][l];
                }
                h[j][j] += L2 + 1e-9;
            }
            double[] step = solve(h, grad);
            for (int j = 0; j < dim; j++) {
                w[j] -= step[j];
            }
        }
        return w;
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} (Gaussian elimination, partial pivoting). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f != 0) {
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int k = r + 1; k < n; k++) {
                sum -= m[r][k] * x[k];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }

    private static double f1(List<List<CidModel.Candidate>> cands, List<Set<String>> gold, double[][] scores, double th,
                             double fallback) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < cands.size(); i++) {
            Set<String> predicted = new HashSet<>();
            int best = -1;
            for (int k = 0; k < cands.get(i).size(); k++) {
                if (scores[i][k] >= th) {
                    CidModel.Candidate c = cands.get(i).get(k);
                    predicted.add(c.chemical() + "\t" + c.disease());
                }
                if (best < 0 || scores[i][k] > scores[i][best]) {
                    best = k;
                }
            }
            if (predicted.isEmpty() && best >= 0 && scores[i][best] >= fallback) {
                CidModel.Candidate c = cands.get(i).get(best);
                predicted.add(c.chemical() + "\t" + c.disease());
            }
            for (String p : predicted) {
                if (gold.get(i).contains(p)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String g : gold.get(i)) {
                if (!predicted.contains(g)) {
                    fn++;
                }
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Disease descriptor -> its MeSH branch ("C10", "F03"), the first in tree order. */
    static Map<String, String> diseaseTrees(Path shared) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(shared.resolve("data/vocab/mesh/tree-numbers.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 3 || !(f[2].startsWith("C") || f[2].startsWith("F03"))) {
                continue;
            }
            String branch = f[2].length() >= 3 ? f[2].substring(0, 3) : f[2];
            out.merge("MESH:" + f[0], branch, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return out;
    }

    private static void write(Path out, double[] w, double threshold, double fallback, double cvF1, CidModel.Priors priors,
                              Map<String, String> trees) throws IOException {
        Files.createDirectories(out.getParent());
        try (Writer wr = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            wr.write("# litgraph BC5CDR chemical-induced-disease model, written by CidTrainer from the training set only\n");
            wr.write(String.format(Locale.ROOT, "# 5-fold cross-validated relation F1 on the training set: %.4f%n", cvF1));
            wr.write(String.format(Locale.ROOT, "threshold\t%.2f%n", threshold));
            wr.write(String.format(Locale.ROOT, "fallback\t%.2f%n", fallback));
            for (int j = 0; j < w.length; j++) {
                wr.write(String.format(Locale.ROOT, "w\t%s\t%.6f%n", CidModel.FEATURES.get(j), w[j]));
            }
            for (Map.Entry<String, int[]> e : new TreeMap<>(priors.chemicals()).entrySet()) {
                wr.write("chem\t" + e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
            }
            for (Map.Entry<String, int[]> e : new TreeMap<>(priors.diseases()).entrySet()) {
                wr.write("disease\t" + e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
            }
            for (Map.Entry<String, int[]> e : new TreeMap<>(priors.pairs()).entrySet()) {
                if (e.getValue()[1] > 0) {
                    wr.write("pair\t" + e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
                }
            }
            for (Map.Entry<String, String> e : trees.entrySet()) {
                wr.write("tree\t" + e.getKey() + "\t" + e.getValue() + "\n");
            }
        }
    }
}
