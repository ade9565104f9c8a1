package org.litgraph.cli;

import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.query.answer.AnswerText;
import org.litgraph.query.answer.CaseSearch;
import org.litgraph.server.LexiconGrounding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over every sentence of every document and over patient cases, with synonyms",
                "(\"Gleevec\" also finds imatinib), highlighted snippets and optional facets.",
                "Syntax: words side by side must all match; AND, OR, NOT (or -word), (parentheses), \"exact phrase\", prefix*.",
                "Examples: imatinib OR amiodarone | imatinib -infection | \"pleural effusion\" dasatinib | (imatinib OR nilotinib) AND rash"})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
    String format;

    @Option(names = "--limit", description = "hits to show (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int limit;

    @Option(names = "--facets", description = "count drug, condition, outcome category, sex, age band, design, year and journal over the hits")
    boolean facets;

    @Parameters(arity = "1..*", paramLabel = "QUERY")
    java.util.List<String> query;

    @Override
    public Integer call() {
        LexiconGrounding grounding = LexiconGrounding.shared();
        try (Store store = storeOptions.open()) {
            CaseSearch.Answer a = new CaseSearch(store, grounding).search(String.join(" ", query), limit, facets);
            return AskCommand.print(format, a, x -> AnswerText.search((CaseSearch.Answer) x));
        }
    }
}
