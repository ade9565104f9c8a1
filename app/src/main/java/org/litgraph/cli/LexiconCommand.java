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
                "'lexicon build' writes vocab.tsv.gz (MeSH 2024, GO processes, human genes, HGNC families, BC5CDR",
                "training names), drugs/drugs.tsv.gz and drugs/drug-targets.tsv.gz (DrugCentral, RxNorm; CC BY-SA 4.0)",
                "and bc5cdr/names.tsv, and prints what it took;",
                "'lexicon train-cid' retrains the chemical-induced-disease model on the BC5CDR training set;",
                "'lexicon stats' loads the shipped lexicon and prints its size, load time and heap.",
                "Rebuild the app afterwards (./mvnw -q -DskipTests package) to ship them."})
final class LexiconCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "build, train-cid or stats")
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
                System.out.print(LexiconBuilder.build(shared, target));
                System.out.println("wrote " + target + " and " + target.toAbsolutePath().getParent().resolve("drugs"));
            }
            case "train-cid" -> {
                Path target = out != null ? out
                        : home.resolve("ingest/src/main/resources/org/litgraph/ingest/bc5cdr/cid-model.tsv");
                CidTrainer.main(new String[] {shared.toString(), target.toString()});
                System.out.println("wrote " + target);
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
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (build, train-cid or stats)");
        }
        return 0;
    }
}
