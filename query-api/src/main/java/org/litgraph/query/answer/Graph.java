package org.litgraph.query.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.Store;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

/** Runs litgraph's own named read queries ({@code cypher/queries/NAME.cypher}) in read transactions. */
final class Graph {
    private static final TransactionConfig CONFIG = TransactionConfig.builder().withTimeout(Duration.ofSeconds(60)).build();

    private final Store store;

    Graph(Store store) {
        this.store = store;
    }

    /** Rows of a named query as plain Java values (the queries return only maps, lists and scalars). */
    List<Map<String, Object>> rows(String name, Map<String, Object> params) {
        String cypher = CypherLibrary.query("queries/" + name);
        try (Session session = store.session(AccessMode.READ)) {
            return session.executeRead(tx -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Record r : tx.run(cypher, params).list()) {
                    out.add(r.asMap());
                }
                return out;
            }, CONFIG);
        }
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static Integer integer(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    static double dbl(Object o, double dflt) {
        return o instanceof Number n ? n.doubleValue() : dflt;
    }

    static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    static List<String> strings(Object o) {
        if (!(o instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().filter(x -> x != null).map(String::valueOf).toList();
    }
}
