package org.litgraph.query.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.litgraph.query.CypherRunner;

/** Every node and relationship of the graph, sorted, for the graph exports. */
record GraphDump(List<Node> nodes, List<Rel> relationships) {
    static final String NODES = "export-graph-nodes";
    static final String RELATIONSHIPS = "export-graph-relationships";

    /** A node: its key (id property), sorted labels and properties sorted by name. */
    record Node(String key, List<String> labels, Map<String, Object> properties) {
        boolean has(String label) {
            return labels.contains(label);
        }

        String prop(String name) {
            return Values.str(properties.get(name));
        }
    }

    /** A relationship between two node keys. */
    record Rel(String source, String type, String target, Map<String, Object> properties) {
    }

    static GraphDump load(CypherRunner runner) {
        List<Node> nodes = new ArrayList<>();
        for (Map<String, Object> row : runner.named(NODES, Map.of()).rows()) {
            List<String> labels = new ArrayList<>(Values.strings(row.get("labels")));
            labels.sort(Comparator.naturalOrder());
            nodes.add(new Node(Values.text(row.get("key")), List.copyOf(labels), new TreeMap<>(Values.map(row.get("properties")))));
        }
        List<Rel> rels = new ArrayList<>();
        for (Map<String, Object> row : runner.named(RELATIONSHIPS, Map.of()).rows()) {
            rels.add(new Rel(Values.text(row.get("source")), Values.text(row.get("type")), Values.text(row.get("target")),
                    new TreeMap<>(Values.map(row.get("properties")))));
        }
        // the query orders by (source, type, target); properties break the remaining ties
        rels.sort(Comparator.comparing(Rel::source).thenComparing(Rel::type).thenComparing(Rel::target)
                .thenComparing(r -> Values.compactJson(r.properties())));
        return new GraphDump(List.copyOf(nodes), List.copyOf(rels));
    }
}
