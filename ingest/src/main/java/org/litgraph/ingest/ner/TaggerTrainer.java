package org.litgraph.ingest.ner;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.ner.NerCorpus.Source;
import org.litgraph.ingest.ner.TrainingSentences.Sent;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFParameters;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.classification.sgd.protos.CRFModelProto;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

/**
 * Trains the entity tagger: linear-chain CRFs with Tribuo ({@link CRFTrainer}, AdaGrad, fixed
 * seed, sorted inputs, one thread) on the TRAINING splits of BC5CDR, BioRED and PHEE, one model per
 * label family, each on the corpora that annotate its labels (so a corpus that does not annotate
 * genes never teaches that genes are not entities); reports mention-level figures of each model on
 * the DEVELOPMENT splits; exports the weights to the compact resource {@link CrfTagger} runs; and
 * checks that {@link CrfTagger} labels the development sentences exactly as Tribuo's own predict.
 *
 * <pre>java ... org.litgraph.ingest.ner.TaggerTrainer SHARED_DIR OUT_MODEL [--epochs N] [--min-count K]
 *     [--scheme family|joint] [--no-dictionary] [--fraction F] [--lexicon DIR] [--dictionary-dropout P] [--no-bigrams]</pre>
 */
public final class TaggerTrainer {
    /** A model: the types it labels and the corpora it learns from (each must annotate all its types). */
    record Family(String name, List<EntityType> types, Set<Source> sources) {
    }

    /** Options (defaults are the shipped model's). */
    record Options(int epochs, int minCount, double learningRate, String scheme, boolean dictionary, double fraction,
                   long seed, Path lexicon, double dictionaryDropout, boolean bigrams) {
        static Options defaults() {
            return new Options(5, 2, 0.1, "family", true, 1.0, 1L, null, 0.5, false);
        }
    }

    private TaggerTrainer() {
    }

