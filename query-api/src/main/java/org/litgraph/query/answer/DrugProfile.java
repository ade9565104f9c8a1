package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.Store;

/** "What is known about DRUG?": what it causes, treats and inhibits, with evidence; its patients and documents. */
public final class DrugProfile {
    static final int MAX_CASES = 25;

    private final Graph graph;
    private final Names names;

    public DrugProfile(Store store) {
        this.graph = new Graph(store);
        this.names = new Names(graph);
    }

    /** One claim (drug)-[relationship]->(entity) with its weight of evidence. */
    public record Claim(String relationship, String id, String name, String kind, int evidence, int negated,
                        int documents, double confidence) {
    }

    /** A patient who received the drug. */
    public record CaseSummary(String id, String label, Integer age, String sex, String dose, String outcome,
                              List<String> conditions) {
        public CaseSummary {
            conditions = List.copyOf(conditions);
        }
    }

    public record Answer(Entity drug, int documents, int caseCount, List<Claim> causes, List<Claim> treats,
                         List<Claim> inhibits, List<CaseSummary> cases) {
        public Answer {
            causes = List.copyOf(causes);
            treats = List.copyOf(treats);
            inhibits = List.copyOf(inhibits);
            cases = List.copyOf(cases);
        }
    }

    public Answer ask(String drug) {
        Entity d = names.resolve(drug, "Drug");
        List<Claim> causes = new ArrayList<>();
        List<Claim> treats = new ArrayList<>();
        List<Claim> inhibits = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("ask-drug-profile", Map.of("drugId", d.id()))) {
            Claim c = new Claim(Graph.str(r.get("relationship")), Graph.str(r.get("id")), Graph.str(r.get("name")),
                    Graph.str(r.get("kind")), Graph.integer(r.get("evidence")), Graph.integer(r.get("negated")),
                    Graph.integer(r.get("documents")), Graph.dbl(r.get("confidence"), 0));
            switch (c.relationship()) {
                case "CAUSES" -> causes.add(c);
                case "TREATS" -> treats.add(c);
                default -> inhibits.add(c);
            }
        }
        Map<String, Object> s = graph.rows("ask-drug-summary", Map.of("drugId", d.id(), "limit", MAX_CASES)).get(0);
        List<CaseSummary> cases = Graph.maps(s.get("cases")).stream().map(m -> new CaseSummary(Graph.str(m.get("id")),
                Graph.str(m.get("label")), Graph.integer(m.get("age")), Graph.str(m.get("sex")), Graph.str(m.get("dose")),
                Graph.str(m.get("outcome")), Graph.strings(m.get("conditions")))).toList();
        return new Answer(d, Graph.integer(s.get("documents")), Graph.integer(s.get("caseCount")), causes, treats,
                inhibits, cases);
    }
}
