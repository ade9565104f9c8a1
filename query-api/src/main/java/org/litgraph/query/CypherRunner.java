package org.litgraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.Store;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Runs Cypher for researchers, read-only: the query is planned first ({@code EXPLAIN}) and refused
 * unless Neo4j classifies it as read-only; it then runs in a read transaction with a timeout.
 * Parameters are always passed separately, never spliced into the text.
 */
public final class CypherRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Store store;
    private final Duration timeout;

    public CypherRunner(Store store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    public CypherRunner(Store store) {
        this(store, DEFAULT_TIMEOUT);
    }

    /** Runs user-supplied Cypher; throws {@link ReadOnlyViolation} if it would write. */
    public QueryResult run(String cypher, Map<String, Object> params) {
        String text = cypher.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        int lead = 0;
        while (lead < cypher.length() && Character.isWhitespace(cypher.charAt(lead))) {
            lead++;
        }
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = store.session(AccessMode.READ)) {
            org.neo4j.driver.summary.ResultSummary plan;
            try {
                plan = session.run(new Query("EXPLAIN " + text, params), config).consume();
            } catch (org.neo4j.driver.exceptions.ClientException e) {
                // positions in the message refer to the query as typed, not as sent
                throw new org.neo4j.driver.exceptions.ClientException(e.code(),
                        CypherErrors.relocate(e.getMessage(), cypher, "EXPLAIN ", lead));
            }
            QueryType type = plan.queryType();
            if (type != QueryType.READ_ONLY) {
                throw new ReadOnlyViolation("refused: this query would change the graph (Neo4j classifies it as "
                        + type + "); litgraph runs researchers' Cypher read-only");
            }
            if (plan.hasPlan() && usesOperator(plan.plan(), "LoadCSV")) {
                throw new ReadOnlyViolation("refused: LOAD CSV reads files or URLs outside the graph; "
                        + "litgraph runs researchers' Cypher on the graph only");
            }
            final String q = text;
            try {
                return readAll(session, q, params, config);
            } catch (org.neo4j.driver.exceptions.Neo4jException e) {
                if (isTimeout(e)) {
                    throw new QueryTimeout("stopped: the query ran longer than its " + timeout.toSeconds()
                            + " s time limit (raise it with --timeout SECONDS)", e);
                }
                throw e;
            }
        }
    }

    static boolean usesOperator(org.neo4j.driver.summary.Plan plan, String operator) {
        if (plan.operatorType() != null && plan.operatorType().startsWith(operator)) {
            return true;
        }
        for (var child : plan.children()) {
            if (usesOperator(child, operator)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimeout(org.neo4j.driver.exceptions.Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return code.contains("TransactionTimedOut") || code.contains("Terminated") && msg.contains("timeout")
                || msg.contains("timed out") || msg.contains("timeout");
    }

    private QueryResult readAll(Session session, String q, Map<String, Object> params, TransactionConfig config) {
        {
            return session.executeRead(tx -> {
                var result = tx.run(q, params);
                List<String> columns = result.keys();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Record r : result.list()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String c : columns) {
                        row.put(c, plain(r.get(c)));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }, config);
        }
    }

    /** Runs a named query of {@code cypher/queries/}. */
    public QueryResult named(String name, Map<String, Object> params) {
        return run(CypherLibrary.query("queries/" + name), params);
    }

    /** Driver values as plain Java: nodes and relationships become maps of their properties. */
    static Object plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        Object o = v.asObject();
        return plainObject(o);
    }

    private static Object plainObject(Object o) {
        if (o instanceof Node n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("labels", iterableToList(n.labels()));
            n.asMap().forEach((k, x) -> m.put(k, plainObject(x)));
            return m;
        }
        if (o instanceof Relationship r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            r.asMap().forEach((k, x) -> m.put(k, plainObject(x)));
            return m;
        }
        if (o instanceof Path p) {
            List<Object> parts = new ArrayList<>();
            for (Path.Segment s : p) {
                if (parts.isEmpty()) {
                    parts.add(plainObject(s.start()));
                }
                parts.add(plainObject(s.relationship()));
                parts.add(plainObject(s.end()));
            }
            return parts;
        }
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(plainObject(x)));
            return out;
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), plainObject(x)));
            return out;
        }
        if (o instanceof java.time.temporal.TemporalAccessor) {
            return o.toString();
        }
        return o;
    }

    private static List<String> iterableToList(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
