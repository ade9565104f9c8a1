package org.litgraph.ingest.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.DocumentGraph.Entity;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;

/**
 * What the extraction pipeline makes of one document, read off the {@link DocumentGraph} that ingest
 * writes: entity mentions with offsets, statements (relations) with their evidence, drug–effect
 * events and patient cases. {@code annotate} prints this; {@code eval} scores it; nothing here is
 * computed that the graph does not hold.
 *
 * @param id    the PubMed id when the document has one, else its graph id
 * @param text  the document's text; every offset indexes it
 * @param titleEnd where the title ends in {@code text} (0 when the text does not start with it)
 */
public record AnnotatedDocument(String id, String title, String text, int titleEnd, List<EntitySpan> entities,
                                List<Relation> relations, List<Event> events, List<CaseRecord> cases) {

    public AnnotatedDocument {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
        events = List.copyOf(events);
        cases = List.copyOf(cases);
    }

    /** The PubTator entity type of a kind: Chemical, Disease, Gene, or Process (not a PubTator type). */
    public static String type(EntityKind kind) {
        return switch (kind) {
            case DRUG -> "Chemical";
            case CONDITION -> "Disease";
            case TARGET -> "Gene";
            case PROCESS -> "Process";
        };
    }

    /** One mention of a grounded entity. */
    public record EntitySpan(int start, int end, String text, EntityKind kind, String id) {
        public String type() {
            return AnnotatedDocument.type(kind);
        }
    }

    /** A character range of the text. */
    public record Span(int start, int end, String text) {
    }

    /**
     * A statement: the claim (subject, predicate, object) with its polarity and the evidence ranges
     * (sentences) that state it. {@code hedged} is true when every statement of it is hedged.
     */
    public record Relation(Predicate predicate, String subject, String object, boolean negated, boolean hedged,
                           List<Span> evidence) {
        public Relation {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * A drug–effect event (adverse or therapeutic) stated in one sentence ({@code evidence}), as the
     * graph's Event node holds it: drug and effect spans, and every other argument span by role
     * ({@code age}, {@code gender}, {@code population}, {@code dose}, {@code route}, {@code frequency},
     * {@code duration}, {@code timeElapsed}, {@code severity}); {@code sex} normalises the gender.
     */
    public record Event(String type, boolean negated, boolean hedged, List<Span> drugs, List<Span> effects,
                        Span evidence, Map<String, List<Span>> arguments, String sex) {
        public Event {
            drugs = List.copyOf(drugs);
            effects = List.copyOf(effects);
            arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        }

        /** The first span of a role, or null. */
        public Span first(String role) {
            List<Span> spans = arguments.get(role);
            return spans == null || spans.isEmpty() ? null : spans.get(0);
        }
    }

    /** Reads a document's annotations off its graph. */
    public static AnnotatedDocument of(String text, DocumentGraph g) {
        Map<String, EntityKind> kinds = new HashMap<>();
        for (Entity e : g.entities()) {
            kinds.put(e.id(), e.kind());
        }
        List<EntitySpan> spans = new ArrayList<>();
        for (DocumentGraph.Mention m : g.mentions()) {
            EntityKind kind = kinds.get(m.entityId());
            if (kind == null) {
                continue;
            }
            for (int i = 0; i < m.starts().size(); i++) {
                int s = m.starts().get(i);
                int e = m.ends().get(i);
                spans.add(new EntitySpan(s, e, text.substring(s, e), kind, m.entityId()));
            }
        }
        spans.sort(Comparator.comparingInt(EntitySpan::start).thenComparingInt(EntitySpan::end)
                .thenComparing(EntitySpan::id));

        Map<String, List<EvidenceItem>> byStatement = new LinkedHashMap<>();
        for (EvidenceItem e : g.evidence()) {
            byStatement.computeIfAbsent(e.predicate() + "\t" + e.subjectId() + "\t" + e.objectId() + "\t" + e.negated(),
                    k -> new ArrayList<>()).add(e);
        }
        List<Relation> relations = new ArrayList<>();
        for (List<EvidenceItem> items : byStatement.values()) {
            EvidenceItem first = items.get(0);
            List<Span> ranges = new ArrayList<>();
            boolean hedged = true;
            for (EvidenceItem e : items) {
                ranges.add(new Span(e.start(), e.end(), e.text()));
                hedged &= e.hedged();
            }
            relations.add(new Relation(first.predicate(), first.subjectId(), first.objectId(), first.negated(), hedged,
                    ranges));
        }

        List<Event> events = new ArrayList<>();
        for (DocumentGraph.EventRecord e : g.events()) {
            Map<String, List<Span>> byRole = new LinkedHashMap<>();
            for (DocumentGraph.EventArgument a : e.arguments()) {
                byRole.computeIfAbsent(a.role(), k -> new ArrayList<>()).add(new Span(a.start(), a.end(), a.text()));
            }
            events.add(new Event(e.type(), e.negated(), e.hedged(), byRole.getOrDefault("drug", List.of()),
                    byRole.getOrDefault("effect", List.of()), new Span(e.start(), e.end(), e.text()), byRole, e.sex()));
        }

        String title = g.document().title();
        int titleEnd = title != null && !title.isEmpty() && text.startsWith(title) ? title.length() : 0;
        String id = g.document().pmid() != null ? g.document().pmid() : g.document().id();
        return new AnnotatedDocument(id, title, text, titleEnd, spans, relations, events, g.cases());
    }

    /** The claims the graph holds for this document: relations that are not negated. */
    public List<Relation> positiveRelations() {
        return relations.stream().filter(r -> !r.negated()).toList();
    }
}
