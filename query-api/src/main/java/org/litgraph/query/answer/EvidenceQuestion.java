package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.litgraph.graph.Store;

/**
 * "What supports or contradicts DRUG → CONDITION?": every statement about the drug and the
 * condition or an IS_A relative, each labelled by its {@link Stance} (supporting, contradicting,
 * broader; a statement denying the opposite link is neutral):
 * <ul>
 *   <li>statements about the condition itself or a narrower one (an IS_A descendant, labelled
 *       narrower) <em>support</em> the asked link when they assert it, and <em>contradict</em> it
 *       when they deny it (negated) or assert the opposite (TREATS for CAUSES and vice versa);</li>
 *   <li>statements about a <em>broader</em> condition (an ancestor: "lung disease" for pulmonary
 *       hypertension) are listed apart and never counted either way.</li>
 * </ul>
 * Counted statements are grouped by the source's design ({@code Document.sourceType}). Patients
 * ({@code ask-evidence-cases}) are those with the condition or a narrower one. A {@link Contradiction}
 * pairs statements about the same drug and the same condition that conflict after negation is
 * applied (one asserts the link, another denies it, or one says causes and another treats), with
 * the reason. When nothing is found, {@link Answer#context()} says what the graph does hold.
 */
public final class EvidenceQuestion {
    private final Graph graph;
    private final Names names;

    public EvidenceQuestion(Store store) {
        this(store, Grounding.NONE);
    }

    public EvidenceQuestion(Store store, Grounding grounding) {
        this.graph = new Graph(store);
        this.names = new Names(graph, grounding);
    }

    /** How a statement bears on the asked link. */
    public enum Stance {
        SUPPORTING("supporting"), CONTRADICTING("contradicting"), BROADER("broader"),
        /** Denies the opposite link ("did not improve" when causing is asked): neither for nor against. */
        NEUTRAL("neutral");

        private final String label;

        Stance(String label) {
            this.label = label;
        }

        /** The label, also its JSON form. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A reference behind a statement (cited by it, or the document itself as published). */
    public record Reference(String id, String title, String doi, String pmid, Object year) {
    }

    /**
     * One statement with its claim, the condition it names and how that condition relates to the
     * asked one ({@code relation}: exact, narrower, broader), its {@code stance}, and its references.
     */
    public record Item(String id, String predicate, boolean negated, boolean hedged, double weight, String text,
                       String conditionId, String condition, String relation, Stance stance, String documentId,
                       String document, String sourceType, List<String> quantities, List<Reference> cites,
                       Reference publishedAs) {
        public Item {
            quantities = List.copyOf(quantities);
            cites = List.copyOf(cites);
        }

        /** Does it support the asked link (the drug PREDICATE the condition or a narrower one)? */
        public boolean supports(String predicate) {
            return !"broader".equals(relation) && !negated && this.predicate.equals(predicate);
        }
    }

