package org.litgraph.ingest.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.ner.NerCorpus.Source;
import org.litgraph.ingest.ner.TaggerTrainer.Family;
import org.litgraph.ingest.ner.TrainingSentences.Sent;
import org.tribuo.classification.sgd.crf.CRFModel;

/**
 * litgraph's own feature extraction and Viterbi over the exported weights label development
 * sentences as Tribuo's CRFModel.predict does. A small model (a slice of the training splits,
 * two epochs) keeps the test short; the training command reports the same check for the shipped model.
 */
class DecoderAgreementTest {
    @Test
    void exportedDecoderAgreesWithTribuoOnDevelopmentSentences() throws IOException {
        Path shared = Path.of(System.getProperty("litgraph.shared", "../shared")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("data/bc5cdr")) && Files.isDirectory(shared.resolve("data/biored")),
                "shared data missing at " + shared);
        DictionaryMatcher matcher = new DictionaryMatcher(Lexicon.defaultLexicon());
        List<Sent> train = new ArrayList<>();
        train.addAll(TrainingSentences.of(NerCorpus.read(shared, Source.BC5CDR, true).subList(0, 40), matcher,
                TrainingSentences.newPool()));
        train.addAll(TrainingSentences.of(NerCorpus.read(shared, Source.BIORED, true).subList(0, 30), matcher,
                TrainingSentences.newPool()));
        List<Family> families = List.of(
                new Family("chemical", List.of(EntityType.CHEMICAL), EnumSet.of(Source.BC5CDR, Source.BIORED)),
                new Family("biored", List.of(EntityType.GENE, EntityType.CELL_LINE, EntityType.SPECIES, EntityType.VARIANT),
                        EnumSet.of(Source.BIORED)));
        List<Sent> dev = new ArrayList<>();
        dev.addAll(TrainingSentences.of(NerCorpus.read(shared, Source.BC5CDR, false).subList(0, 40), matcher, null));
        dev.addAll(TrainingSentences.of(NerCorpus.read(shared, Source.BIORED, false).subList(0, 20), matcher, null));
        for (boolean bigrams : new boolean[] {false, true}) {
            TaggerTrainer.Options o = new TaggerTrainer.Options(2, 1, 0.1, "family", true, 1.0, 1L, null, 0.5, bigrams);
            List<CRFModel> models = new ArrayList<>();
            for (Family f : families) {
                models.add(TaggerTrainer.trainFamily(f, train, o, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
            }
            TaggerModel exported = TaggerTrainer.export(families, models, List.of("the", "of", "and", "Patients", "("), "test",
                    bigrams ? TaggerModel.BIGRAMS : 0);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            exported.write(bytes);
            CrfTagger tagger = new CrfTagger(TaggerModel.read(new ByteArrayInputStream(bytes.toByteArray())));
            for (int m = 0; m < families.size(); m++) {
                int[] a = TaggerTrainer.agreement(models.get(m), m, tagger, dev, matcher);
                System.out.printf("model %s (bigrams %s): %d of %d dev sentences identical, %d of %d tokens differ%n",
                        families.get(m).name(), bigrams, a[1], a[0], a[3], a[2]);
                assertEquals(dev.size(), a[0]);
                assertTrue(a[2] > 5000, "enough tokens compared");
                // weights are quantised to 16 bits: a near-tie may flip, nothing more
                assertTrue(a[3] <= a[2] / 2000, "tokens differing: " + a[3] + " of " + a[2]);
                assertTrue(a[1] >= a[0] - Math.max(1, a[0] / 200), "sentences differing: " + (a[0] - a[1]));
            }
        }
    }
}
