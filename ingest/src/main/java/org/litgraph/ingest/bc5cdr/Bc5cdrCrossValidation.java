package org.litgraph.ingest.bc5cdr;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.litgraph.ingest.lexicon.LexiconBuilder;

/**
 * Honest error analysis inside the BC5CDR <em>training</em> set: k folds (document i goes to fold
 * i mod k); for each fold the learned names ({@link LexiconBuilder#benchmark}) and the relation
 * model ({@link CidTrainer#train}) come from the other folds only, and the held-out fold is
 * annotated and scored. The development set is not read.
 *
 * <pre>java ... org.litgraph.ingest.bc5cdr.Bc5cdrCrossValidation SHARED_DIR [FOLDS] [OUT_PREFIX]</pre>
 * With {@code OUT_PREFIX}, the held-out predictions and gold are written as PubTator files for error analysis.
 */
public final class Bc5cdrCrossValidation {
    private Bc5cdrCrossValidation() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Bc5cdrEvaluator.Report r = run(shared, folds, args.length > 2 ? Path.of(args[2]) : null);
        System.out.print(r.table());
    }

    static Bc5cdrEvaluator.Report run(Path shared, int folds, Path outPrefix) throws IOException {
        List<PubTator.Doc> training = PubTator.read(shared.resolve("data/bc5cdr/CDR_TrainingSet.PubTator.txt"));
        Map<String, String> trees = CidTrainer.diseaseTrees(shared);
        List<PubTator.Doc> gold = new ArrayList<>();
        List<PubTator.Doc> predicted = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<PubTator.Doc> train = new ArrayList<>();
            List<PubTator.Doc> test = new ArrayList<>();
            for (int i = 0; i < training.size(); i++) {
                (i % folds == fold ? test : train).add(training.get(i));
            }
            LexiconBuilder.Benchmark b = LexiconBuilder.benchmark(shared, train);
            Bc5cdrAnnotator mentions = new Bc5cdrAnnotator(b.lexicon(), b.prefer(), b.block(), null);
            double[] cv = new double[1];
            // as CidTrainer does for the shipped model: mentions of each training document from names learned without it
            CidModel model = CidTrainer.train(train, CidTrainer.outOfFold(shared, train, CidTrainer.FOLDS), mentions.lexicon(),
                    trees, cv);
            Bc5cdrAnnotator annotator = mentions.withModel(model);
            List<PubTator.Doc> foldPred = new ArrayList<>();
            for (PubTator.Doc d : test) {
                foldPred.add(annotator.annotate(d));
            }
            Bc5cdrEvaluator.Report fr = Bc5cdrEvaluator.score(test, foldPred, 0);
            System.err.printf(Locale.ROOT, "fold %d: chem %.4f dis %.4f cid %.4f (threshold %.2f, inner CV %.4f)%n", fold,
                    fr.get(Bc5cdrEvaluator.CHEMICAL_CONCEPT).f1(), fr.get(Bc5cdrEvaluator.DISEASE_CONCEPT).f1(),
                    fr.get(Bc5cdrEvaluator.CID_RELATION).f1(), model.threshold, cv[0]);
            gold.addAll(test);
            predicted.addAll(foldPred);
        }
        if (outPrefix != null) {
            write(gold, Path.of(outPrefix + ".gold.PubTator"));
            write(predicted, Path.of(outPrefix + ".pred.PubTator"));
        }
        return Bc5cdrEvaluator.score(gold, predicted, 0);
    }

    private static void write(List<PubTator.Doc> docs, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (PubTator.Doc d : docs) {
                Bc5cdrAnnotator.write(d, w);
            }
        }
    }
}