    static List<Family> families(String scheme) {
        return switch (scheme) {
            case "family" -> List.of(
                    new Family("chemical", List.of(EntityType.CHEMICAL), EnumSet.of(Source.BC5CDR, Source.BIORED, Source.PHEE)),
                    new Family("disease", List.of(EntityType.DISEASE), EnumSet.of(Source.BC5CDR, Source.BIORED)),
                    new Family("biored", List.of(EntityType.GENE, EntityType.CELL_LINE, EntityType.SPECIES,
                            EntityType.VARIANT), EnumSet.of(Source.BIORED)));
            case "family-nophee" -> List.of(
                    new Family("chemical", List.of(EntityType.CHEMICAL), EnumSet.of(Source.BC5CDR, Source.BIORED)),
                    new Family("disease", List.of(EntityType.DISEASE), EnumSet.of(Source.BC5CDR, Source.BIORED)),
                    new Family("biored", List.of(EntityType.GENE, EntityType.CELL_LINE, EntityType.SPECIES,
                            EntityType.VARIANT), EnumSet.of(Source.BIORED)));
            // the naive mix, for comparison: every type from every corpus, unannotated types read as O
            case "joint" -> List.of(new Family("joint", List.of(EntityType.values()),
                    EnumSet.allOf(Source.class)));
            default -> throw new IllegalArgumentException("unknown scheme " + scheme + " (family, family-nophee, joint)");
        };
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TaggerTrainer SHARED_DIR OUT_MODEL [--epochs N] [--min-count K] [--lr R] "
                    + "[--scheme family|joint] [--no-dictionary] [--fraction F] [--lexicon DIR]");
            System.exit(2);
        }
        Options o = Options.defaults();
        int epochs = o.epochs();
        int minCount = o.minCount();
        double lr = o.learningRate();
        String scheme = o.scheme();
        boolean dictionary = o.dictionary();
        double fraction = o.fraction();
        Path lexicon = null;
        double dropout = o.dictionaryDropout();
        boolean bigrams = o.bigrams();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--min-count" -> minCount = Integer.parseInt(args[++i]);
                case "--lr" -> lr = Double.parseDouble(args[++i]);
                case "--scheme" -> scheme = args[++i];
                case "--no-dictionary" -> dictionary = false;
                case "--fraction" -> fraction = Double.parseDouble(args[++i]);
                case "--lexicon" -> lexicon = Path.of(args[++i]);
                case "--dictionary-dropout" -> dropout = Double.parseDouble(args[++i]);
                case "--no-bigrams" -> bigrams = false;
                case "--bigrams" -> bigrams = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        o = new Options(epochs, minCount, lr, scheme, dictionary, fraction, o.seed(), lexicon, dropout, bigrams);
        train(Path.of(args[0]), Path.of(args[1]), o, System.out);
    }

    /** Trains, reports and writes the model; returns the exported model. */
    static TaggerModel train(Path shared, Path out, Options o, java.io.PrintStream log) throws IOException {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        long t0 = System.nanoTime();
        DictionaryMatcher matcher = !o.dictionary() ? null
                : o.lexicon() == null ? new DictionaryMatcher(Lexicon.defaultLexicon()) : LexiconFiles.read(o.lexicon()).matcher();
        log.printf(Locale.ROOT, "options: %s%n", o);
        log.printf(Locale.ROOT, "lexicon: %s%n", matcher == null ? "none" : matcher.lexicon().size() + " entries");
        Map<String, String> pool = TrainingSentences.newPool();
        List<Sent> train = new ArrayList<>();
        List<Sent> dev = new ArrayList<>();
        for (Source s : Source.values()) {
            List<NerCorpus.Doc> docs = NerCorpus.read(shared, s, true);
            if (o.fraction() < 1.0) {
                docs = docs.subList(0, (int) Math.ceil(docs.size() * o.fraction()));
            }
            List<Sent> ts = TrainingSentences.of(docs, matcher, pool);
            List<Sent> ds = TrainingSentences.of(NerCorpus.read(shared, s, false), matcher, null);
            log.printf(Locale.ROOT, "%-7s train %4d docs %6d sentences %7d tokens | dev %5d sentences%n", s, docs.size(),
                    ts.size(), ts.stream().mapToInt(Sent::size).sum(), ds.size());
            train.addAll(ts);
            dev.addAll(ds);
        }
        log.printf(Locale.ROOT, "features built in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<Family> families = families(o.scheme());
        List<CRFModel> models = new ArrayList<>();
        for (Family f : families) {
            long t1 = System.nanoTime();
            CRFModel m = trainFamily(f, train, o, log);
            models.add(m);
            log.printf(Locale.ROOT, "model %s: %d features, %d labels, trained in %.1f s%n", f.name(),
                    m.getFeatureIDMap().size(), m.getOutputIDInfo().size(), (System.nanoTime() - t1) / 1e9);
        }
        // words of the training text: their feature sums are precomputed at load time
        TreeSet<String> words = new TreeSet<>();
        for (Sent s : train) {
            for (int t = 0; t < s.size(); t++) {
                words.add(s.doc().text().substring(s.starts()[t], s.ends()[t]));
            }
        }
        String info = String.format(Locale.ROOT, "scheme=%s epochs=%d minCount=%d lr=%s dictionary=%s dropout=%s bigrams=%s lexicon=%d",
                o.scheme(), o.epochs(), o.minCount(), o.learningRate(), o.dictionary(), o.dictionaryDropout(), o.bigrams(),
                matcher == null ? 0 : matcher.lexicon().size());
        TaggerModel exported = export(families, models, List.copyOf(words), info, o.bigrams() ? TaggerModel.BIGRAMS : 0);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            exported.write(os);
        }
        log.printf(Locale.ROOT, "training took %.1f s; wrote %s (%d bytes, %d features, %d words)%n",
                (System.nanoTime() - t0) / 1e9, out, Files.size(out), exported.featureHashes().length, words.size());

        // development figures of each model, with Tribuo's own predict, and agreement of litgraph's decoder
        CrfTagger tagger = new CrfTagger(TaggerModel.read(Files.newInputStream(out)));
        for (int fi = 0; fi < families.size(); fi++) {
            report(families.get(fi), fi, models.get(fi), tagger, dev, matcher, log);
        }
        return exported;
    }

    static CRFModel trainFamily(Family f, List<Sent> train, Options o, java.io.PrintStream log) {
        Map<String, Integer> counts = new HashMap<>();
        List<Sent> used = new ArrayList<>();
        for (Sent s : train) {
            if (f.sources().contains(s.doc().source())) {
                used.add(s);
                for (String[] fs : s.features()) {
                    for (String name : fs) {
                        counts.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        LabelFactory factory = new LabelFactory();
        MutableSequenceDataset<Label> ds = new MutableSequenceDataset<>(new SimpleDataSourceProvenance(
                "litgraph-ner-" + f.name(), OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory), factory);
        // dictionary dropout: a share of the sentences is seen without its dictionary features, so the
        // model also learns to find names the lexicon lacks (on the training text it knows too many of them)
        java.util.Random dropRandom = new java.util.Random(o.seed() * 31 + f.name().hashCode());
        for (Sent s : used) {
            String[] labels = s.labels(f.types());
            List<Example<Label>> exs = new ArrayList<>(s.size());
            boolean drop = o.dictionaryDropout() > 0 && dropRandom.nextDouble() < o.dictionaryDropout();
            for (int t = 0; t < s.size(); t++) {
                String[] kept = Arrays.stream(s.features()[t]).filter(n -> counts.get(n) >= o.minCount()
                        && !(drop && isDictionaryFeature(n)) && (o.bigrams() || !isBigram(n))).toArray(String[]::new);
                double[] ones = new double[kept.length];
                Arrays.fill(ones, 1.0);
                exs.add(new ArrayExample<>(new Label(labels[t]), kept, ones));
            }
            ds.add(new SequenceExample<>(exs));
        }
        log.printf(Locale.ROOT, "model %s: %d sentences from %s%n", f.name(), used.size(), f.sources());
        CRFTrainer trainer = new CRFTrainer(new AdaGrad(o.learningRate(), 0.1), o.epochs(), 1_000_000, 1, o.seed());
        return (CRFModel) trainer.train(ds);
    }

    static boolean isBigram(String name) {
        return name.startsWith("B-=") || name.startsWith("B+=");
    }

    static boolean isDictionaryFeature(String name) {
        return name.startsWith("D=") || name.startsWith("D-1=") || name.startsWith("D1=") || name.startsWith("A=SF-");
    }

    /** Feature names to hashes, the union over models; weights quantised per label column. */
    static TaggerModel export(List<Family> families, List<CRFModel> models, List<String> words, String info, int flags) {
        List<TaggerModel.Part> parts = new ArrayList<>();
        List<double[][]> featureWeights = new ArrayList<>(); // per model [feature][label]
        List<long[]> featureHashes = new ArrayList<>();
        TreeSet<Long> all = new TreeSet<>();
        for (int m = 0; m < models.size(); m++) {
            CRFModel model = models.get(m);
            Tensor[] w = parameters(model).get();
            DenseVector bias = (DenseVector) w[0];
            DenseMatrix fl = (DenseMatrix) w[1];
            DenseMatrix ll = (DenseMatrix) w[2];
            ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
            int L = labels.size();
            List<String> names = new ArrayList<>(L);
            float[] b = new float[L];
            float[] tr = new float[L * L];
            for (int i = 0; i < L; i++) {
                names.add(labels.getOutput(i).getLabel());
                b[i] = (float) bias.get(i);
                for (int j = 0; j < L; j++) {
                    tr[i * L + j] = (float) ll.get(i, j);
                }
            }
            parts.add(new TaggerModel.Part(families.get(m).name(), List.copyOf(names), b, tr));
            ImmutableFeatureMap fm = model.getFeatureIDMap();
            long[] hashes = new long[fm.size()];
            double[][] fw = new double[fm.size()][L];
            for (int id = 0; id < fm.size(); id++) {
                hashes[id] = FeatureHash.of(fm.get(id).getName());
                for (int l = 0; l < L; l++) {
                    fw[id][l] = fl.get(l, id);
                }
                all.add(hashes[id]);
            }
            featureHashes.add(hashes);
            featureWeights.add(fw);
        }
        long[] union = all.stream().mapToLong(Long::longValue).toArray();
        Map<Long, Integer> row = new HashMap<>(union.length * 2);
        for (int i = 0; i < union.length; i++) {
            row.put(union[i], i);
        }
        int total = parts.stream().mapToInt(TaggerModel.Part::size).sum();
        double[][] cols = new double[total][union.length];
        int off = 0;
        for (int m = 0; m < models.size(); m++) {
            long[] hashes = featureHashes.get(m);
            double[][] fw = featureWeights.get(m);
            int L = parts.get(m).size();
            for (int id = 0; id < hashes.length; id++) {
                int r = row.get(hashes[id]);
                for (int l = 0; l < L; l++) {
                    cols[off + l][r] += fw[id][l];
                }
            }
            off += L;
        }
        float[] scales = new float[total];
        short[][] q = new short[total][union.length];
        for (int l = 0; l < total; l++) {
            double max = 0;
            for (double v : cols[l]) {
                max = Math.max(max, Math.abs(v));
            }
            scales[l] = max == 0 ? 1f : (float) (max / 32767.0);
            for (int i = 0; i < union.length; i++) {
                q[l][i] = (short) Math.round(cols[l][i] / scales[l]);
            }
        }
        return new TaggerModel(List.copyOf(parts), union, q, scales, words, info, flags);
    }

    static CRFParameters parameters(CRFModel model) {
        try {
            CRFModelProto proto = model.serialize().getSerializedData().unpack(CRFModelProto.class);
            return (CRFParameters) Parameters.deserialize(proto.getParams());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot read the CRF's parameters", e);
        }
    }

    /** Tribuo's own prediction for a sentence's features. */
    static String[] tribuoLabels(CRFModel model, Sent s) {
        List<Example<Label>> exs = new ArrayList<>(s.size());
        for (String[] fs : s.features()) {
            double[] ones = new double[fs.length];
            Arrays.fill(ones, 1.0);
            exs.add(new ArrayExample<>(new Label("O"), fs, ones));
        }
        List<Prediction<Label>> pred = model.predict(new SequenceExample<>(exs));
        String[] out = new String[s.size()];
        for (int t = 0; t < s.size(); t++) {
            out[t] = pred.get(t).getOutput().getLabel();
        }
        return out;
    }

    /** Agreement of litgraph's decoder with Tribuo's predict: {sentences, identical sentences, tokens, differing tokens}. */
    static int[] agreement(CRFModel model, int modelIndex, CrfTagger tagger, List<Sent> sentences, DictionaryMatcher matcher) {
        int[] c = new int[4];
        Encoded enc = new Encoded();
        CrfTagger.Scratch scratch = tagger.scratch();
        int[] ours = new int[256];
        DocumentContext ctx = null;
        for (Sent s : sentences) {
            String[] predicted = tribuoLabels(model, s);
            if (ctx == null || !ctx.text().equals(s.doc().text())) {
                ctx = Encoded.context(s.doc().text(), matcher);
            }
            enc.encode(s.doc().text(), s.from(), s.to(), matcher, ctx);
            tagger.emissions(enc, scratch);
            if (ours.length < enc.size) {
                ours = new int[enc.size * 2];
            }
            tagger.viterbi(scratch, enc.size, modelIndex, ours);
            boolean same = enc.size == s.size();
            for (int t = 0; t < Math.min(enc.size, s.size()); t++) {
                if (!tagger.labels(modelIndex).get(ours[t]).equals(predicted[t])) {
                    c[3]++;
                    same = false;
                }
            }
            c[0]++;
            c[1] += same ? 1 : 0;
            c[2] += s.size();
        }
        return c;
    }

    /** Mention-level P/R/F of one model on the dev sentences of the corpora annotating its types, and decoder agreement. */
    static void report(Family f, int modelIndex, CRFModel model, CrfTagger tagger, List<Sent> dev,
                       DictionaryMatcher matcher, java.io.PrintStream log) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // source/type -> tp, fp, fn
        for (Sent s : dev) {
            String[] predicted = null;
            for (EntityType type : f.types()) {
                if (!s.doc().source().annotates(type)) {
                    continue;
                }
                if (predicted == null) {
                    predicted = tribuoLabels(model, s);
                }
                Set<String> g = spans(s.labels(List.of(type)), type);
                Set<String> p = spans(predicted, type);
                int[] c = counts.computeIfAbsent(s.doc().source() + " " + type.label(), k -> new int[3]);
                for (String x : p) {
                    if (g.contains(x)) {
                        c[0]++;
                    } else {
                        c[1]++;
                    }
                }
                for (String x : g) {
                    if (!p.contains(x)) {
                        c[2]++;
                    }
                }
            }
        }
        log.printf(Locale.ROOT, "dev, model %s (Tribuo predict, mention level, exact span):%n", f.name());
        counts.forEach((k, c) -> log.printf(Locale.ROOT, "  %-18s tp %5d fp %5d fn %5d  P %.4f R %.4f F %.4f%n", k,
                c[0], c[1], c[2], p(c), r(c), f1(c)));
        int[] a = agreement(model, modelIndex, tagger, dev, matcher);
        log.printf(Locale.ROOT, "  litgraph decoder vs Tribuo predict: %d of %d dev sentences identical, %d of %d tokens differ%n",
                a[1], a[0], a[3], a[2]);
    }

    static Set<String> spans(String[] labels, EntityType type) {
        Set<String> out = new java.util.HashSet<>();
        String b = "B-" + type.label();
        String in = "I-" + type.label();
        int start = -1;
        for (int t = 0; t <= labels.length; t++) {
            String l = t < labels.length ? labels[t] : "O";
            boolean cont = l.equals(in) && start >= 0;
            if (!cont && start >= 0) {
                out.add(start + ":" + t);
                start = -1;
            }
            if (l.equals(b) || l.equals(in) && start < 0) {
                start = t;
            }
        }
        return out;
    }

    static double p(int[] c) {
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    static double r(int[] c) {
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    static double f1(int[] c) {
        double p = p(c);
        double r = r(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
