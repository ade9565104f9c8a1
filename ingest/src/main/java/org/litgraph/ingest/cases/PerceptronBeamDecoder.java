package org.litgraph.ingest.cases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AdditionalContextFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * Decodes an OpenNLP perceptron name-finder model exactly as {@code NameFinderME.find} does (same
 * features, same beam search, same floating-point operations in the same order, so the same spans),
 * but without the repeated work: the features that do not depend on earlier outcomes (every
 * feature generator of the model, then the additional context window) are generated and summed once
 * per token instead of once per beam entry, and the outcome-dependent part (previous outcome
 * features, normalisation, the beam threshold) is computed once per token and (previous, previous
 * but one) outcome pair. Not thread-safe (the context generator keeps per-sentence state): one per
 * thread.
 */
final class PerceptronBeamDecoder {
    /** OpenNLP's outcome for tokens outside any name, also the "previous outcome" at a sentence start. */
    private static final String OTHER = "other";
    /** OpenNLP's beam search drops sequences scoring at or below this (log) value. */
    private static final double MIN_SEQUENCE_SCORE = -100000;

    private final NameContextGenerator contextGenerator;
    private final AdditionalContextFeatureGenerator additional = new AdditionalContextFeatureGenerator();
    private final SequenceCodec<String> codec;
    private final SequenceValidator<String> validator;
    /** Whether outcome p may follow outcome q: {@code valid[q + 1][p]} ({@code valid[0]}: at the sentence start). */
    private final boolean[][] valid;
    private final Map<String, Context> pmap;
    private final String[] outcomes;
    private final int numOutcomes;
    private final int beamSize;
    /** The model's own feature layout taken apart (null: the generic, slower path through the context generator). */
    private final Layout layout;

    private PerceptronBeamDecoder(TokenNameFinderModel model, PerceptronModel maxent) {
        this.codec = model.getFactory().createSequenceCodec();
        this.validator = codec.createSequenceValidator();
        // as NameFinderME builds it: the model's generators, then the additional context in a window of 8
        this.contextGenerator = model.getFactory().createContextGenerator();
        this.contextGenerator.addFeatureGenerator(new WindowFeatureGenerator(additional, 8, 8));
        Object[] data = maxent.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> map = (Map<String, Context>) data[1];
        this.pmap = map;
        this.numOutcomes = maxent.getNumOutcomes();
        this.outcomes = new String[numOutcomes];
        for (int i = 0; i < numOutcomes; i++) {
            outcomes[i] = maxent.getOutcome(i);
        }
        // the BIO validator reads only the previous outcome (none at the start): ask it once per pair
        this.valid = new boolean[numOutcomes + 1][numOutcomes];
        for (int prev = -1; prev < numOutcomes; prev++) {
            String[] before = prev < 0 ? new String[0] : new String[] {outcomes[prev]};
            for (int p = 0; p < numOutcomes; p++) {
                valid[prev + 1][p] = validator.validSequence(before.length, new String[before.length + 1], before, outcomes[p]);
            }
        }
        String beam = model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
        this.beamSize = beam == null ? 3 : Integer.parseInt(beam);
        Object descriptor = model.getArtifact("generator.featuregen");
        this.layout = descriptor instanceof byte[] b
                && Arrays.equals(b, PheeTrainer.FEATURES.getBytes(StandardCharsets.UTF_8)) ? new Layout() : null;
    }

    /** A decoder for the model, or null when its classifier is not a perceptron (decode with NameFinderME then). */
    static PerceptronBeamDecoder of(TokenNameFinderModel model) {
        Object maxent = model.getArtifact("nameFinder.model");
        if (!(maxent instanceof PerceptronModel p) || maxent.getClass() != PerceptronModel.class
                || !(model.getFactory().createSequenceCodec() instanceof opennlp.tools.namefind.BioCodec)) {
            return null;
        }
        return new PerceptronBeamDecoder(model, p);
    }

    /** One candidate sequence: its last outcome, its parent, its score (sum of log probabilities). */
    private static final class Node implements Comparable<Node> {
        final Node parent;
        final int outcome; // -1 on the root
        final double score;
        final int size;

        Node() {
            this.parent = null;
            this.outcome = -1;
            this.score = 0;
            this.size = 0;
        }

        Node(Node parent, int outcome, double score) {
            this.parent = parent;
            this.outcome = outcome;
            this.score = score;
            this.size = parent.size + 1;
        }

        /** Highest score first, as OpenNLP's Sequence orders (ties: the queue's own order). */
        @Override
        public int compareTo(Node o) {
            return Double.compare(o.score, score);
        }
    }

