package org.litgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.ingest.lexicon.LexiconBuilder;
import org.litgraph.ingest.relation.RelationTrainer;
import org.litgraph.ingest.ner.NerBench;
import org.litgraph.ingest.ner.NerEvaluator;
import org.litgraph.ingest.ner.TaggerTrainer;
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
                "'lexicon train-phee' retrains the PHEE argument tagger (drug, effect, age, dose, route, ...) on PHEE's",
                "training split and prints its span scores on the development split (deterministic, CPU, one thread);",
                "'lexicon train-tagger' retrains the entity tagger (CRFs, Tribuo) on the BC5CDR, BioRED and PHEE training",
                "sets with the current lexicon's dictionary features (run it after 'lexicon build'; -Xmx4g is plenty);",
                "'lexicon eval-tagger' scores the tagger and its grounding on the development sets;",
                "'lexicon bench-tagger' measures its tagging speed;",
                "'lexicon stats' loads the shipped lexicon and prints its size, load time and heap.",
                "Run train-tagger, then train-relations and train-phee again after the lexicon or the recogniser changes.",
                "Rebuild the app afterwards (./mvnw -q -DskipTests package) to ship them."})
final class LexiconCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "build, train-tagger, eval-tagger, bench-tagger, train-relations, train-phee or stats")
    String action;

    /** Further options of train-tagger (--epochs N ...), eval-tagger (--corpus bc5cdr ...) or bench-tagger (ROUNDS). */
    @picocli.CommandLine.Unmatched
    java.util.List<String> extra = new java.util.ArrayList<>();

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
            case "train-phee" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/cases/phee-arguments.bin");
                Path phee = shared.resolve("data/phee");
                System.out.print(org.litgraph.ingest.cases.PheeTrainer.train(phee.resolve("train"), phee.resolve("dev"), target,
                        org.litgraph.ingest.cases.PheeTrainer.Settings.standard()));
                System.out.println("wrote " + target);
            }
            case "train-tagger" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/ner/tagger-model.bin.gz");
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(shared.toString(), target.toString()));
                args.addAll(extra);
                TaggerTrainer.main(args.toArray(new String[0]));
            }
            case "eval-tagger" -> {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(shared.toString()));
                args.addAll(extra);
                NerEvaluator.main(args.toArray(new String[0]));
            }
            case "bench-tagger" -> {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(shared.toString()));
                args.addAll(extra);
                NerBench.main(args.toArray(new String[0]));
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
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (build, train-tagger, eval-tagger, bench-tagger, train-relations, train-phee or stats)");
        }
        return 0;
    }
}
