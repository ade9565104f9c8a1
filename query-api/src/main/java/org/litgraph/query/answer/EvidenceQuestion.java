package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.litgraph.graph.Store;

/**
 * "What supports or contradicts DRUG → CONDITION?": every statement about the drug and the
 * condition or an IS_A relative, grouped by the source's design ({@code Document.sourceType});
 * the patients ({@code ask-evidence-cases}); quantitative findings as stated; contradictions
 * (negated statements, and CAUSES against TREATS across the condition hierarchy); references.
 */
public final class EvidenceQuestion {
    private final Graph graph;
    private final Names names;

    public EvidenceQuestion(Store store) {
        this.graph = new Graph(store);
        this.names = new Names(graph);
    }

    /** A reference behind a statement (cited by it, or the document itself as published). */
    public record Reference(String id, String title, String doi, String pmid, Object year) {
    }

    /** One statement with its claim, the condition it names, and its references. */
    public record Item(String id, String predicate, boolean negated, boolean hedged, double weight, String text,
                       String conditionId, String condition, String relation, String documentId, String document,
                       String sourceType, List<String> quantities, List<Reference> cites, Reference publishedAs) {
        public Item {
            quantities = List.copyOf(quantities);
            cites = List.copyOf(cites);
        }

        /** Does it support the asked link (drug CAUSES the condition or a relative), rather than contradict it? */
        public boolean supports(String predicate) {
            return !negated && this.predicate.equals(predicate);
        }
    }

