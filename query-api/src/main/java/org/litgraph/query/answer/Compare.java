package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.Store;

/** "How do these drugs relate to CONDITION?": per drug, CAUSES / TREATS / denied, evidence, confidence, patients. */
public final class Compare {
    private final Graph graph;
    private final Names names;

    public Compare(Store store) {
        this.graph = new Graph(store);
        this.names = new Names(graph);
    }

    /**
     * One drug's relationship to the condition: {@code relationship} is CAUSES, TREATS, "CAUSES and TREATS",
     * "negated" (only denying statements) or "none".
     */
    public record Row(Entity drug, String relationship, int causesEvidence, Double causesConfidence,
                      int treatsEvidence, Double treatsConfidence, int negatedStatements, int cases) {
    }

    public record Answer(Entity condition, List<Row> drugs) {
        public Answer {
            drugs = List.copyOf(drugs);
        }
    }

    public Answer ask(String condition, List<String> drugs) {
        if (drugs.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one drug");
        }
        Entity c = names.resolve(condition, "Condition");
        List<Entity> ds = drugs.stream().map(n -> names.resolve(n, "Drug")).toList();
        List<Object> related = graph.rows("ask-related-conditions", Map.of("conditionId", c.id())).stream()
                .map(r -> r.get("id")).toList();
        List<Map<String, Object>> rows = graph.rows("ask-compare", Map.of("drugIds", ds.stream().map(Entity::id).toList(),
                "conditionId", c.id(), "conditionIds", related));
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Entity d = ds.get(Graph.integer(r.get("i")));
            int causes = Graph.integer(r.get("causesEvidence"));
            int treats = Graph.integer(r.get("treatsEvidence"));
            int negated = Graph.integer(r.get("negatedStatements"));
            String rel = causes > 0 && treats > 0 ? "CAUSES and TREATS" : causes > 0 ? "CAUSES" : treats > 0 ? "TREATS"
                    : negated > 0 ? "negated" : "none";
            out.add(new Row(d, rel, causes, (Double) r.get("causesConfidence"), treats, (Double) r.get("treatsConfidence"),
                    negated, Graph.integer(r.get("cases"))));
        }
        return new Answer(c, out);
    }
}