    /** Outcome probabilities of one token after a given previous pair, with the beam's threshold and logs. */
    private static final class Scores {
        final double[] probs;
        final double[] logs;
        final double min;

        Scores(double[] probs, double min) {
            this.probs = probs;
            this.min = min;
            this.logs = new double[probs.length];
            for (int i = 0; i < probs.length; i++) {
                logs[i] = StrictMath.log(probs[i]);
            }
        }
    }

    /** The names found in {@code tokens} (with {@code context}, one feature array per token), as NameFinderME finds them. */
    Span[] find(String[] tokens, String[][] context) {
        additional.setCurrentContext(context);
        int n = tokens.length;
        double[][] base = layout != null ? layout.sums(tokens) : genericSums(tokens, context);
        PriorityQueue<Node> prev = new PriorityQueue<>(beamSize);
        PriorityQueue<Node> next = new PriorityQueue<>(beamSize);
        prev.add(new Node());
        Map<Long, Scores> memo = new HashMap<>();
        String[] seq = new String[n];
        for (int i = 0; i < n; i++) {
            memo.clear();
            String tokenFeature = null;
            int sz = Math.min(beamSize, prev.size());
            for (int sc = 0; !prev.isEmpty() && sc < sz; sc++) {
                Node top = prev.remove();
                boolean[] allowed = valid[top.size > 0 ? top.outcome + 1 : 0];
                int po = top.size > 0 ? top.outcome : -1;
                int ppo = top.size > 1 ? top.parent.outcome : -1;
                long key = ((long) (po + 1) << 32) | (ppo + 1);
                Scores s = memo.get(key);
                if (s == null) {
                    if (tokenFeature == null) {
                        tokenFeature = FeatureGeneratorUtil.tokenFeature(tokens[i]);
                    }
                    s = score(base[i], po, ppo, tokens[i], tokenFeature);
                    memo.put(key, s);
                }
                for (int p = 0; p < numOutcomes; p++) {
                    if (s.probs[p] >= s.min && allowed[p]) {
                        Node ns = new Node(top, p, top.score + s.logs[p]);
                        if (ns.score > MIN_SEQUENCE_SCORE) {
                            next.add(ns);
                        }
                    }
                }
                if (next.isEmpty()) {
                    for (int p = 0; p < numOutcomes; p++) {
                        if (allowed[p]) {
                            Node ns = new Node(top, p, top.score + s.logs[p]);
                            if (ns.score > MIN_SEQUENCE_SCORE) {
                                next.add(ns);
                            }
                        }
                    }
                }
            }
            prev.clear();
            PriorityQueue<Node> tmp = prev;
            prev = next;
            next = tmp;
        }
        Node best = prev.remove();
        List<String> result = new ArrayList<>(Arrays.asList(outcomes(best)));
        return codec.decode(result);
    }

    /** Per token, the summed weights of the features that do not depend on earlier outcomes (OpenNLP's way). */
    private double[][] genericSums(String[] tokens, String[][] context) {
        double[][] base = new double[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            double[] sums = new double[numOutcomes];
            // preds null: the generators add only the features that do not depend on earlier outcomes
            for (String f : contextGenerator.getContext(i, tokens, null, context)) {
                add(sums, pmap.get(f));
            }
            base[i] = sums;
        }
        return base;
    }

    /** The outcome-independent features of token {@code i}, as the model's context generator lists them (tests). */
    List<String> staticFeatures(String[] tokens, String[][] context, int i) {
        additional.setCurrentContext(context);
        return List.of(contextGenerator.getContext(i, tokens, null, context));
    }

    /** All features of token {@code i} after the outcomes {@code preds}, as OpenNLP's beam search asks for them (tests). */
    List<String> fullFeatures(String[] tokens, String[][] context, int i, String[] preds) {
        additional.setCurrentContext(context);
        return List.of(contextGenerator.getContext(i, tokens, preds, context));
    }

    /** The perceptron's parameters of each feature the model's context generator lists, in order (tests). */
    List<Context> staticContexts(String[] tokens, String[][] context, int i) {
        List<Context> out = new ArrayList<>();
        staticFeatures(tokens, context, i).forEach(f -> out.add(pmap.get(f)));
        return out;
    }