    /** Counted statements from sources of one design. */
    public record Group(String sourceType, int documents, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /**
     * A patient who received the drug and presented with the condition or a narrower one. A patient told
     * in several documents is one item: its facts come from the most detailed telling ({@code id},
     * {@code document}); {@code tellings} counts the merged tellings and {@code alsoReportedIn} names the
     * other documents that report the same patient. {@code outcome} is as stated, {@code outcomeCategory}
     * its category.
     */
    public record CaseItem(String id, String label, Integer age, String sex, String dose, String timeToOnset,
                           String dechallenge, String rechallenge, String outcome, String outcomeCategory,
                           String management, Object naranjoScore, String naranjoCategory, List<String> conditions,
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
                    best.dechallenge(), best.rechallenge(), best.outcome(), best.outcomeCategory(), best.management(),
                    best.naranjoScore(),
                    best.naranjoCategory(), best.conditions(), best.documentId(), best.document(), best.sourceType(),
                    best.references(), best.patientId(), group.size(), others));
        }
        return out;
    }

    /** A finding stated with numbers, verbatim. */
    public record Quantity(String fragment, String statementId, String document) {
    }

    /**
     * Statements that conflict about the same drug and condition: {@code kind} is "denied" (asserted
     * and negated) or "opposite" (causes and treats); {@code reason} says why in words; {@code items}
     * are the ids of all statements involved, {@code asserting} and {@code conflicting} the two sides.
     */
    public record Contradiction(String kind, String conditionId, String condition, String reason,
                                List<String> asserting, List<String> conflicting) {
        public Contradiction {
            asserting = List.copyOf(asserting);
            conflicting = List.copyOf(conflicting);
        }

        public List<String> items() {
            List<String> all = new ArrayList<>(asserting);
            all.addAll(conflicting);
            return all;
        }

        /** The reason, as one line. */
        public String description() {
            return reason;
        }
    }

    /**
     * {@code predicate} is the asked link (CAUSES); {@code supporting}/{@code contradicting} count
     * statements about the condition or a narrower one; {@code broader} lists statements about a
     * broader condition (never counted); {@code context} is set when no statement and no patient was found.
     */
    public record Answer(Entity drug, Entity condition, String predicate, List<Resolution> resolved,
                         int supporting, int contradicting, List<Group> bySource, List<Item> broader,
                         List<CaseItem> cases, List<Quantity> quantities, List<Contradiction> contradictions,
                         GraphContext context) {
        public Answer {
            resolved = List.copyOf(resolved);
            bySource = List.copyOf(bySource);
            broader = List.copyOf(broader);
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
        String asked = predicate == null ? "CAUSES" : predicate.strip().toUpperCase(Locale.ROOT);
        if (!asked.equals("CAUSES") && !asked.equals("TREATS")) {
            throw new IllegalArgumentException("evidence is asked for CAUSES or TREATS, not '" + predicate + "'");
        }
        Resolution dr = names.resolution(drug, "Drug");
        Resolution cr = names.resolution(condition, "Condition");
        Entity d = dr.entity();
        Entity c = cr.entity();
        List<Map<String, Object>> related = graph.rows("ask-related-conditions", Map.of("conditionId", c.id()));
        List<Map<String, Object>> conditions = related.stream()
                .map(r -> Map.<String, Object>of("id", r.get("id"), "relation", r.get("relation"))).toList();
        List<Object> countedIds = related.stream().filter(r -> !"broader".equals(r.get("relation")))
                .map(r -> r.get("id")).toList();
        String opposite = "CAUSES".equals(asked) ? "TREATS" : "CAUSES";

        List<Item> items = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("ask-evidence-statements", Map.of("drugId", d.id(), "conditions", conditions))) {
            List<Reference> cites = Graph.maps(r.get("cites")).stream().map(EvidenceQuestion::reference).toList();
            Object pub = r.get("publishedAs");
            String relation = Graph.str(r.get("relation"));
            String pred = Graph.str(r.get("predicate"));
            boolean negated = Graph.bool(r.get("negated"));
            items.add(new Item(Graph.str(r.get("id")), pred, negated, Graph.bool(r.get("hedged")),
                    Graph.dbl(r.get("weight"), 0), Graph.str(r.get("text")), Graph.str(r.get("conditionId")),
                    Graph.str(r.get("condition")), relation, stance(relation, pred, negated, asked, opposite),
                    Graph.str(r.get("documentId")), Graph.str(r.get("document")), Graph.str(r.get("sourceType")),
                    Quantities.find(Graph.str(r.get("text"))), cites,
                    pub == null ? null : reference(Graph.maps(List.of(pub)).get(0))));
        }
        List<Item> counted = items.stream().filter(i -> i.stance() != Stance.BROADER).toList();
        List<Item> broader = items.stream().filter(i -> i.stance() == Stance.BROADER).toList();
        Map<String, List<Item>> grouped = new LinkedHashMap<>();
        for (Item i : counted) {
            grouped.computeIfAbsent(i.sourceType(), k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((k, v) -> groups.add(new Group(k, (int) v.stream().map(Item::documentId).distinct().count(), v)));

        List<CaseItem> cases = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("ask-evidence-cases", Map.of("drugId", d.id(), "conditionIds", countedIds))) {
            String outcome = Graph.str(r.get("outcome"));
            String category = Graph.str(r.get("outcomeCategory"));
            cases.add(new CaseItem(Graph.str(r.get("id")), Graph.str(r.get("label")), Graph.integer(r.get("age")),
                    Graph.str(r.get("sex")), Graph.str(r.get("dose")), Graph.str(r.get("timeToOnset")),
                    Graph.str(r.get("dechallenge")), Graph.str(r.get("rechallenge")), outcome,
                    category != null ? category : org.litgraph.graph.OutcomeCategory.of(outcome).label(),
                    Graph.str(r.get("management")), r.get("naranjoScore"), Graph.str(r.get("naranjoCategory")),
                    Graph.strings(r.get("conditions")), Graph.str(r.get("documentId")), Graph.str(r.get("document")),
                    Graph.str(r.get("sourceType")), Graph.strings(r.get("references")), Graph.str(r.get("patientId")),
                    1, List.of()));
        }
        cases = onePerPatient(cases);

        List<Quantity> quantities = new ArrayList<>();
        Set<String> seenQuantities = new LinkedHashSet<>();
        for (Item i : counted) {
            for (String q : i.quantities()) {
                if (seenQuantities.add(q + "\u0000" + i.text())) {
                    quantities.add(new Quantity(q, i.id(), i.document()));
                }
            }
        }
        List<Contradiction> contradictions = contradictions(d, asked, opposite, counted);
        int supporting = (int) counted.stream().filter(i -> i.stance() == Stance.SUPPORTING).count();
        int contradicting = (int) counted.stream().filter(i -> i.stance() == Stance.CONTRADICTING).count();
        GraphContext context = counted.isEmpty() && cases.isEmpty() ? GraphContext.load(graph, d, c) : null;
        return new Answer(d, c, asked, List.of(dr, cr), supporting, contradicting, groups, broader, cases, quantities,
                contradictions, context);
    }

    static Stance stance(String relation, String predicate, boolean negated, String asked, String opposite) {
        if ("broader".equals(relation)) {
            return Stance.BROADER;
        }
        if (!negated && predicate.equals(asked)) {
            return Stance.SUPPORTING;
        }
        if (negated && predicate.equals(asked) || !negated && predicate.equals(opposite)) {
            return Stance.CONTRADICTING;
        }
        return Stance.NEUTRAL;
    }

    /**
     * Conflicts between statements about the same drug and the same condition, after negation:
     * an asserted link against a denial of it, or CAUSES against TREATS.
     */
    static List<Contradiction> contradictions(Entity d, String asked, String opposite, List<Item> counted) {
        Map<String, List<Item>> byCondition = new LinkedHashMap<>();
        for (Item i : counted) {
            byCondition.computeIfAbsent(i.conditionId(), k -> new ArrayList<>()).add(i);
        }
        List<Contradiction> out = new ArrayList<>();
        for (List<Item> list : byCondition.values()) {
            String condition = list.get(0).condition();
            String conditionId = list.get(0).conditionId();
            for (String p : List.of(asked, opposite)) {
                List<Item> asserting = list.stream().filter(i -> !i.negated() && i.predicate().equals(p)).toList();
                List<Item> denying = list.stream().filter(i -> i.negated() && i.predicate().equals(p)).toList();
                if (!asserting.isEmpty() && !denying.isEmpty()) {
                    out.add(new Contradiction("denied", conditionId, condition,
                            sides(asserting) + " say " + d.name() + " " + verb3(p) + " " + condition + "; "
                                    + sides(denying) + " say it does not, e.g. \"" + AnswerText.shorten(denying.get(0).text(), 100) + "\"",
                            ids(asserting), ids(denying)));
                }
            }
            List<Item> causes = list.stream().filter(i -> !i.negated() && i.predicate().equals("CAUSES")).toList();
            List<Item> treats = list.stream().filter(i -> !i.negated() && i.predicate().equals("TREATS")).toList();
            if (!causes.isEmpty() && !treats.isEmpty()) {
                List<Item> first = asked.equals("CAUSES") ? causes : treats;
                List<Item> second = asked.equals("CAUSES") ? treats : causes;
                out.add(new Contradiction("opposite", conditionId, condition,
                        sides(first) + " say " + d.name() + " " + verb3(asked) + " " + condition + "; "
                                + sides(second) + " say it " + verb3(opposite) + " " + condition
                                + " (the same drug and condition with opposite effects: check dose, population and timing)",
                        ids(first), ids(second)));
            }
        }
        return out;
    }

    private static List<String> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    private static String sides(List<Item> items) {
        long docs = items.stream().map(Item::documentId).distinct().count();
        List<String> designs = items.stream().map(Item::sourceType).distinct().toList();
        return items.size() + " statement(s) in " + docs + " document(s) (" + String.join(", ", designs) + ")";
    }

    static String verb(String predicate) {
        return switch (predicate) {
            case "CAUSES" -> "cause";
            case "TREATS" -> "treat";
            default -> predicate.toLowerCase(Locale.ROOT);
        };
    }

    static String verb3(String predicate) {
        return verb(predicate) + "s";
    }

    private static Reference reference(Map<String, Object> m) {
        return new Reference(Graph.str(m.get("id")), Graph.str(m.get("title") != null ? m.get("title") : m.get("citation")),
                Graph.str(m.get("doi")), Graph.str(m.get("pmid")), m.get("year"));
    }
}
