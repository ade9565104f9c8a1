package org.litgraph.query;

import java.util.List;
import java.util.Map;

/** Rows of a read-only query as plain Java values (maps, lists, strings, numbers, booleans). */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
