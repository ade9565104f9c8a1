package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole graph as GraphML (loads in Cytoscape, Gephi, yEd, NetworkX). Node ids are the nodes'
 * {@code id} properties (a duplicate, impossible under the schema's constraints but possible
 * across labels, gets "#2", "#3"). Each node carries {@code labels} (":Drug:Entity", as Neo4j's
 * own GraphML export writes it) and {@code label} (its name, shown by viewers); each edge carries
 * {@code label} and {@code type} (the relationship type). Every property becomes a
 * {@code <data>} value under a declared key: {@code boolean}, {@code long}, {@code double} or
 * {@code string}; a property whose values mix integers and decimals is declared {@code double},
 * any other mix {@code string}; list values are written as JSON arrays in a {@code string} key.
 */
final class GraphMl {
    private GraphMl() {
    }

    private record Key(String id, String domain, String name, String type) {
    }

    static int write(GraphDump g, Writer out) throws IOException {
        Map<String, String> nodeTypes = new TreeMap<>();
        g.nodes().forEach(n -> n.properties().forEach((k, v) -> nodeTypes.merge(k, type(v), GraphMl::widen)));
        Map<String, String> edgeTypes = new TreeMap<>();
        g.relationships().forEach(r -> r.properties().forEach((k, v) -> edgeTypes.merge(k, type(v), GraphMl::widen)));
        Map<String, Key> nodeKeys = new LinkedHashMap<>();
        nodeKeys.put(" labels", new Key("labels", "node", "labels", "string"));
        nodeKeys.put(" label", new Key("label", "node", "label", "string"));
        int i = 0;
        for (Map.Entry<String, String> e : nodeTypes.entrySet()) {
            nodeKeys.put(e.getKey(), new Key("n" + i++, "node", e.getKey(), e.getValue()));
        }
        Map<String, Key> edgeKeys = new LinkedHashMap<>();
        edgeKeys.put(" label", new Key("edgelabel", "edge", "label", "string"));
        edgeKeys.put(" type", new Key("type", "edge", "type", "string"));
        i = 0;
        for (Map.Entry<String, String> e : edgeTypes.entrySet()) {
            edgeKeys.put(e.getKey(), new Key("e" + i++, "edge", e.getKey(), e.getValue()));
        }

        StringBuilder x = new StringBuilder(1 << 16);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ")
                .append("http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        for (Key k : nodeKeys.values()) {
            key(x, k);
        }
        for (Key k : edgeKeys.values()) {
            key(x, k);
        }
        x.append("  <graph id=\"litgraph\" edgedefault=\"directed\">\n");
        Map<String, String> xmlIds = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (GraphDump.Node n : g.nodes()) {
            int c = seen.merge(n.key(), 1, Integer::sum);
            String id = c == 1 ? n.key() : n.key() + "#" + c;
            xmlIds.putIfAbsent(n.key(), id);
            x.append("    <node id=\"").append(Values.xml(id)).append("\">\n");
            data(x, "labels", ":" + String.join(":", n.labels()));
            String name = n.prop("name");
            data(x, "label", name != null ? name : n.key());
            for (Map.Entry<String, Object> p : n.properties().entrySet()) {
                data(x, nodeKeys.get(p.getKey()).id(), value(p.getValue()));
            }
            x.append("    </node>\n");
        }
        int e = 0;
        for (GraphDump.Rel r : g.relationships()) {
            x.append("    <edge id=\"r").append(e++).append("\" source=\"").append(Values.xml(xmlIds.get(r.source())))
                    .append("\" target=\"").append(Values.xml(xmlIds.get(r.target()))).append("\">\n");
            data(x, "edgelabel", r.type());
            data(x, "type", r.type());
            for (Map.Entry<String, Object> p : r.properties().entrySet()) {
                data(x, edgeKeys.get(p.getKey()).id(), value(p.getValue()));
            }
            x.append("    </edge>\n");
        }
        x.append("  </graph>\n</graphml>\n");
        out.write(x.toString());
        return g.nodes().size() + g.relationships().size();
    }

    private static void key(StringBuilder x, Key k) {
        x.append("  <key id=\"").append(k.id()).append("\" for=\"").append(k.domain()).append("\" attr.name=\"")
                .append(Values.xml(k.name())).append("\" attr.type=\"").append(k.type()).append("\"/>\n");
    }

    private static void data(StringBuilder x, String key, String value) {
        if (value != null) {
            x.append("      <data key=\"").append(key).append("\">").append(Values.xml(value)).append("</data>\n");
        }
    }

    static String type(Object v) {
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return "long";
        }
        if (v instanceof Number) {
            return "double";
        }
        return "string";
    }

    static String widen(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if ((a.equals("long") || a.equals("double")) && (b.equals("long") || b.equals("double"))) {
            return "double";
        }
        return "string";
    }

    private static String value(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return Values.compactJson(new ArrayList<>(list));
        }
        return Values.text(v);
    }
}
