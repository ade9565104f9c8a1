package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.litgraph.graph.Store;

/**
 * Resolves what a researcher types ("Gleevec", "STI571", "ILD") to a graph entity through its name
 * and synonyms, case-insensitively ({@code ask-resolve-entity}); a name that matches nothing raises
 * {@link UnknownName} with close names from the {@code entity_names} full-text index.
 */
public final class Names {
    private final Graph graph;

    public Names(Store store) {
        this(new Graph(store));
    }

    Names(Graph graph) {
        this.graph = graph;
    }

    /** Every entity of the given kinds (Drug, Condition, ...; none = any) named {@code name}, best first. */
    public List<Entity> all(String name, String... kinds) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("name", n);
        p.put("phrase", phrase(n));
        p.put("labels", kinds.length == 0 ? null : List.of(kinds));
        List<Entity> out = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("ask-resolve-entity", p)) {
            out.add(new Entity(Graph.str(r.get("id")), Graph.str(r.get("name")), Graph.str(r.get("kind")),
                    Graph.strings(r.get("synonyms"))));
        }
        return out;
    }

    public Optional<Entity> find(String name, String... kinds) {
        return all(name, kinds).stream().findFirst();
    }

    /** The entity named {@code name}, or {@link UnknownName} listing close names. */
    public Entity resolve(String name, String... kinds) {
        return find(name, kinds).orElseThrow(() -> new UnknownName(name,
                kinds.length == 1 ? kinds[0].toLowerCase(Locale.ROOT) : "entity", suggest(name, 5, kinds)));
    }

    /** Close names: a fuzzy (edit distance ≤ 2) and prefix full-text query over names and synonyms. */
    public List<String> suggest(String name, int limit, String... kinds) {
        List<String> clauses = new ArrayList<>();
        for (String t : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (t.isEmpty()) {
                continue;
            }
            String e = QueryParserBase.escape(t);
            clauses.add(t.length() > 3 ? e + "~2" : e);
            clauses.add(e + "*");
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("query", String.join(" OR ", clauses));
        p.put("labels", kinds.length == 0 ? null : List.of(kinds));
        p.put("limit", limit);
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, Object> r : graph.rows("ask-suggest-entity", p)) {
            out.add(Graph.str(r.get("name")));
        }
        return List.copyOf(out);
    }

    /** {@code text} as one escaped Lucene phrase query. */
    static String phrase(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
