package org.litgraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.Store;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Runs Cypher for researchers, read-only: the text must start with a read clause and Neo4j's plan
 * ({@code EXPLAIN}) must be a read of the graph (see {@link ReadOnlyCypher}); it then runs in a read
 * transaction with a time limit, streamed under a row cap and a byte cap, so no query can exhaust
 * the heap. The time limit holds even if the server's own timeout does not fire: a watchdog stops
 * the transaction shortly after. Parameters are always passed separately, never spliced into the text.
 * Named queries of {@code cypher/queries/} are litgraph's own: they run read-only with the time limit,
 * without caps.
 */
public final class CypherRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The watchdog stops a query this long after its time limit if the server has not. */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "litgraph-query-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** The most rows and (estimated) bytes of values a researcher's query returns. */
    public record Limits(int maxRows, long maxBytes) {
        public static final Limits DEFAULT = new Limits(100_000, 64L << 20);

        public Limits {
            if (maxRows < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("row and byte caps must be positive");
            }
        }
    }

    private final Store store;
    private final Duration timeout;
    private final Limits limits;

    public CypherRunner(Store store, Duration timeout, Limits limits) {
        this.store = store;
        this.timeout = timeout;
        this.limits = limits;
    }

    public CypherRunner(Store store, Duration timeout) {
        this(store, timeout, Limits.DEFAULT);
    }

    public CypherRunner(Store store) {
        this(store, DEFAULT_TIMEOUT);
    }

    /** Runs user-supplied Cypher; throws {@link ReadOnlyViolation} if it is not a read of the graph. */
    public QueryResult run(String cypher, Map<String, Object> params) {
        String text = ReadOnlyCypher.checkText(cypher);
        String tag = UUID.randomUUID().toString();
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout)
                .withMetadata(Map.of("litgraphQuery", tag)).build();
        // planning only: its own, more generous limit (a loaded machine must not fail the check)
        TransactionConfig explain = TransactionConfig.builder()
                .withTimeout(timeout.compareTo(Duration.ofSeconds(30)) > 0 ? timeout : Duration.ofSeconds(30)).build();
        try (Session session = store.session(AccessMode.READ)) {
            var plan = session.run(new Query("EXPLAIN " + text, params), explain).consume();
            ReadOnlyCypher.checkPlan(plan.queryType(), plan.hasPlan() ? plan.plan() : null);
            return stream(session, text, params, config, tag);
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    /** Runs a named query of {@code cypher/queries/} (litgraph's own, read-only, complete). */
    public QueryResult named(String name, Map<String, Object> params) {
        String q = CypherLibrary.query("queries/" + name);
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = store.session(AccessMode.READ)) {
            return session.executeRead(tx -> {
                var result = tx.run(q, params);
                List<String> columns = result.keys();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.hasNext()) {
                    rows.add(row(result.next(), columns));
                }
                return new QueryResult(columns, rows);
            }, config);
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    private QueryResult stream(Session session, String q, Map<String, Object> params, TransactionConfig config, String tag) {
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> terminate(tag), timeout.plus(GRACE).toMillis(),
                TimeUnit.MILLISECONDS);
        try (Transaction tx = session.beginTransaction(config)) {
            var result = tx.run(q, params);
            List<String> columns = result.keys();
            List<Map<String, Object>> rows = new ArrayList<>();
            long bytes = 0;
            String notice = null;
            while (result.hasNext()) {
                if (rows.size() >= limits.maxRows()) {
                    notice = "stopped at the row cap: the first " + limits.maxRows() + " rows are shown; page through "
                            + "the rest with ORDER BY ... SKIP " + limits.maxRows() + " LIMIT " + limits.maxRows()
                            + ", or aggregate or narrow the query";
                    break;
                }
                Map<String, Object> row = row(result.next(), columns);
                long size = size(row);
                if (bytes + size > limits.maxBytes()) {
                    notice = "stopped at the size cap (" + (limits.maxBytes() >> 20) + " MiB of values): the first "
                            + rows.size() + " rows are shown; page through the rest with ORDER BY ... SKIP "
                            + rows.size() + " LIMIT " + Math.max(1, rows.size()) + ", or return fewer or smaller values";
                    break;
                }
                bytes += size;
                rows.add(row);
            }
            // a read-only transaction: roll back (close) rather than commit; an unread rest is discarded
            return new QueryResult(columns, rows, notice != null, notice);
        } catch (Neo4jException e) {
            throw translate(e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private RuntimeException translate(Neo4jException e) {
        if (isTimeout(e)) {
            return new QueryTimeout("stopped: the query ran longer than its " + timeout.toSeconds()
                    + " s time limit (raise it with --timeout SECONDS)", e);
        }
        return e;
    }

    /** Stops this runner's transaction tagged {@code tag} (the server's timeout did not). */
    private void terminate(String tag) {
        try (Session s = store.session(AccessMode.READ)) {
            List<String> ids = s.run(CypherLibrary.query("admin/find-query"), Map.of("tag", tag))
                    .list(r -> r.get("transactionId").asString());
            if (!ids.isEmpty()) {
                s.run(CypherLibrary.query("admin/terminate-transactions"), Map.of("ids", ids)).consume();
            }
        } catch (RuntimeException e) {
            // the query ended meanwhile, or the store is closing
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

    static boolean isTimeout(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return code.contains("TransactionTimedOut") || code.contains("Terminated") || msg.contains("timed out")
                || msg.contains("timeout") || msg.contains("has been terminated");
    }

    private static Map<String, Object> row(Record r, List<String> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String c : columns) {
            row.put(c, plain(r.get(c)));
        }
        return row;
    }

    /** A rough size of a plain value in bytes (strings by length, numbers 8, containers by content). */
    static long size(Object o) {
        if (o == null) {
            return 4;
        }
        if (o instanceof String s) {
            return 16 + s.length();
        }
        if (o instanceof Map<?, ?> m) {
            long n = 16;
            for (var e : m.entrySet()) {
                n += size(e.getKey()) + size(e.getValue());
            }
            return n;
        }
        if (o instanceof List<?> l) {
            long n = 16;
            for (Object x : l) {
                n += size(x);
            }
            return n;
        }
        if (o instanceof byte[] b) {
            return 16 + b.length;
        }
        return 16;
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
