package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the graph does hold when a question about a drug and a condition finds no statement: how
 * much it knows of each, and the conditions the drug has statements about, nearest first to the
 * asked one in the IS_A hierarchy ({@code ask-question-context}, {@code ask-nearest-conditions}).
 */
public record GraphContext(int drugStatements, int drugConditions, int drugCases, int conditionStatements,
                           List<DrugCount> conditionDrugs, int conditionCases, List<Nearby> nearest) {
    static final int NEAREST = 8;

    public GraphContext {
        conditionDrugs = List.copyOf(conditionDrugs);
        nearest = List.copyOf(nearest);
    }

    /** A drug with statements about the asked condition. */
    public record DrugCount(String id, String name, int statements) {
    }

    /**
     * A condition the drug has statements about: how it relates to the asked one (exact, narrower,
     * broader, related through a common relative, or null when unrelated), in how many IS_A steps.
     */
    public record Nearby(String id, String name, String relation, Integer distance, int statements, int negated,
                         List<String> predicates) {
        public Nearby {
            predicates = List.copyOf(predicates);
        }
    }

    static GraphContext load(Graph graph, Entity drug, Entity condition) {
        Map<String, Object> p = Map.of("drugId", drug.id(), "conditionId", condition.id());
        List<Map<String, Object>> rows = graph.rows("ask-question-context", p);
        Map<String, Object> r = rows.isEmpty() ? Map.of() : rows.get(0);
        List<DrugCount> drugs = new ArrayList<>();
        for (Map<String, Object> m : Graph.maps(r.get("conditionDrugs"))) {
            drugs.add(new DrugCount(Graph.str(m.get("id")), Graph.str(m.get("name")), n(m.get("statements"))));
        }
        List<Nearby> nearest = new ArrayList<>();
        for (Map<String, Object> m : graph.rows("ask-nearest-conditions",
                Map.of("drugId", drug.id(), "conditionId", condition.id(), "limit", NEAREST))) {
            nearest.add(new Nearby(Graph.str(m.get("id")), Graph.str(m.get("name")), Graph.str(m.get("relation")),
                    Graph.integer(m.get("distance")), n(m.get("statements")), n(m.get("negated")),
                    Graph.strings(m.get("predicates"))));
        }
        return new GraphContext(n(r.get("drugStatements")), n(r.get("drugConditions")), n(r.get("drugCases")),
                n(r.get("conditionStatements")), drugs, n(r.get("conditionCases")), nearest);
    }

    private static int n(Object o) {
        Integer i = Graph.integer(o);
        return i == null ? 0 : i;
    }

    /** One paragraph a researcher can read: what the graph holds about each entity and nearby. */
    String describe(Entity drug, Entity condition) {
        StringBuilder sb = new StringBuilder();
        sb.append(drug.name()).append(" (").append(drug.id()).append("): ").append(drugStatements)
                .append(" statement(s) about ").append(drugConditions).append(" condition(s), ").append(drugCases)
                .append(" patient(s).\n");
        sb.append(condition.name()).append(" (").append(condition.id()).append("): ").append(conditionStatements)
                .append(" statement(s)");
        if (!conditionDrugs.isEmpty()) {
            List<String> parts = new ArrayList<>();
            conditionDrugs.forEach(d -> parts.add(d.name() + " " + d.statements()));
            sb.append(" (").append(String.join(", ", parts)).append(")");
        }
        sb.append(", ").append(conditionCases).append(" patient(s).\n");
        if (!nearest.isEmpty()) {
            sb.append("Nearest conditions with ").append(drug.name()).append(" statements:\n");
            for (Nearby x : nearest) {
                sb.append("  ").append(x.name()).append(" — ")
                        .append(x.relation() == null ? "not related in the hierarchy"
                                : x.relation() + (x.distance() == null || x.distance() == 0 ? "" : ", " + x.distance() + " IS_A step(s)"))
                        .append("; ").append(x.statements()).append(" statement(s) (").append(String.join(", ", x.predicates()))
                        .append(x.negated() > 0 ? "; " + x.negated() + " negated" : "").append(")\n");
            }
        }
        return sb.toString();
    }
}