    /** Statements from sources of one design. */
    public record Group(String sourceType, int documents, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /**
     * A patient who received the drug and presented with the condition or a relative. A patient told in
     * several documents is one item: its facts come from the most detailed telling ({@code id},
     * {@code document}); {@code tellings} counts the merged tellings and {@code alsoReportedIn} names the
     * other documents that report the same patient.
     */
    public record CaseItem(String id, String label, Integer age, String sex, String dose, String timeToOnset,
                           String dechallenge, String rechallenge, String outcome, String management,
                           Object naranjoScore, String naranjoCategory, List<String> conditions,
                           String documentId, String document, String sourceType, List<String> references,
                           String patientId, int tellings, List<String> alsoReportedIn) {
        public CaseItem {
            conditions = List.copyOf(conditions);
            references = List.copyOf(references);
            alsoReportedIn = List.copyOf(alsoReportedIn);
        }

        /** How many of the fields a reviewer tabulates this telling states. */
        int detail() {
            int n = 0;
            for (Object o : new Object[] {age, sex, dose, timeToOnset, dechallenge, rechallenge, outcome, management,
                    naranjoScore}) {
                n += o == null ? 0 : 1;
            }
            return n;
        }
    }

    /** One item per patient: the most detailed telling, with the others' documents and the count merged. */
    static List<CaseItem> onePerPatient(List<CaseItem> tellings) {
        Map<String, List<CaseItem>> byPatient = new LinkedHashMap<>();
        for (CaseItem c : tellings) {
            byPatient.computeIfAbsent(c.patientId() == null ? c.id() : c.patientId(), k -> new ArrayList<>()).add(c);
        }
        List<CaseItem> out = new ArrayList<>();
        for (List<CaseItem> group : byPatient.values()) {
            CaseItem best = group.get(0);
            for (CaseItem c : group) {
                if (c.detail() > best.detail()) {
                    best = c;
                }
            }
            List<String> others = new ArrayList<>();
            for (CaseItem c : group) {
                if (c != best && !others.contains(c.document()) && !java.util.Objects.equals(c.document(), best.document())) {
                    others.add(c.document());
                }
            }
            out.add(new CaseItem(best.id(), best.label(), best.age(), best.sex(), best.dose(), best.timeToOnset(),
                    best.dechallenge(), best.rechallenge(), best.outcome(), best.management(), best.naranjoScore(),
                    best.naranjoCategory(), best.conditions(), best.documentId(), best.document(), best.sourceType(),
                    best.references(), best.patientId(), group.size(), others));
        }
        return out;
    }

    /** A finding stated with numbers, verbatim. */
    public record Quantity(String fragment, String statementId, String document) {
    }

    /** Why some statements disagree with the asked link; {@code items} are their ids. */
    public record Contradiction(String kind, String description, List<String> items) {
        public Contradiction {
            items = List.copyOf(items);
        }
    }

    /** {@code predicate} is the asked link (CAUSES); {@code supporting}/{@code contradicting} count statements. */
    public record Answer(Entity drug, Entity condition, String predicate, int supporting, int contradicting,
                         List<Group> bySource, List<CaseItem> cases, List<Quantity> quantities,
                         List<Contradiction> contradictions) {
        public Answer {
            bySource = List.copyOf(bySource);
            cases = List.copyOf(cases);
            quantities = List.copyOf(quantities);
            contradictions = List.copyOf(contradictions);
        }
    }

    /** The evidence that {@code drug} CAUSES {@code condition}. */
    public Answer ask(String drug, String condition) {
        return ask(drug, condition, "CAUSES");
    }

    /** The evidence for {@code drug} {@code predicate} (CAUSES or TREATS) {@code condition}. */
    public Answer ask(String drug, String condition, String predicate) {
        Entity d = names.resolve(drug, "Drug");
        Entity c = names.resolve(condition, "Condition");
        List<Map<String, Object>> related = graph.rows("ask-related-conditions", Map.of("conditionId", c.id()));
        List<Map<String, Object>> conditions = related.stream()
                .map(r -> Map.<String, Object>of("id", r.get("id"), "relation", r.get("relation"))).toList();
        List<Object> conditionIds = related.stream().map(r -> r.get("id")).toList();

        List<Item> items = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("ask-evidence-statements", Map.of("drugId", d.id(), "conditions", conditions))) {
            List<Reference> cites = Graph.maps(r.get("cites")).stream().map(EvidenceQuestion::reference).toList();
            Object pub = r.get("publishedAs");
            items.add(new Item(Graph.str(r.get("id")), Graph.str(r.get("predicate")), Graph.bool(r.get("negated")),
                    Graph.bool(r.get("hedged")), Graph.dbl(r.get("weight"), 0), Graph.str(r.get("text")),
                    Graph.str(r.get("conditionId")), Graph.str(r.get("condition")), Graph.str(r.get("relation")),
                    Graph.str(r.get("documentId")), Graph.str(r.get("document")), Graph.str(r.get("sourceType")),
                    Quantities.find(Graph.str(r.get("text"))), cites,
                    pub == null ? null : reference(Graph.maps(List.of(pub)).get(0))));
        }
        Map<String, List<Item>> grouped = new LinkedHashMap<>();
        for (Item i : items) {
            grouped.computeIfAbsent(i.sourceType(), k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((k, v) -> groups.add(new Group(k, (int) v.stream().map(Item::documentId).distinct().count(), v)));

        List<CaseItem> cases = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("ask-evidence-cases", Map.of("drugId", d.id(), "conditionIds", conditionIds))) {
            cases.add(new CaseItem(Graph.str(r.get("id")), Graph.str(r.get("label")), Graph.integer(r.get("age")),
                    Graph.str(r.get("sex")), Graph.str(r.get("dose")), Graph.str(r.get("timeToOnset")),
                    Graph.str(r.get("dechallenge")), Graph.str(r.get("rechallenge")), Graph.str(r.get("outcome")),
                    Graph.str(r.get("management")), r.get("naranjoScore"), Graph.str(r.get("naranjoCategory")),
                    Graph.strings(r.get("conditions")), Graph.str(r.get("documentId")), Graph.str(r.get("document")),
                    Graph.str(r.get("sourceType")), Graph.strings(r.get("references")), Graph.str(r.get("patientId")),
                    1, List.of()));
        }
        cases = onePerPatient(cases);

        List<Quantity> quantities = new ArrayList<>();
        Set<String> seenQuantities = new LinkedHashSet<>();
        for (Item i : items) {
            for (String q : i.quantities()) {
                if (seenQuantities.add(q + "\u0000" + i.text())) {
                    quantities.add(new Quantity(q, i.id(), i.document()));
                }
            }
        }
        String opposite = "CAUSES".equals(predicate) ? "TREATS" : "CAUSES";
        List<Contradiction> contradictions = contradictions(d, c, predicate, opposite, items);
        int supporting = (int) items.stream().filter(i -> i.supports(predicate)).count();
        int contradicting = (int) items.stream().filter(i -> contradicts(i, predicate, opposite)).count();
        return new Answer(d, c, predicate, supporting, contradicting, groups, cases, quantities, contradictions);
    }

    static boolean contradicts(Item i, String predicate, String opposite) {
        return (i.negated() && i.predicate().equals(predicate)) || (!i.negated() && i.predicate().equals(opposite));
    }

    private static List<Contradiction> contradictions(Entity d, Entity c, String predicate, String opposite, List<Item> items) {
        List<Contradiction> out = new ArrayList<>();
        Map<String, List<Item>> negatedByCondition = new LinkedHashMap<>();
        Map<String, List<Item>> oppositeByCondition = new LinkedHashMap<>();
        Set<String> supportedConditions = new LinkedHashSet<>();
        for (Item i : items) {
            if (i.negated() && i.predicate().equals(predicate)) {
                negatedByCondition.computeIfAbsent(i.condition(), k -> new ArrayList<>()).add(i);
            } else if (!i.negated() && i.predicate().equals(opposite)) {
                oppositeByCondition.computeIfAbsent(i.condition() + "\u0000" + i.relation(), k -> new ArrayList<>()).add(i);
            } else if (i.supports(predicate)) {
                supportedConditions.add(i.condition());
            }
        }
        negatedByCondition.forEach((cond, list) -> out.add(new Contradiction("negated",
                list.size() + " statement(s) deny that " + d.name() + " " + verb(predicate).replace("cause", "causes").replace("treat", "treats") + " " + cond,
                list.stream().map(Item::id).toList())));
        oppositeByCondition.forEach((key, list) -> {
            String cond = key.substring(0, key.indexOf('\u0000'));
            String relation = key.substring(key.indexOf('\u0000') + 1);
            String where = switch (relation) {
                case "narrower" -> cond + ", which IS_A " + c.name();
                case "broader" -> cond + ", which " + c.name() + " IS_A";
                default -> cond;
            };
            String claim = supportedConditions.isEmpty() ? "" : "; yet " + d.name() + " is reported to " + verb(predicate)
                    + " " + String.join(", ", supportedConditions);
            out.add(new Contradiction(relation.equals("exact") ? "opposite" : "hierarchy",
                    d.name() + " is reported to " + verb(opposite) + " " + where + " (" + list.size() + " statement(s), "
                            + list.stream().map(Item::document).distinct().count() + " document(s): "
                            + String.join("; ", list.stream().map(i -> i.sourceType() + " '" + i.document() + "'").distinct().toList())
                            + ")" + claim,
                    list.stream().map(Item::id).toList()));
        });
        return out;
    }

    static String verb(String predicate) {
        return switch (predicate) {
            case "CAUSES" -> "cause";
            case "TREATS" -> "treat";
            default -> predicate.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Reference reference(Map<String, Object> m) {
        return new Reference(Graph.str(m.get("id")), Graph.str(m.get("title") != null ? m.get("title") : m.get("citation")),
                Graph.str(m.get("doi")), Graph.str(m.get("pmid")), m.get("year"));
    }
}
