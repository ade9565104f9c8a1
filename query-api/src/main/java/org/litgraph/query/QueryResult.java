package org.litgraph.query;

import java.util.List;
import java.util.Map;

/**
 * Rows of a read-only query as plain Java values (maps, lists, strings, numbers, booleans).
 * {@code truncated} says the rows stop at a row or byte cap; {@code notice} then says which and how
 * to page through the rest.
 */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows, boolean truncated, String notice) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A complete result. */
    public QueryResult(List<String> columns, List<Map<String, Object>> rows) {
        this(columns, rows, false, null);
    }
}
