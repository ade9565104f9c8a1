package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.Store;

/**
 * "What is known about DRUG?": what it causes, treats and inhibits, with evidence; its patients and
 * documents. Asked with a condition, it keeps the claims about that condition and narrower ones
 * (labelled narrower) in {@code causes}/{@code treats}, and lists claims about broader conditions
 * apart ({@code broader}), never among them, as {@link EvidenceQuestion} and {@link Compare} do.
 */
public final class DrugProfile {
    static final int MAX_CASES = 25;

    private final Graph graph;
    private final Names names;

    public DrugProfile(Store store) {
        this(store, Grounding.NONE);
    }

    public DrugProfile(Store store, Grounding grounding) {
        this.graph = new Graph(store);
        this.names = new Names(graph, grounding);
    }

    /**
     * One claim (drug)-[relationship]->(entity) with its weight of evidence; {@code relation} is how
     * its condition relates to the asked one (exact, narrower, broader), null when none was asked.
     */
    public record Claim(String relationship, String id, String name, String kind, int evidence, int negated,
                        int documents, double confidence, String relation) {
    }

    /** A patient who received the drug. */
    public record CaseSummary(String id, String label, Integer age, String sex, String dose, String outcome,
                              List<String> conditions) {
        public CaseSummary {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code condition} is the asked condition (null when none); {@code broader} its broader claims, apart. */
    public record Answer(Entity drug, Entity condition, List<Resolution> resolved, int documents, int caseCount,
                         List<Claim> causes, List<Claim> treats, List<Claim> inhibits, List<Claim> broader,
                         List<CaseSummary> cases) {
        public Answer {
            resolved = List.copyOf(resolved);
            causes = List.copyOf(causes);
            treats = List.copyOf(treats);
            inhibits = List.copyOf(inhibits);
            broader = List.copyOf(broader);
            cases = List.copyOf(cases);
        }
    }

    public Answer ask(String drug) {
        return ask(drug, null);
    }

    /** The profile of {@code drug}; with a {@code condition}, only claims about it (and narrower ones; broader apart). */
    public Answer ask(String drug, String condition) {
        Resolution dr = names.resolution(drug, "Drug");
        Entity d = dr.entity();
        List<Resolution> resolved = new ArrayList<>(List.of(dr));
        Entity asked = null;
        List<Map<String, Object>> conditions = null;
        if (condition != null && !condition.isBlank()) {
            Resolution cr = names.resolution(condition, "Condition");
            resolved.add(cr);
            asked = cr.entity();
            conditions = graph.rows("ask-related-conditions", Map.of("conditionId", asked.id())).stream()
                    .map(r -> Map.<String, Object>of("id", r.get("id"), "relation", r.get("relation"))).toList();
        }
        List<Claim> causes = new ArrayList<>();
        List<Claim> treats = new ArrayList<>();
        List<Claim> inhibits = new ArrayList<>();
        List<Claim> broader = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("drugId", d.id());
        params.put("conditions", conditions);
        for (Map<String, Object> r : graph.rows("ask-drug-profile", params)) {
            Claim c = new Claim(Graph.str(r.get("relationship")), Graph.str(r.get("id")), Graph.str(r.get("name")),
                    Graph.str(r.get("kind")), Graph.integer(r.get("evidence")), Graph.integer(r.get("negated")),
                    Graph.integer(r.get("documents")), Graph.dbl(r.get("confidence"), 0), Graph.str(r.get("relation")));
            if ("broader".equals(c.relation())) {
                broader.add(c);
                continue;
            }
            switch (c.relationship()) {
                case "CAUSES" -> causes.add(c);
                case "TREATS" -> treats.add(c);
                default -> inhibits.add(c);
            }
        }
        Map<String, Object> sp = new java.util.HashMap<>();
        sp.put("drugId", d.id());
        sp.put("limit", MAX_CASES);
        sp.put("conditionIds", conditions == null ? null
                : conditions.stream().filter(x -> !"broader".equals(x.get("relation"))).map(x -> x.get("id")).toList());
        Map<String, Object> s = graph.rows("ask-drug-summary", sp).get(0);
        List<CaseSummary> cases = Graph.maps(s.get("cases")).stream().map(m -> new CaseSummary(Graph.str(m.get("id")),
                Graph.str(m.get("label")), Graph.integer(m.get("age")), Graph.str(m.get("sex")), Graph.str(m.get("dose")),
                Graph.str(m.get("outcome")), Graph.strings(m.get("conditions")))).toList();
        return new Answer(d, asked, resolved, Graph.integer(s.get("documents")), Graph.integer(s.get("caseCount")), causes,
                treats, inhibits, broader, cases);
    }
}
