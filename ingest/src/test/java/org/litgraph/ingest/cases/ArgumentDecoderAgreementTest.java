package org.litgraph.ingest.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.ingest.lexicon.EntityRecognizer;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.Mention;

/**
 * The fast decoder of the shipped PHEE argument tagger ({@link PerceptronBeamDecoder}) finds exactly
 * the spans OpenNLP's NameFinderME finds: on sentences written for this test and, when the shared
 * data is there, on every PHEE development sentence.
 */
class ArgumentDecoderAgreementTest {
    private static TokenNameFinderModel model;
    private static EntityRecognizer recognizer;
    private static PerceptronBeamDecoder decoder;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenNlpArgumentTagger.class.getResourceAsStream(OpenNlpArgumentTagger.RESOURCE)) {
            assertNotNull(in, "shipped model");
            model = new TokenNameFinderModel(in);
        }
        recognizer = new EntityRecognizer(Lexicon.defaultLexicon());
    }

    private static int compare(List<String> sentences) {
        OpenNlpArgumentTagger slow = new OpenNlpArgumentTagger(model, false);
        OpenNlpArgumentTagger fast = new OpenNlpArgumentTagger(model, true);
        int arguments = 0;
        for (String s : sentences) {
            List<Mention> mentions = recognizer.find(s, 0, s.length(), Map.of());
            List<Argument> expected = slow.tag(s, 0, s.length(), mentions);
            assertEquals(expected, fast.tag(s, 0, s.length(), mentions), s);
            arguments += expected.size();
            sameFeatures(s, mentions);
        }
        return arguments;
    }

    /**
     * The decoder's taken-apart feature layout lists the features of the model's generator in the same
     * order with the same parameters (so its sums are the same to the last bit), and the features OpenNLP
     * adds after earlier outcomes are the four previous-outcome ones the decoder adds.
     */
    private static void sameFeatures(String s, List<Mention> mentions) {
        if (decoder == null) {
            decoder = PerceptronBeamDecoder.of(model); // one decoder throughout: its caches carry over sentences
        }
        PerceptronBeamDecoder d = decoder;
        assertTrue(d.hasLayout(), "the shipped model has the feature layout of PheeTrainer.FEATURES");
        TaggerTokens t = TaggerTokens.of(s, 0, s.length(), mentions);
        String[] preds = new String[t.size()];
        double[][][] sums = d.bothSums(t.words, t.context);
        for (int i = 0; i < t.size(); i++) {
            assertTrue(java.util.Arrays.equals(sums[0][i], sums[1][i]), "bit-identical sums @" + i + " of " + s);
        }
        for (int i = 0; i < t.size(); i++) {
            List<String> expected = d.staticFeatures(t.words, t.context, i);
            assertEquals(expected, d.layoutFeatures(t.words, t.context, i), s + " @" + i);
            List<opennlp.tools.ml.model.Context> want = d.staticContexts(t.words, t.context, i);
            List<opennlp.tools.ml.model.Context> got = d.layoutContexts(t.words, t.context, i);
            assertEquals(want.size(), got.size());
            for (int k = 0; k < want.size(); k++) {
                assertTrue(want.get(k) == got.get(k), "same parameters for " + expected.get(k));
            }
            String[] before = java.util.Arrays.copyOf(preds, i);
            List<String> full = new ArrayList<>(expected);
            String po = i > 0 ? before[i - 1] : "other";
            full.add("po=" + po);
            full.add("pow=" + po + "," + t.words[i]);
            full.add("powf=" + po + "," + opennlp.tools.util.featuregen.FeatureGeneratorUtil.tokenFeature(t.words[i]));
            full.add("ppo=" + (i > 1 ? before[i - 2] : "other"));
            assertEquals(full, d.fullFeatures(t.words, t.context, i, before), s + " @" + i);
            preds[i] = i % 3 == 0 ? "other" : i % 3 == 1 ? "DRUG-start" : "DRUG-cont";
        }
    }

    @Test
    void thresholdIsTheSortedArraysValue() {
        java.util.Random r = new java.util.Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            double[] v = new double[1 + r.nextInt(40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextInt(4) == 0 ? 0.25 : r.nextDouble(); // repeats too
            }
            for (int k = 1; k <= 5; k++) {
                double[] sorted = v.clone();
                java.util.Arrays.sort(sorted);
                assertEquals(sorted[Math.max(0, sorted.length - k)], PerceptronBeamDecoder.threshold(v, k));
            }
        }
    }

    @Test
    void agreesOnOwnSentences() {
        assertNotNull(PerceptronBeamDecoder.of(model), "the shipped model is a perceptron");
        int found = compare(List.of(
                "A 54-year-old woman developed severe hepatitis two weeks after starting oral amoxicillin 500 mg three times daily.",
                "Haloperidol was not associated with seizures in this cohort.",
                "Intravenous vancomycin may have caused the acute kidney injury seen in the boy.",
                "Lisinopril controlled blood pressure well, but a dry cough appeared after a month and resolved on withdrawal.",
                "",
                "(",
                "Cisplatin-induced nephrotoxicity and ototoxicity were dose dependent in adults receiving 100 mg/m2 every 3 weeks."));
        assertTrue(found > 5, "arguments found: " + found);
    }

    @Test
    void agreesOnPheeDevelopmentSentences() throws IOException {
        Path dev = Path.of(System.getProperty("litgraph.shared", "../shared")).toAbsolutePath().normalize()
                .resolve("data/phee/dev");
        Assumptions.assumeTrue(Files.isDirectory(dev), "shared data missing at " + dev);
        List<String> sentences = new ArrayList<>();
        for (PheeCorpus.Sentence s : PheeCorpus.read(dev)) {
            sentences.add(s.text());
        }
        int found = compare(sentences);
        assertTrue(sentences.size() > 500 && found > 1000, sentences.size() + " sentences, " + found + " arguments");
    }
}
