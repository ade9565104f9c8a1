package org.litgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.Store;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;
import org.litgraph.query.ResultFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cypher", mixinStandardHelpOptions = true,
        description = {"Runs a read-only Cypher query (writes are refused).",
                "QUERY is Cypher text, @FILE to read it from a file, or :NAME for cypher/queries/NAME.cypher."})
final class CypherCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", description = "table, json or csv (default: ${DEFAULT-VALUE})", defaultValue = "table")
    String format;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "a query parameter; VALUE is read as JSON when it parses (numbers, true, [lists]), else as text")
    List<String> params = List.of();

    @Option(names = "--timeout", description = "seconds before the query is stopped (default: ${DEFAULT-VALUE})",
            defaultValue = "60")
    int timeoutSeconds;

    @Option(names = "--max-rows", description = "rows returned at most; the answer says when the cap was hit "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "100000")
    int maxRows;

    @Parameters(index = "0", paramLabel = "QUERY")
    String query;

    @Override
    public Integer call() throws IOException {
        ResultFormat fmt = ResultFormat.parse(format);
        String text = text(query);
        Map<String, Object> parameters = parameters(params);
        try (Store store = storeOptions.open()) {
            QueryResult result = new CypherRunner(store, java.time.Duration.ofSeconds(timeoutSeconds),
                    new CypherRunner.Limits(maxRows, CypherRunner.Limits.DEFAULT.maxBytes())).run(text, parameters);
            System.out.print(fmt.render(result));
            if (fmt == ResultFormat.JSON) {
                System.out.println();
            }
            if (result.truncated()) {
                System.out.flush();
                System.err.println("litgraph: " + result.notice());
            }
        }
        return 0;
    }

    static String text(String query) throws IOException {
        if (query.startsWith("@")) {
            return Files.readString(Invocation.resolve(query.substring(1)));
        }
        if (query.startsWith(":")) {
            return CypherLibrary.query("queries/" + query.substring(1));
        }
        return query;
    }

    static Map<String, Object> parameters(List<String> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param needs NAME=VALUE, got '" + p + "'");
            }
            String value = p.substring(eq + 1);
            Object v;
            try {
                v = JSON.readValue(value, Object.class);
            } catch (IOException notJson) {
                v = value;
            }
            out.put(p.substring(0, eq), v);
        }
        return out;
    }
}
