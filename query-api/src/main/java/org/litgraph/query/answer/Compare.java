package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.Store;

/**
 * "How do these drugs relate to CONDITION?": per drug, CAUSES / TREATS / denied statements about
 * the condition or a narrower one (IS_A descendants), with a confidence computed the way a claim's
 * is (noisy-OR of the statements' weights); statements about a broader condition are counted apart
 * ({@code broaderStatements}) and never as support; patients. A drug name that matches nothing is
 * listed in {@link Answer#unknown()} with close names, and the others are still answered.
 */
public final class Compare {
    private final Graph graph;
    private final Names names;

    public Compare(Store store) {
        this(store, Grounding.NONE);
    }

    public Compare(Store store, Grounding grounding) {
        this.graph = new Graph(store);
        this.names = new Names(graph, grounding);
    }

    /**
     * One drug's relationship to the condition: {@code relationship} is CAUSES, TREATS, "CAUSES and TREATS",
     * "negated" (only denying statements), "broader only" (statements about broader conditions only) or "none";
     * {@code narrowerConditions} counts the narrower conditions its counted statements are about.
     */
    public record Row(Entity drug, String relationship, int causesEvidence, Double causesConfidence,
                      int treatsEvidence, Double treatsConfidence, int negatedStatements, int broaderStatements,
                      int narrowerConditions, int cases) {
    }

    /** A drug name that matched no drug in the graph, with close names. */
    public record Unknown(String name, List<String> suggestions) {
        public Unknown {
            suggestions = List.copyOf(suggestions);
        }
    }

    public record Answer(Entity condition, List<Resolution> resolved, List<Row> drugs, List<Unknown> unknown) {
        public Answer {
            resolved = List.copyOf(resolved);
            drugs = List.copyOf(drugs);
            unknown = List.copyOf(unknown);
        }
    }

    public Answer ask(String condition, List<String> drugs) {
        if (drugs == null || drugs.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one drug");
        }
        Resolution cr = names.resolution(condition, "Condition");
        Entity c = cr.entity();
        List<Resolution> resolved = new ArrayList<>(List.of(cr));
        List<Entity> ds = new ArrayList<>();
        List<Unknown> unknown = new ArrayList<>();
        for (String n : drugs) {
            Resolution r = names.lookup(n, "Drug");
            if (r == null) {
                unknown.add(new Unknown(n, names.suggest(n, 5, "Drug")));
            } else if (ds.stream().noneMatch(e -> e.id().equals(r.entity().id()))) {
                ds.add(r.entity());
                resolved.add(r);
            }
        }
        if (ds.isEmpty()) {
            Unknown u = unknown.get(0);
            throw new UnknownName(unknown.size() == 1 ? u.name() : String.join("', '", unknown.stream().map(Unknown::name).toList()),
                    "drug", u.suggestions());
        }
        List<Map<String, Object>> conditions = graph.rows("ask-related-conditions", Map.of("conditionId", c.id())).stream()
                .map(r -> Map.<String, Object>of("id", r.get("id"), "relation", r.get("relation"))).toList();
        List<Map<String, Object>> rows = graph.rows("ask-compare", Map.of("drugIds", ds.stream().map(Entity::id).toList(),
                "conditions", conditions));
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Entity d = ds.get(Graph.integer(r.get("i")));
            int causes = Graph.integer(r.get("causesEvidence"));
            int treats = Graph.integer(r.get("treatsEvidence"));
            int negated = Graph.integer(r.get("negatedStatements"));
            int broader = Graph.integer(r.get("broaderStatements"));
            String rel = causes > 0 && treats > 0 ? "CAUSES and TREATS" : causes > 0 ? "CAUSES" : treats > 0 ? "TREATS"
                    : negated > 0 ? "negated" : broader > 0 ? "broader only" : "none";
            out.add(new Row(d, rel, causes, confidence(r.get("causesWeights")), treats, confidence(r.get("treatsWeights")),
                    negated, broader, Graph.integer(r.get("narrowerConditions")), Graph.integer(r.get("cases"))));
        }
        return new Answer(c, resolved, out, unknown);
    }

    /** 1 − Π(1 − weight) over supporting statements, as a claim's confidence; null when there are none. */
    static Double confidence(Object weights) {
        if (!(weights instanceof List<?> l) || l.isEmpty()) {
            return null;
        }
        double p = 1.0;
        for (Object w : l) {
            p *= 1.0 - Graph.dbl(w, 0);
        }
        return Math.round((1.0 - p) * 10000.0) / 10000.0;
    }
}
