package org.litgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.ingest.IngestReport;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;
import org.litgraph.query.answer.AnswerText;
import org.litgraph.query.answer.EvidenceQuestion;
import org.litgraph.query.answer.Mechanism;
import org.litgraph.server.LexiconGrounding;
import org.litgraph.query.ResultFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job on the bundled example corpus: ingest examples/corpus, answer a few",
                "questions about a drug and write an evidence map (CSV)."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--corpus", paramLabel = "DIR", description = "documents to ingest (default: examples/corpus)")
    Path corpus;

    @Option(names = "--drug", description = "the drug to ask about (default: ${DEFAULT-VALUE})", defaultValue = "Gleevec")
    String drug;

    @Option(names = "--condition", description = "the condition for the mechanism question (default: ${DEFAULT-VALUE})",
            defaultValue = "interstitial lung disease")
    String condition;

    @Option(names = "--out", paramLabel = "FILE", description = "evidence map CSV (default: ${DEFAULT-VALUE})",
            defaultValue = "evidence-map.csv")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path dir = corpus != null ? corpus : Path.of(System.getProperty("litgraph.home", ".")).resolve("examples/corpus");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no example corpus at " + dir + " (pass --corpus DIR)");
        }
        try (Store store = storeOptions.open()) {
            IngestReport report = IngestCommand.ingest(store, List.of(dir), 200, true);
            IngestCommand.printSummary(store, report);
            CypherRunner runner = new CypherRunner(store);
            Map<String, Object> p = new HashMap<>();
            p.put("drug", drug);
            p.put("condition", condition);
            p.put("relationship", null);
            section("Which entity is '" + drug + "'?", runner.named("resolve-entity", Map.of("name", drug, "label", "Drug")));
            section("What is " + drug + " reported to cause and to treat?", runner.named("drug-effects", p));
            System.out.println();
            System.out.println("== Through which targets and processes could " + drug + " lead to " + condition + "?");
            System.out.print(AnswerText.mechanism(new Mechanism(store, LexiconGrounding.shared()).ask(drug, condition)));
            System.out.println();
            System.out.println("== What supports or contradicts " + drug + " causing " + condition + "?");
            System.out.print(AnswerText.evidence(new EvidenceQuestion(store, LexiconGrounding.shared()).ask(drug, condition)));
            section("Which patients received " + drug + "?", runner.named("drug-cases", p));
            p.put("drug", null);
            p.put("condition", null);
            QueryResult map = runner.named("evidence-map", p);
            Files.writeString(out, ResultFormat.CSV.render(map));
            System.out.printf("%nevidence map: %d rows written to %s%n", map.rows().size(), out.toAbsolutePath().normalize());
            return report.hasSkipped() ? Main.SKIPPED : 0;
        }
    }

    private static void section(String question, QueryResult result) {
        System.out.println();
        System.out.println("== " + question);
        System.out.print(ResultFormat.TABLE.render(result));
    }
}
