package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.litgraph.graph.Store;

/**
 * Resolves what a researcher types ("Gleevec", "STI571", "ILD", "pneumonitis") to a graph entity:
 * through the graph's names and synonyms, case-insensitively ({@code ask-resolve-entity}), and where
 * they leave a choice, the way extraction grounds the same words ({@link Grounding}: the lexicon and
 * recogniser of ingest), so a query term means what it means in the statements. {@link #resolution} says which
 * entity was used and which others the name also fits; a name that matches nothing raises
 * {@link UnknownName} with close names from the {@code entity_names} full-text index.
 */
public final class Names {
    private final Graph graph;
    private final Grounding grounding;

    public Names(Store store) {
        this(store, Grounding.NONE);
    }

    public Names(Store store, Grounding grounding) {
        this(new Graph(store), grounding);
    }

    Names(Graph graph, Grounding grounding) {
        this.graph = graph;
        this.grounding = grounding == null ? Grounding.NONE : grounding;
    }

    /** Every entity of the given kinds (Drug, Condition, ...; none = any) named {@code name}, best first. */
    public List<Entity> all(String name, String... kinds) {
        Resolution r = lookup(name, kinds);
        if (r == null) {
            return List.of();
        }
        List<Entity> out = new ArrayList<>();
        out.add(r.entity());
        out.addAll(r.others());
        return out;
    }

    public Optional<Entity> find(String name, String... kinds) {
        Resolution r = lookup(name, kinds);
        return r == null ? Optional.empty() : Optional.of(r.entity());
    }

    /** As {@link #find}, consulting the grounding only when several graph entities share the name (search). */
    Optional<Entity> findInGraph(String name, String... kinds) {
        Resolution r = lookup(name, false, kinds);
        return r == null ? Optional.empty() : Optional.of(r.entity());
    }

    /** The entity named {@code name}, or {@link UnknownName} listing close names. */
    public Entity resolve(String name, String... kinds) {
        return resolution(name, kinds).entity();
    }

    /** How {@code name} resolves: the entity used, why, and the others it fits; {@link UnknownName} if none. */
    public Resolution resolution(String name, String... kinds) {
        Resolution r = lookup(name, kinds);
        if (r == null) {
            throw new UnknownName(name, kinds.length == 1 ? kinds[0].toLowerCase(Locale.ROOT) : "entity",
                    suggest(name, 5, kinds));
        }
        return r;
    }

    /** The resolution of {@code name}, or null when nothing in the graph fits it. */
    Resolution lookup(String name, String... kinds) {
        return lookup(name, true, kinds);
    }

    /**
     * The resolution of {@code name}, or null. The graph's names and synonyms are looked up first;
     * the grounding (which may have to load a lexicon) is consulted when they leave a choice (several
     * entities share the name) and, if {@code groundWhenAbsent}, when they find nothing (the lexicon
     * also knows variants such as plurals). One entity holding the name is the one extraction would
     * have used too: no other entity in the graph has that name.
     */
    Resolution lookup(String name, boolean groundWhenAbsent, String... kinds) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return null;
        }
        List<String> labels = kinds.length == 0 ? null : List.of(kinds);
        // 1. names and synonyms in the graph
        Map<String, Object> p = new HashMap<>();
        p.put("name", n);
        p.put("phrase", phrase(n));
        p.put("labels", labels);
        List<Entity> fromGraph = new ArrayList<>();
        Map<String, Integer> rank = new HashMap<>();
        for (Map<String, Object> r : graph.rows("ask-resolve-entity", p)) {
            Entity e = entity(r);
            fromGraph.add(e);
            rank.put(e.id(), Graph.integer(r.get("rank")));
        }
        // 2. as extraction grounds it, when the graph leaves a choice (or, for questions, finds nothing)
        List<Grounding.Grounded> grounded = List.of();
        List<Entity> fromLexicon = new ArrayList<>();
        if (fromGraph.size() > 1 || fromGraph.isEmpty() && groundWhenAbsent) {
            grounded = grounding.ground(n).stream().filter(g -> labels == null || labels.contains(g.kind())).toList();
            if (!grounded.isEmpty()) {
                Map<String, Object> q = new HashMap<>();
                q.put("ids", grounded.stream().map(Grounding.Grounded::id).toList());
                q.put("labels", labels);
                for (Map<String, Object> r : graph.rows("ask-entities-by-id", q)) {
                    fromLexicon.add(entity(r));
                }
            }
        }
        Map<String, Entity> ordered = new LinkedHashMap<>();
        fromLexicon.forEach(e -> ordered.putIfAbsent(e.id(), e));
        fromGraph.forEach(e -> ordered.putIfAbsent(e.id(), e));
        if (ordered.isEmpty()) {
            return null;
        }
        List<Entity> all = new ArrayList<>(ordered.values());
        Entity best = all.get(0);
        String basis;
        String note = null;
        if (!fromLexicon.isEmpty() && fromLexicon.get(0).id().equals(best.id())) {
            basis = grounded.get(0).id().equals(best.id()) ? "as extraction grounds it" : "as extraction grounds it (second choice)";
        } else {
            Integer r = rank.get(best.id());
            // ask-resolve-entity's ranks: 0 name, 1 synonym, 2 an abbreviation documents define, 3 initials
            basis = r == null || r <= 0 ? "name" : r == 1 ? "synonym" : r == 2 ? "abbreviation defined in a document"
                    : "initials of its name";
        }
        if (!grounded.isEmpty() && !grounded.get(0).id().equals(best.id())) {
            Grounding.Grounded first = grounded.get(0);
            note = "extraction grounds '" + n + "' to " + first.name() + " (" + first.id()
                    + "), which no document in the graph mentions";
        }
        return new Resolution(n, best, basis, all.subList(1, all.size()), note);
    }

    private static Entity entity(Map<String, Object> r) {
        return new Entity(Graph.str(r.get("id")), Graph.str(r.get("name")), Graph.str(r.get("kind")),
                Graph.strings(r.get("synonyms")));
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