    /** The same features through the taken-apart layout, or null without one (tests). */
    List<String> layoutFeatures(String[] tokens, String[][] context, int i) {
        additional.setCurrentContext(context);
        if (layout == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        layout.visit(tokens, i, (f, w, slot) -> out.add(w == null ? f : w.slotName(f, slot)));
        return out;
    }

    /** Their parameters as the layout's caches give them, or null without a layout (tests). */
    List<Context> layoutContexts(String[] tokens, String[][] context, int i) {
        additional.setCurrentContext(context);
        if (layout == null) {
            return null;
        }
        List<Context> out = new ArrayList<>();
        layout.visit(tokens, i, (f, w, slot) -> out.add(w == null ? pmap.get(f) : w.context(f, slot)));
        return out;
    }

    /** The per-token static sums through the generic path and through the layout (null without one) (tests). */
    double[][][] bothSums(String[] tokens, String[][] context) {
        additional.setCurrentContext(context);
        return new double[][][] {genericSums(tokens, context), layout == null ? null : layout.sums(tokens)};
    }

    /** Whether the fast feature layout is in use. */
    boolean hasLayout() {
        return layout != null;
    }

    private interface Visitor {
        void feature(String f, Layout.Window window, int slot);
    }

    /**
     * The feature generators of {@link PheeTrainer#FEATURES} (the descriptor the shipped model was trained
     * with) taken apart: each windowed generator runs once per token instead of once per window slot and
     * token, and the parameters of its features in each slot ("p2" + feature...) are looked up once and
     * kept. The features and their order are exactly those of the model's generator: a window over token
     * classes (2, 2), over lower-cased tokens (3, 2), prefix, suffix, previous map, bigrams, sentence
     * begin; then NameFinderME's window over the additional context (8, 8).
     */
    private final class Layout {
        private static final int MAX_CACHED = 200_000;
        private final Window classes = new Window(generator(
                "<generator class=\"opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory\"/>"), 2, 2);
        private final Window words = new Window(generator("""
                <generator class="opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory">
                  <bool name="lowercase">true</bool>
                </generator>"""), 3, 2);
        /** Prefix, suffix and previous-map features: functions of the token alone, their parameters kept per word. */
        private final AdaptiveFeatureGenerator word = generator("""
                <generator class="opennlp.tools.util.featuregen.PrefixFeatureGeneratorFactory">
                  <int name="length">3</int>
                </generator>
                <generator class="opennlp.tools.util.featuregen.SuffixFeatureGeneratorFactory">
                  <int name="length">4</int>
                </generator>
                <generator class="opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory"/>""");
        private final Map<String, Context[]> wordContexts = new HashMap<>();
        /** Bigrams and the sentence start: read the neighbours or the position. */
        private final AdaptiveFeatureGenerator position = generator("""
                <generator class="opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory"/>
                <generator class="opennlp.tools.util.featuregen.SentenceFeatureGeneratorFactory">
                  <bool name="begin">true</bool>
                  <bool name="end">false</bool>
                </generator>""");
        private final Window extra = new Window(additional, 8, 8);

        double[][] sums(String[] tokens) {
            int n = tokens.length;
            Param[][][] c = classes.resolved(tokens);
            Param[][][] w = words.resolved(tokens);
            Param[][][] x = extra.resolved(tokens);
            double[][] base = new double[n][];
            List<String> t = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] sums = new double[numOutcomes];
                classes.sum(sums, c, i);
                words.sum(sums, w, i);
                for (Context ctx : wordContexts(tokens, i)) {
                    add(sums, ctx);
                }
                t.clear();
                position.createFeatures(t, tokens, i, null);
                for (String f : t) {
                    add(sums, pmap.get(f));
                }
                extra.sum(sums, x, i);
                base[i] = sums;
            }
            return base;
        }

        private Context[] wordContexts(String[] tokens, int i) {
            Context[] cs = wordContexts.get(tokens[i]);
            if (cs == null) {
                if (wordContexts.size() >= MAX_CACHED) {
                    wordContexts.clear();
                }
                List<String> f = new ArrayList<>(8);
                word.createFeatures(f, tokens, i, null);
                cs = new Context[f.size()];
                for (int k = 0; k < cs.length; k++) {
                    cs[k] = pmap.get(f.get(k));
                }
                wordContexts.put(tokens[i], cs);
            }
            return cs;
        }

        /** Every feature of token {@code i} in order: windowed ones with their window and slot, the others with none. */
        void visit(String[] tokens, int i, Visitor v) {
            classes.visit(classes.perToken(tokens), i, v);
            words.visit(words.perToken(tokens), i, v);
            List<String> t = new ArrayList<>();
            word.createFeatures(t, tokens, i, null);
            position.createFeatures(t, tokens, i, null);
            t.forEach(f -> v.feature(f, null, 0));
            extra.visit(extra.perToken(tokens), i, v);
        }

