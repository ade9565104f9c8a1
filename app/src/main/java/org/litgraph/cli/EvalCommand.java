package org.litgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litgraph.ingest.bc5cdr.Bc5cdrEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores litgraph against a benchmark. 'eval bc5cdr GOLD [PREDICTED]' prints mention, concept",
                "and CID relation precision, recall and F1 as the BioCreative V CDR task scored them; without",
                "PREDICTED it annotates GOLD's text itself and also prints throughput."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "bc5cdr")
    String benchmark;

    @Parameters(index = "1", paramLabel = "GOLD_FILE")
    Path gold;

    @Parameters(index = "2", paramLabel = "PREDICTED_FILE", arity = "0..1")
    Path predicted;

    @Override
    public Integer call() {
        if (!"bc5cdr".equalsIgnoreCase(benchmark)) {
            throw new IllegalArgumentException("unknown benchmark '" + benchmark + "' (known: bc5cdr)");
        }
        Bc5cdrEvaluator.Report r = predicted == null ? Bc5cdrEvaluator.evaluate(gold) : Bc5cdrEvaluator.evaluate(gold, predicted);
        System.out.print(r.table());
        return 0;
    }
}
