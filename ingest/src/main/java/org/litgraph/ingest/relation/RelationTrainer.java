package org.litgraph.ingest.relation;

import de.bwaldvogel.liblinear.Linear;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.extract.RelationExtractor;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.relation.DocumentView.Entity;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the relation model ({@link RelationModel}) reproducibly: L2-regularised logistic
 * regression by Tribuo's liblinear trainer (one binary head per predicate and pair of kinds) on
 * the TRAINING splits of BC5CDR, BioRED and PHEE; the regularisation cost, decision threshold and
 * fallback of each head chosen on the DEVELOPMENT splits. Deterministic (liblinear's primal
 * trust-region solver; fixed seed; sorted output), CPU only; writes {@link RelationModel#RESOURCE}.
 *
 * <pre>java ... org.litgraph.ingest.relation.RelationTrainer [--shared DIR] [--out FILE]
 *     [--train-mentions gold|pipeline|both] [--tune-mentions gold|pipeline|both] [--costs 0.1,0.3,1] [--min-count 2]</pre>
 */
public final class RelationTrainer {
    private static final Label POS = new Label("POS");
    private static final Label NEG = new Label("NEG");
    private static final long SEED = 20240601L;
    /** The threshold of a head that is switched off (no probability reaches it). */
    static final double OFF = 2;

    /** Which mentions a document is seen with: the corpus's gold ones, the pipeline's, or both (two copies). */
    public enum Mentions { GOLD, PIPELINE, BOTH }

    /** The heads trained, in order: predicate and kinds. */
    static final List<Object[]> SPECS = List.of(
            new Object[] {Predicate.CAUSES, Group.DRUG_CONDITION},
            new Object[] {Predicate.TREATS, Group.DRUG_CONDITION},
            new Object[] {Predicate.ASSOCIATED_WITH, Group.DRUG_CONDITION},
            new Object[] {Predicate.INHIBITS, Group.DRUG_TARGET},
            new Object[] {Predicate.ACTIVATES, Group.DRUG_TARGET},
            new Object[] {Predicate.BINDS, Group.DRUG_TARGET},
            new Object[] {Predicate.ASSOCIATED_WITH, Group.DRUG_TARGET},
            new Object[] {Predicate.ASSOCIATED_WITH, Group.TARGET_CONDITION},
            new Object[] {Predicate.ASSOCIATED_WITH, Group.TARGET_TARGET});

    public record Options(Path shared, Path out, Mentions train, Mentions tune, double[] costs, int minCount) {
    }

    /** A document seen with one set of mentions, and its candidates. */
    record Prepared(Corpus.Doc doc, DocumentView view, boolean gold, List<Candidate> candidates) {
    }

    private RelationTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Options o = parse(args);
        System.out.println(train(o));
    }

    static Options parse(String[] args) {
        Path shared = Path.of(System.getProperty("litgraph.shared", "../shared"));
        Path out = Path.of("ingest/src/main/resources/" + RelationModel.RESOURCE);
        Mentions train = Mentions.BOTH;
        Mentions tune = Mentions.BOTH;
        double[] costs = {0.03, 0.1, 0.3, 1};
        int minCount = 2;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--shared" -> shared = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--train-mentions" -> train = Mentions.valueOf(v.toUpperCase(Locale.ROOT));
                case "--tune-mentions" -> tune = Mentions.valueOf(v.toUpperCase(Locale.ROOT));
                case "--costs" -> costs = java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--min-count" -> minCount = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
            i++;
        }
        return new Options(shared, out, train, tune, costs, minCount);
    }

    /** The corpora of one split: BC5CDR, BioRED, PHEE. */
    static List<Corpus.Doc> corpora(Path shared, boolean training) {
        Path data = shared.resolve("data");
        List<Corpus.Doc> out = new ArrayList<>();
        out.addAll(Corpus.bc5cdr(data.resolve(training ? "bc5cdr/CDR_TrainingSet.PubTator.txt" : "bc5cdr/CDR_DevelopmentSet.PubTator.txt")));
        out.addAll(Corpus.biored(data.resolve(training ? "biored/Train.PubTator" : "biored/Dev.PubTator")));
        out.addAll(Corpus.phee(data.resolve(training ? "phee/train/train.json" : "phee/dev/dev.json")));
        return out;
    }

    static Features features(Lexicon lexicon) {
        return new Features(RelationExtractor.standard(), id -> lexicon.get(id).map(LexiconEntry::parents).orElse(List.of()),
                FeatureIndex.growing());
    }

    static List<Prepared> prepare(List<Corpus.Doc> docs, Mentions m, PipelineMentions pipeline, Features features) {
        List<Prepared> out = new ArrayList<>();
        Set<Group> all = Set.of(Group.values());
        for (Corpus.Doc d : docs) {
            if (m != Mentions.PIPELINE) {
                out.add(new Prepared(d, d.gold(), true, features.candidates(d.gold(), all)));
            }
            if (m != Mentions.GOLD) {
                DocumentView v = pipeline.view(d);
                out.add(new Prepared(d, v, false, features.candidates(v, all)));
            }
        }
        return out;
    }

    static String train(Options o) throws IOException {
        long t0 = System.nanoTime();
        Lexicon lexicon = Lexicon.defaultLexicon();
        Features features = features(lexicon);
        PipelineMentions pipeline = new PipelineMentions(lexicon);
        List<Corpus.Doc> trainDocs = corpora(o.shared(), true);
        List<Corpus.Doc> devDocs = corpora(o.shared(), false);
        List<Prepared> train = prepare(trainDocs, o.train(), pipeline, features);
        List<Prepared> dev = prepare(devDocs, o.tune(), pipeline, features);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "training documents %d (%d views, %s mentions), development %d (%d views, %s mentions)%n",
                trainDocs.size(), train.size(), o.train().name().toLowerCase(Locale.ROOT), devDocs.size(), dev.size(),
                o.tune().name().toLowerCase(Locale.ROOT)));
        List<Head> heads = new ArrayList<>();
        for (Object[] spec : SPECS) {
            Predicate p = (Predicate) spec[0];
            Group g = (Group) spec[1];
            Set<Corpus.Name> sources = Labels.sources(p, g);
            Map<String, Priors.Contribution> own = contributions(trainDocs, p, g, sources);
            Priors priors = Priors.of(own.values());
            List<Example<Label>> examples = new ArrayList<>();
            FeatureIndex index = features.index();
            Map<String, Integer> df = new HashMap<>();
            List<String[]> rowNames = new ArrayList<>();
            List<double[]> rowValues = new ArrayList<>();
            List<Boolean> ys = new ArrayList<>();
            for (Prepared pr : train) {
                if (!sources.contains(pr.doc().corpus())) {
                    continue;
                }
                Set<String> gold = Labels.goldPairs(pr.doc(), p, g);
                Priors.Contribution mine = own.get(pr.doc().pmid());
                for (Candidate c : pr.candidates()) {
                    if (c.group() != g) {
                        continue;
                    }
                    double[] pv = priors.values(c.subject(), c.object(), mine);
                    int n = c.ids().length;
                    List<String> names = new ArrayList<>(n + pv.length);
                    List<Double> values = new ArrayList<>(n + pv.length);
                    for (int k = 0; k < n; k++) {
                        names.add(index.name(c.ids()[k]));
                        values.add(c.values()[k]);
                    }
                    for (int k = 0; k < pv.length; k++) {
                        if (pv[k] != 0) {
                            names.add(Priors.NAMES.get(k));
                            values.add(pv[k]);
                        }
                    }
                    rowNames.add(names.toArray(String[]::new));
                    rowValues.add(values.stream().mapToDouble(Double::doubleValue).toArray());
                    ys.add(Labels.positive(pr.doc(), pr.view(), c, p, gold));
                    names.forEach(k -> df.merge(k, 1, Integer::sum));
                }
            }
            for (int i = 0; i < rowNames.size(); i++) {
                List<String> names = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                String[] rn = rowNames.get(i);
                for (int k = 0; k < rn.length; k++) {
                    if (df.get(rn[k]) >= o.minCount()) {
                        names.add(rn[k]);
                        values.add(rowValues.get(i)[k]);
                    }
                }
                examples.add(new ArrayExample<>(ys.get(i) ? POS : NEG, names.toArray(String[]::new),
                        values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            long positives = ys.stream().filter(b -> b).count();
            Head best = null;
            double bestF = -1;
            String bestLine = null;
            for (double cost : o.costs()) {
                LibLinearClassificationModel model = fit(examples, cost);
                Map<String, Double> w = export(model);
                double diff = check(model, w, examples);
                Head h = new Head(p, g, w, features.index(), priors, 0.5, 1);
                double[] tuned = tune(h, dev, sources);
                String line = String.format(Locale.ROOT, "  %-16s %-16s C=%-5s examples %6d (+%5d) features %6d  dev F1 %.4f at threshold %.2f fallback %.2f  (|p - tribuo| <= %.1e)%n",
                        p, g, fmt(cost), examples.size(), positives, w.size(), tuned[0], tuned[1], tuned[2], diff);
                System.out.print(line);
                if (tuned[0] > bestF + 1e-9 || best == null) {
                    bestF = tuned[0];
                    // a head that states nothing right on the development splits is switched off
                    best = tuned[0] > 0 ? h.with(tuned[1], tuned[2]) : h.with(OFF, 1);
                    bestLine = line;
                }
            }
            heads.add(best);
            report.append("chosen:").append(bestLine);
        }
        List<String> comments = List.of(
                "litgraph relation model: written by org.litgraph.ingest.relation.RelationTrainer (./litgraph lexicon train-relations)",
                "Tribuo " + org.tribuo.Tribuo.VERSION + " liblinear L2R_LR heads trained on the BC5CDR, BioRED and PHEE training splits ("
                        + o.train().name().toLowerCase(Locale.ROOT) + " mentions); cost, threshold and fallback chosen on the development splits ("
                        + o.tune().name().toLowerCase(Locale.ROOT) + " mentions)",
                "lines: head PREDICATE GROUP threshold fallback | w PREDICATE GROUP feature weight | ps/po/pp priors (documents seen, positive)",
                "priors are counts of ids in the training annotations (MeSH, NCBI Gene, PHEE text); no corpus sentence is stored");
        RelationModel.write(o.out(), heads, comments);
        report.append(String.format(Locale.ROOT, "wrote %s in %.0f s%n", o.out(), (System.nanoTime() - t0) / 1e9));
        return report.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Per PMID (documents of several corpora share some), what the training annotations name and relate. */
    static Map<String, Priors.Contribution> contributions(List<Corpus.Doc> docs, Predicate p, Group g, Set<Corpus.Name> sources) {
        Map<String, Priors.Contribution> out = new TreeMap<>();
        for (Corpus.Doc d : docs) {
            if (!sources.contains(d.corpus())) {
                continue;
            }
            Set<String> subjects = new HashSet<>();
            Set<String> objects = new HashSet<>();
            for (Entity e : d.gold().entities()) {
                if (e.kind() == g.subject) {
                    subjects.add(e.id());
                }
                if (e.kind() == g.object) {
                    objects.add(e.id());
                }
            }
            Set<String> pairs = new HashSet<>();
            for (String s : subjects) {
                for (String x : objects) {
                    pairs.add(s + "\t" + x);
                }
            }
            Set<String> pos = d.corpus() == Corpus.Name.PHEE ? pheePairs(d, p) : Labels.goldPairs(d, p, g);
            Set<String> ps = new HashSet<>();
            Set<String> po = new HashSet<>();
            for (String k : pos) {
                ps.add(k.substring(0, k.indexOf('\t')));
                po.add(k.substring(k.indexOf('\t') + 1));
            }
            Priors.Contribution c = new Priors.Contribution(subjects, objects, pairs, ps, po, pos);
            out.merge(d.pmid(), c, Priors::merge);
        }
        return out;
    }

    private static Set<String> pheePairs(Corpus.Doc d, Predicate p) {
        Set<String> out = new HashSet<>();
        for (Corpus.GoldRelation r : d.relations()) {
            if (Labels.predicate(Corpus.Name.PHEE, r.type(), Group.DRUG_CONDITION) == p) {
                out.add(r.a() + "\t" + r.b());
            }
        }
        return out;
    }

    static LibLinearClassificationModel fit(List<Example<Label>> examples, double cost) {
        Linear.disableDebugOutput();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("litgraph relation candidates",
                java.time.OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC), new LabelFactory()), new LabelFactory());
        examples.forEach(ds::add);
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.001, SEED);
        return (LibLinearClassificationModel) trainer.train(ds);
    }

    /** The model's weights by feature name (positive class), its intercept folded into "bias"; rounded as shipped. */
    static Map<String, Double> export(LibLinearClassificationModel model) {
        de.bwaldvogel.liblinear.Model lm = model.getInnerModels().get(0);
        double[] w = lm.getFeatureWeights();
        int[] labels = lm.getLabels();
        int pos = model.getOutputIDInfo().getID(POS);
        double sign = labels[0] == pos ? 1 : -1;
        ImmutableFeatureMap fm = model.getFeatureIDMap();
        Map<String, Double> out = new TreeMap<>();
        for (VariableInfo vi : fm) {
            int id = ((VariableIDInfo) vi).getID();
            out.put(vi.getName(), sign * w[id]);
        }
        if (lm.getBias() >= 0) {
            out.merge("bias", sign * w[lm.getNrFeature()] * lm.getBias(), Double::sum);
        }
        Map<String, Double> rounded = new TreeMap<>();
        out.forEach((k, v) -> {
            double r = Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
            if (Math.abs(r) >= 1e-6) {
                rounded.put(k, r);
            }
        });
        return rounded;
    }

    /** Largest difference between Tribuo's probability and the exported weights' on these examples. */
    static double check(LibLinearClassificationModel model, Map<String, Double> w, List<Example<Label>> examples) {
        double max = 0;
        for (int i = 0; i < examples.size(); i += 7) {
            Example<Label> ex = examples.get(i);
            Prediction<Label> pred = model.predict(ex);
            double pt = pred.getOutputScores().get(POS.getLabel()).getScore();
            double z = 0;
            for (org.tribuo.Feature f : ex) {
                z += w.getOrDefault(f.getName(), 0.0) * f.getValue();
            }
            max = Math.max(max, Math.abs(pt - 1 / (1 + Math.exp(-z))));
        }
        return max;
    }

    /** Best macro F1 over the head's development corpora: {F1, threshold, fallback}. */
    static double[] tune(Head h, List<Prepared> dev, Set<Corpus.Name> sources) {
        List<DevDoc> docs = devDocs(h, dev, sources);
        double[] best = {-1, 0.5, 1};
        for (int t = 5; t <= 95; t++) {
            double th = t / 100.0;
            double f = macroF1(docs, th, 1, sources);
            if (f > best[0] + 1e-9) {
                best = new double[] {f, th, 1};
            }
        }
        for (int fb = 5; fb < Math.round(best[1] * 100); fb += 5) {
            double f = macroF1(docs, best[1], fb / 100.0, sources);
            if (f > best[0] + 1e-9) {
                best = new double[] {f, best[1], fb / 100.0};
            }
        }
        return best;
    }

    /** One development document under one head: its candidates' scores, the gold keys each matches, the gold count. */
    record DevDoc(Corpus.Name corpus, double[] scores, List<Set<String>> matches, int gold) {
    }

    static List<DevDoc> devDocs(Head h, List<Prepared> dev, Set<Corpus.Name> sources) {
        List<DevDoc> out = new ArrayList<>();
        for (Prepared pr : dev) {
            if (!sources.contains(pr.doc().corpus())) {
                continue;
            }
            boolean phee = pr.doc().corpus() == Corpus.Name.PHEE;
            Set<String> gold = phee ? Labels.goldSpanPairs(pr.doc(), h.predicate())
                    : Labels.goldPairs(pr.doc(), h.predicate(), h.group());
            List<Double> scores = new ArrayList<>();
            List<Set<String>> matches = new ArrayList<>();
            for (Candidate c : pr.candidates()) {
                if (c.group() != h.group()) {
                    continue;
                }
                scores.add(h.score(c, null));
                matches.add(phee ? Labels.matchedSpanPairs(pr.doc(), pr.view(), c, h.predicate())
                        : gold.contains(c.subject() + "\t" + c.object()) ? Set.of(c.subject() + "\t" + c.object()) : Set.of());
            }
            out.add(new DevDoc(pr.doc().corpus(), scores.stream().mapToDouble(Double::doubleValue).toArray(), matches, gold.size()));
        }
        return out;
    }

    static double macroF1(List<DevDoc> docs, double threshold, double fallback, Set<Corpus.Name> sources) {
        Map<Corpus.Name, int[]> counts = new TreeMap<>();
        for (DevDoc d : docs) {
            int[] c = counts.computeIfAbsent(d.corpus(), k -> new int[3]);
            Set<String> tp = new HashSet<>();
            int fp = 0;
            int best = -1;
            boolean any = false;
            for (int i = 0; i < d.scores().length; i++) {
                if (d.scores()[i] >= threshold) {
                    any = true;
                    if (d.matches().get(i).isEmpty()) {
                        fp++;
                    } else {
                        tp.addAll(d.matches().get(i));
                    }
                }
                if (best < 0 || d.scores()[i] > d.scores()[best]) {
                    best = i;
                }
            }
            if (!any && best >= 0 && d.scores()[best] >= fallback) {
                if (d.matches().get(best).isEmpty()) {
                    fp++;
                } else {
                    tp.addAll(d.matches().get(best));
                }
            }
            c[0] += tp.size();
            c[1] += fp;
            c[2] += Math.max(0, d.gold() - tp.size());
        }
        double sum = 0;
        int n = 0;
        for (int[] c : counts.values()) {
            sum += c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    static boolean kindIs(Entity e, EntityKind k) {
        return e.kind() == k;
    }
}
