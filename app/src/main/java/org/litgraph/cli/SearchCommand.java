package org.litgraph.cli;

import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.query.answer.AnswerText;
import org.litgraph.query.answer.CaseSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over patient cases and evidence sentences, with synonyms from the graph",
                "(\"Gleevec\" also finds imatinib), highlighted snippets and optional facets."})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
    String format;

    @Option(names = "--limit", description = "hits to show (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int limit;

    @Option(names = "--facets", description = "count drug, condition, outcome, sex and age band over the hits")
    boolean facets;

    @Parameters(arity = "1..*", paramLabel = "QUERY")
    java.util.List<String> query;

    @Override
    public Integer call() {
        try (Store store = storeOptions.open()) {
            CaseSearch.Answer a = new CaseSearch(store).search(String.join(" ", query), limit, facets);
            return AskCommand.print(format, a, x -> AnswerText.search((CaseSearch.Answer) x));
        }
    }
}
