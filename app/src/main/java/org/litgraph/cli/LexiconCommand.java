package org.litgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litgraph.ingest.bc5cdr.CidTrainer;
import org.litgraph.ingest.lexicon.LexiconBuilder;
import org.litgraph.ingest.ner.NerBench;
import org.litgraph.ingest.ner.NerEvaluator;
import org.litgraph.ingest.ner.TaggerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lexicon", mixinStandardHelpOptions = true,
        description = {"Rebuilds the generated grounding resources from open vocabularies (reproducible):",
                "'lexicon build' writes vocab.tsv.gz from MeSH, human genes and BC5CDR training names;",
                "'lexicon train-cid' retrains the chemical-induced-disease model on the BC5CDR training set;",
                "'lexicon train-tagger' retrains the entity tagger (CRFs, Tribuo) on the BC5CDR, BioRED and PHEE training",
                "sets with the current lexicon's dictionary features (run it after 'lexicon build'; -Xmx4g is plenty);",
                "'lexicon eval-tagger' scores the tagger and its grounding on the development sets;",
                "'lexicon bench-tagger' measures its tagging speed.",
                "Rebuild the app afterwards (./mvnw -q -DskipTests package) to ship them."})
final class LexiconCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION",
            description = "build, train-cid, train-tagger, eval-tagger or bench-tagger")
    String action;

    /** Further options of train-tagger (--epochs N ...), eval-tagger (--corpus bc5cdr ...) or bench-tagger (ROUNDS). */
    @picocli.CommandLine.Unmatched
    java.util.List<String> extra = new java.util.ArrayList<>();

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
            default -> throw new IllegalArgumentException("unknown action '" + action
                    + "' (build, train-cid, train-tagger, eval-tagger or bench-tagger)");
        }
        return 0;
    }
}
