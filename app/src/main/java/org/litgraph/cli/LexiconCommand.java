package org.litgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litgraph.ingest.bc5cdr.CidTrainer;
import org.litgraph.ingest.lexicon.LexiconBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lexicon", mixinStandardHelpOptions = true,
        description = {"Rebuilds the generated grounding resources from open vocabularies (reproducible):",
                "'lexicon build' writes vocab.tsv.gz from MeSH, human genes and BC5CDR training names;",
                "'lexicon train-cid' retrains the chemical-induced-disease model on the BC5CDR training set;",
                "'lexicon train-phee' retrains the PHEE argument tagger (drug, effect, age, dose, route, ...) on PHEE's",
                "training split and prints its span scores on the development split (deterministic, CPU, one thread).",
                "Rebuild the app afterwards (./mvnw -q -DskipTests package) to ship them."})
final class LexiconCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "build, train-cid or train-phee")
    String action;

    @Option(names = "--shared", paramLabel = "DIR", description = "the data folder (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared")
    Path shared;

    @Option(names = "--out", paramLabel = "FILE", description = "output resource (default: the one in the source tree)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("litgraph.home", "."));
        switch (action) {
            case "build" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/lexicon/vocab.tsv.gz");
                System.out.println(LexiconBuilder.build(shared, target));
                System.out.println("wrote " + target);
            }
            case "train-cid" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/bc5cdr/cid-model.tsv");
                CidTrainer.main(new String[] {shared.toString(), target.toString()});
                System.out.println("wrote " + target);
            }
            case "train-phee" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/cases/phee-arguments.bin");
                Path phee = shared.resolve("data/phee");
                System.out.print(org.litgraph.ingest.cases.PheeTrainer.train(phee.resolve("train"), phee.resolve("dev"), target,
                        org.litgraph.ingest.cases.PheeTrainer.Settings.standard()));
                System.out.println("wrote " + target);
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (build, train-cid or train-phee)");
        }
        return 0;
    }
}