        private static AdaptiveFeatureGenerator generator(String xml) {
            String doc = "<featureGenerators name=\"part\">\n" + xml + "\n</featureGenerators>\n";
            try {
                return GeneratorFactory.create(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A window generator: the inner generator once per token, its features' parameters per slot kept across sentences. */
        private final class Window {
            private final AdaptiveFeatureGenerator inner;
            private final int prev;
            private final int next;
            /** feature -> its parameters in slot 0 (the token), 1..prev ("p1"..), prev+1.. ("n1"..). */
            private final Map<String, Param[]> slots = new HashMap<>();

            Window(AdaptiveFeatureGenerator inner, int prev, int next) {
                this.inner = inner;
                this.prev = prev;
                this.next = next;
            }

            List<List<String>> perToken(String[] tokens) {
                List<List<String>> out = new ArrayList<>(tokens.length);
                for (int j = 0; j < tokens.length; j++) {
                    List<String> f = new ArrayList<>(4);
                    inner.createFeatures(f, tokens, j, null);
                    out.add(f);
                }
                return out;
            }

            /**
             * Per token, per feature of the inner generator, its parameters in every slot (one map look-up
             * per token and feature instead of one per slot).
             */
            Param[][][] resolved(String[] tokens) {
                Param[][][] out = new Param[tokens.length][][];
                List<String> f = new ArrayList<>(8);
                for (int j = 0; j < tokens.length; j++) {
                    f.clear();
                    inner.createFeatures(f, tokens, j, null);
                    Param[][] r = new Param[f.size()][];
                    for (int k = 0; k < r.length; k++) {
                        r[k] = slots(f.get(k));
                    }
                    out[j] = r;
                }
                return out;
            }

            /** As WindowFeatureGenerator orders them: the token's, then previous 1..prev, then next 1..next. */
            void sum(double[] sums, Param[][][] resolved, int i) {
                for (Param[] f : resolved[i]) {
                    Param.add(sums, f[0]);
                }
                for (int k = 1; k <= prev; k++) {
                    if (i - k >= 0) {
                        for (Param[] f : resolved[i - k]) {
                            Param.add(sums, f[k]);
                        }
                    }
                }
                for (int k = 1; k <= next; k++) {
                    if (i + k < resolved.length) {
                        for (Param[] f : resolved[i + k]) {
                            Param.add(sums, f[prev + k]);
                        }
                    }
                }
            }

            /** The parameters of feature {@code f} in every slot (null where the model has none). */
            private Param[] slots(String f) {
                Param[] cs = slots.get(f);
                if (cs == null) {
                    if (slots.size() >= MAX_CACHED) {
                        slots.clear();
                    }
                    cs = new Param[1 + prev + next];
                    for (int k = 0; k < cs.length; k++) {
                        cs[k] = Param.of(pmap.get(slotName(f, k)), numOutcomes);
                    }
                    slots.put(f, cs);
                }
                return cs;
            }

            void visit(List<List<String>> perToken, int i, Visitor v) {
                for (String f : perToken.get(i)) {
                    v.feature(f, this, 0);
                }
                for (int k = 1; k <= prev; k++) {
                    if (i - k >= 0) {
                        for (String f : perToken.get(i - k)) {
                            v.feature(f, this, k);
                        }
                    }
                }
                for (int k = 1; k <= next; k++) {
                    if (i + k < perToken.size()) {
                        for (String f : perToken.get(i + k)) {
                            v.feature(f, this, prev + k);
                        }
                    }
                }
            }

            String slotName(String f, int slot) {
                return slot == 0 ? f : slot <= prev ? "p" + slot + f : "n" + (slot - prev) + f;
            }

            Context context(String f, int slot) {
                Param p = slots(f)[slot];
                return p == null ? null : p.context;
            }
        }
    }

    private String[] outcomes(Node node) {
        String[] out = new String[node.size];
        for (Node x = node; x.size > 0; x = x.parent) {
            out[x.size - 1] = outcomes[x.outcome];
        }
        return out;
    }

    /** The perceptron's normalised outcome scores: the static sums plus the previous-outcome features, in OpenNLP's order. */
    private Scores score(double[] base, int po, int ppo, String token, String tokenFeature) {
        double[] prior = base.clone();
        String p = po < 0 ? OTHER : outcomes[po];
        // "po=" and "ppo=" name one of the outcomes: their parameters are looked up once
        add(prior, outcomeFeature(previousOutcome, "po=", po));
        add(prior, pmap.get("pow=" + p + "," + token));
        add(prior, cached(shapeFeatures, "powf=" + p + "," + tokenFeature));
        add(prior, outcomeFeature(previousButOne, "ppo=", ppo));
        double maxPrior = 1;
        for (int o = 0; o < numOutcomes; o++) {
            if (maxPrior < StrictMath.abs(prior[o])) {
                maxPrior = StrictMath.abs(prior[o]);
            }
        }
        double normal = 0.0;
        for (int o = 0; o < numOutcomes; o++) {
            prior[o] = StrictMath.exp(prior[o] / maxPrior);
            normal += prior[o];
        }
        for (int o = 0; o < numOutcomes; o++) {
            prior[o] /= normal;
        }
        return new Scores(prior, threshold(prior, beamSize));
    }

    /**
     * The value OpenNLP's beam search keeps outcomes from: {@code sorted[max(0, n - k)]} of the scores sorted
     * ascending, i.e. the k-th largest score counting repeats (the smallest when there are fewer than k),
     * found without sorting. Scores are probabilities (finite, positive), so the order is the numeric one.
     */
    static double threshold(double[] scores, int k) {
        int n = scores.length;
        if (k >= n) {
            double min = scores[0];
            for (int i = 1; i < n; i++) {
                if (scores[i] < min) {
                    min = scores[i];
                }
            }
            return min;
        }
        // the k largest so far, descending
        double[] top = new double[k];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (double v : scores) {
            if (v > top[k - 1]) {
                int j = k - 1;
                while (j > 0 && top[j - 1] < v) {
                    top[j] = top[j - 1];
                    j--;
                }
                top[j] = v;
            }
        }
        return top[k - 1];
    }

    /** Parameters of "po=" / "ppo=" + outcome, by outcome index + 1 (0: at the sentence start, "other"). */
    private final Context[] previousOutcome = new Context[1 + 64];
    private final Context[] previousButOne = new Context[1 + 64];
    private final boolean[] previousOutcomeKnown = new boolean[2 * (1 + 64)];
    /** Parameters of "powf=" + outcome + "," + token shape (a small set). */
    private final Map<String, Context> shapeFeatures = new HashMap<>();

    private Context outcomeFeature(Context[] table, String prefix, int outcome) {
        if (outcomes.length >= 64) {
            return pmap.get(prefix + (outcome < 0 ? OTHER : outcomes[outcome]));
        }
        int k = (table == previousOutcome ? 0 : 1 + 64) + outcome + 1;
        if (!previousOutcomeKnown[k]) {
            table[outcome + 1] = pmap.get(prefix + (outcome < 0 ? OTHER : outcomes[outcome]));
            previousOutcomeKnown[k] = true;
        }
        return table[outcome + 1];
    }

    private Context cached(Map<String, Context> cache, String feature) {
        Context c = cache.get(feature);
        if (c == null && !cache.containsKey(feature)) {
            if (cache.size() >= 100_000) {
                cache.clear();
            }
            c = pmap.get(feature);
            cache.put(feature, c);
        }
        return c;
    }

    /**
     * A feature's parameters for summing: a context that has a parameter for every outcome is kept as a
     * dense array by outcome (one addition per outcome, as the sparse loop makes, in a loop the compiler
     * can vectorise); others as they are.
     */
    private static final class Param {
        final Context context;
        final double[] dense;

        private Param(Context context, double[] dense) {
            this.context = context;
            this.dense = dense;
        }

        static Param of(Context c, int numOutcomes) {
            if (c == null) {
                return null;
            }
            int[] os = c.getOutcomes();
            if (os.length != numOutcomes) {
                return new Param(c, null);
            }
            double[] d = new double[numOutcomes];
            boolean[] seen = new boolean[numOutcomes];
            double[] ps = c.getParameters();
            for (int a = 0; a < os.length; a++) {
                if (seen[os[a]]) {
                    return new Param(c, null); // an outcome twice: keep OpenNLP's loop
                }
                seen[os[a]] = true;
                d[os[a]] = ps[a];
            }
            return new Param(c, d);
        }

        static void add(double[] sums, Param p) {
            if (p == null) {
                return;
            }
            double[] d = p.dense;
            if (d == null) {
                PerceptronBeamDecoder.add(sums, p.context);
                return;
            }
            for (int o = 0; o < d.length; o++) {
                sums[o] += d[o];
            }
        }
    }

    private static void add(double[] sums, Context c) {
        if (c == null) {
            return;
        }
        int[] os = c.getOutcomes();
        double[] ps = c.getParameters();
        for (int a = 0; a < os.length; a++) {
            sums[os[a]] += ps[a];
        }
    }
}
