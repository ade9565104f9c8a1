package org.litgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.ingest.eval.PheeBenchmark;
import org.litgraph.ingest.eval.PubTatorBenchmark;
import org.litgraph.ingest.eval.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores the extraction pipeline (the code ingest runs) against an annotated corpus.",
                "  eval bc5cdr GOLD.PubTator [PREDICTED]  mentions, concepts and CID (our CAUSES) as BioCreative V CDR",
                "  eval biored GOLD.PubTator [PREDICTED]  chemical/disease/gene mentions and concepts, relation pairs",
                "  eval phee GOLD_DIR                     drug-effect pairs with event type, argument spans per role (brat)",
                "  eval cases GOLD.jsonl                  case assessment per field (dechallenge, rechallenge, outcome, causality...)",
                "Without PREDICTED the pipeline annotates the gold text itself (annotations stripped);",
                "PREDICTED is a file written by 'annotate --format pubtator'."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "bc5cdr, biored, phee or cases")
    String benchmark;

    @Parameters(index = "1", paramLabel = "GOLD")
    Path gold;

    @Parameters(index = "2", paramLabel = "PREDICTED_FILE", arity = "0..1")
    Path predicted;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(gold)) {
            throw new IllegalArgumentException("no such file or directory: " + gold);
        }
        Report r = switch (benchmark.toLowerCase(java.util.Locale.ROOT)) {
            case "bc5cdr" -> pubtator(PubTatorBenchmark.Kind.BC5CDR);
            case "biored" -> pubtator(PubTatorBenchmark.Kind.BIORED);
            case "cases" -> {
                System.out.print(org.litgraph.ingest.eval.CaseBenchmark.evaluate(gold, Annotator.standard()).table());
                yield null;
            }
            case "phee" -> {
                if (predicted != null) {
                    throw new IllegalArgumentException("eval phee scores the pipeline itself; it takes no PREDICTED file");
                }
                yield PheeBenchmark.evaluate(gold, Annotator.standard());
            }
            default -> throw new IllegalArgumentException("unknown benchmark '" + benchmark + "' (known: bc5cdr, biored, phee, cases)");
        };
        if (r != null) {
            System.out.print(r.table());
        }
        return 0;
    }

    private Report pubtator(PubTatorBenchmark.Kind kind) throws Exception {
        return predicted == null ? PubTatorBenchmark.evaluate(kind, gold, Annotator.standard())
                : PubTatorBenchmark.evaluate(kind, gold, predicted);
    }
}
