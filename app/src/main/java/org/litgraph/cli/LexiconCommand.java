package org.litgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.ingest.lexicon.LexiconBuilder;
import org.litgraph.ingest.relation.RelationTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lexicon", mixinStandardHelpOptions = true,
        description = {"Rebuilds the generated grounding and relation resources (reproducible):",
                "'lexicon build' writes vocab.tsv.gz from MeSH, human genes and BC5CDR training names;",
                "'lexicon train-relations' retrains the relation model (Tribuo/liblinear logistic heads for",
                "CAUSES, TREATS, INHIBITS, ACTIVATES, BINDS, ASSOCIATED_WITH) on the BC5CDR, BioRED and PHEE",
                "training splits, with cost, thresholds and fallbacks chosen on their development splits.",
                "Run train-relations again after the lexicon or the recogniser changes.",
                "Rebuild the app afterwards (./mvnw -q -DskipTests package) to ship them."})
final class LexiconCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "build or train-relations")
    String action;

    @Option(names = "--shared", paramLabel = "DIR", description = "the data folder (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared")
    Path shared;

    @Option(names = "--out", paramLabel = "FILE", description = "output resource (default: the one in the source tree)")
    Path out;

    @Option(names = "--train-mentions", paramLabel = "gold|pipeline|both",
            description = "mentions the relation model learns from (default: ${DEFAULT-VALUE})", defaultValue = "both")
    String trainMentions;

    @Option(names = "--tune-mentions", paramLabel = "gold|pipeline|both",
            description = "mentions of the development splits the thresholds are chosen on (default: ${DEFAULT-VALUE})",
            defaultValue = "both")
    String tuneMentions;

    @Option(names = "--costs", paramLabel = "C,C,...", description = "liblinear costs to try (default: the trainer's grid)")
    String costs;

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
            case "train-relations" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/relation/relation-model.tsv.gz");
                List<String> args = new ArrayList<>(List.of("--shared", shared.toString(), "--out", target.toString(),
                        "--train-mentions", trainMentions, "--tune-mentions", tuneMentions));
                if (costs != null) {
                    args.addAll(List.of("--costs", costs));
                }
                RelationTrainer.main(args.toArray(String[]::new));
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (build or train-relations)");
        }
        return 0;
    }
}
