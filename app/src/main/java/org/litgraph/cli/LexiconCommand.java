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
                "'lexicon build' writes vocab.tsv.gz (MeSH 2024, GO processes, human genes, HGNC families, BC5CDR",
                "training names), drugs/drugs.tsv.gz and drugs/drug-targets.tsv.gz (DrugCentral, RxNorm; CC BY-SA 4.0)",
                "and prints what it took;",
                "'lexicon train-relations' retrains the relation model (Tribuo/liblinear logistic heads for",
                "CAUSES, TREATS, INHIBITS, ACTIVATES, BINDS, ASSOCIATED_WITH) on the BC5CDR, BioRED and PHEE",
                "training splits, with cost, thresholds and fallbacks chosen on their development splits;",
                "'lexicon stats' loads the shipped lexicon and prints its size, load time and heap.",
                "Run train-relations again after the lexicon or the recogniser changes.",
                "Rebuild the app afterwards (./mvnw -q -DskipTests package) to ship them."})
final class LexiconCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "build, train-relations or stats")
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
            defaultValue = "pipeline")
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
                System.out.print(LexiconBuilder.build(shared, target));
                System.out.println("wrote " + target + " and " + target.toAbsolutePath().getParent().resolve("drugs"));
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
            case "stats" -> {
                Runtime rt = Runtime.getRuntime();
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                System.gc();
                long heap0 = rt.totalMemory() - rt.freeMemory();
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                org.litgraph.ingest.lexicon.Lexicon l = org.litgraph.ingest.lexicon.Lexicon.defaultLexicon();
                long wall = System.nanoTime() - wall0;
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
                long heap = rt.totalMemory() - rt.freeMemory() - heap0;
                System.out.printf(java.util.Locale.ROOT, "lexicon: %,d entries, %,d indexed names; loaded in %.2f s "
                        + "(%.2f s CPU); retained heap about %.0f MiB%n", l.size(), l.names(), wall / 1e9, cpu / 1e9,
                        heap / 1048576.0);
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (build, train-relations or stats)");
        }
        return 0;
    }
}
