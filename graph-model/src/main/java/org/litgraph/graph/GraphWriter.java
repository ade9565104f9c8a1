package org.litgraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.DocumentGraph.DocumentInfo;
import org.litgraph.graph.DocumentGraph.Entity;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.litgraph.graph.DocumentGraph.Exposure;
import org.litgraph.graph.DocumentGraph.ReferenceRecord;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes batches of {@link DocumentGraph}s: one managed (retried) transaction per batch, one
 * {@code UNWIND $rows} statement per kind of row, all from {@code cypher/ingest/}. A document
 * already in the graph with the same content hash and extractor version is skipped; one whose
 * content or extractor version changed has its old evidence and cases removed in the same
 * transaction before the new ones are written, and so does an older document of the same source
 * kept under another id (the content-hash ids of earlier litgraph versions). Claims
 * are recomputed from all their evidence, so the result does not depend on ingest order.
 */
public final class GraphWriter {
    private final Store store;

    public GraphWriter(Store store) {
        this.store = store;
    }

    /** What one batch changed. */
    public record Result(int documentsWritten, int documentsUnchanged, long nodesCreated, long nodesDeleted,
                         long relationshipsCreated, long relationshipsDeleted, long propertiesSet) {
        public Result plus(Result o) {
            return new Result(documentsWritten + o.documentsWritten, documentsUnchanged + o.documentsUnchanged,
                    nodesCreated + o.nodesCreated, nodesDeleted + o.nodesDeleted,
                    relationshipsCreated + o.relationshipsCreated, relationshipsDeleted + o.relationshipsDeleted,
                    propertiesSet + o.propertiesSet);
        }

        public static Result empty() {
            return new Result(0, 0, 0, 0, 0, 0, 0);
        }
    }

    public Result write(List<DocumentGraph> batch) {
        if (batch.isEmpty()) {
            return Result.empty();
        }
        try (Session session = store.session(AccessMode.WRITE)) {
            return session.executeWrite(tx -> writeInTransaction(tx, batch));
        }
    }

    private Result writeInTransaction(TransactionContext tx, List<DocumentGraph> batch) {
        Counter counter = new Counter();
        // 1. which documents are new, changed or unchanged
        Map<String, DocumentGraph> byId = new LinkedHashMap<>();
        for (DocumentGraph g : batch) {
            byId.put(g.document().id(), g);
        }
        Map<String, String[]> existing = new HashMap<>();
        tx.run(CypherLibrary.query("ingest/document-hashes"), Map.of("ids", List.copyOf(byId.keySet())))
                .forEachRemaining(r -> existing.put(r.get("id").asString(), new String[] {
                        r.get("contentHash").asString(null), r.get("extractorVersion").asString(null)}));
        List<DocumentGraph> todo = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        for (DocumentGraph g : byId.values()) {
            String[] old = existing.get(g.document().id());
            if (old == null) {
                todo.add(g);
            } else if (Objects.equals(old[0], g.document().contentHash())
                    && Objects.equals(old[1], g.document().extractorVersion())) {
                unchanged++;
            } else {
                todo.add(g); // edited, or extracted by another version of litgraph: replaced in place
                changed.add(g.document().id());
            }
        }
        if (todo.isEmpty()) {
            return new Result(0, unchanged, 0, 0, 0, 0, 0);
        }
        // older documents of the same source under another id (ids of earlier litgraph versions) go too
        List<Map<String, Object>> sources = new ArrayList<>();
        for (DocumentGraph g : todo) {
            if (Ids.bySource(g.document().id()) && g.document().path() != null) {
                sources.add(Map.of("id", g.document().id(), "path", g.document().path()));
            }
        }
        List<String> superseded = new ArrayList<>();
        if (!sources.isEmpty()) {
            tx.run(CypherLibrary.query("ingest/superseded-documents"), Map.of("rows", sources,
                    "keep", List.copyOf(byId.keySet()))).forEachRemaining(r -> superseded.add(r.get("id").asString()));
        }
        // 2. claims touched: the new evidence's and the removed evidence's
        Map<String, Map<String, Object>> claims = new LinkedHashMap<>();
        Set<String> conditions = new LinkedHashSet<>();
        List<String> removeContent = new ArrayList<>(changed);
        removeContent.addAll(superseded);
        // cases linked to tellings about to be removed: their patient ids are recomputed below
        List<String> patientNeighbours = PatientLinker.neighbours(tx, removeContent);
        if (!removeContent.isEmpty()) {
            var removed = tx.run(CypherLibrary.query("ingest/delete-document-content"), Map.of("ids", removeContent));
            for (var r : removed.list()) {
                Map<String, Object> claim = r.get("claim").asMap();
                claims.put((String) claim.get("id"), claim);
                if ("CAUSES".equals(claim.get("predicate"))) {
                    conditions.add((String) claim.get("object"));
                }
            }
            counter.add(removed.consume().counters());
        }
        if (!superseded.isEmpty()) {
            counter.add(tx.run(CypherLibrary.query("ingest/delete-documents"), Map.of("ids", superseded))
                    .consume().counters());
        }
        for (Step step : steps(todo, claims, conditions)) {
            counter.add(tx.run(CypherLibrary.query(step.query()), step.parameters()).consume().counters());
        }
        // the same patient told in several documents: link the new tellings, recompute patient ids
        List<String> newCases = new ArrayList<>();
        todo.forEach(g -> g.cases().forEach(c -> newCases.add(c.id())));
        PatientLinker.link(tx, newCases, patientNeighbours);
        return new Result(todo.size(), unchanged, counter.nodesCreated, counter.nodesDeleted,
                counter.relsCreated, counter.relsDeleted, counter.props);
    }

    /** One parameterised statement of {@code cypher/ingest/} and its parameters. */
    public record Step(String query, Map<String, Object> parameters) {
    }

    /**
     * The statements that write {@code docs} (documents not yet in the graph, or whose old content
     * was removed), in order, with their rows; {@code claims} and {@code conditions} carry claims
     * and conditions touched by removed content. Exposed so a benchmark can run the very same rows
     * through another API.
     */
    public static List<Step> steps(List<DocumentGraph> docs, Map<String, Map<String, Object>> claims,
                                   Set<String> conditions) {
        Map<String, Map<String, Object>> allClaims = new LinkedHashMap<>(claims);
        Set<String> allConditions = new LinkedHashSet<>(conditions);
        List<Map<String, Object>> documents = new ArrayList<>();
        Map<String, Map<String, Object>> entities = new LinkedHashMap<>();
        List<Map<String, Object>> hierarchy = new ArrayList<>();
        List<Map<String, Object>> mentions = new ArrayList<>();
        List<Map<String, Object>> refs = new ArrayList<>();
        List<Map<String, Object>> evidence = new ArrayList<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (DocumentGraph g : docs) {
            String docId = g.document().id();
            documents.add(Map.of("id", docId, "props", documentProps(g.document())));
            for (Entity e : g.entities()) {
                if (entities.containsKey(e.id())) {
                    continue;
                }
                entities.put(e.id(), entityRow(e));
                for (String parent : e.parents()) {
                    hierarchy.add(Map.of("child", e.id(), "parent", parent));
                }
                if (e.kind() == EntityKind.CONDITION) {
                    allConditions.add(e.id());
                }
            }
            g.mentions().forEach(m -> {
                Map<String, Object> row = new HashMap<>();
                row.put("document", docId);
                row.put("entity", m.entityId());
                row.put("count", m.count());
                row.put("starts", m.starts());
                row.put("ends", m.ends());
                // absent rather than [] (most mentions define no abbreviation)
                row.put("shortForms", m.shortForms().isEmpty() ? null : m.shortForms());
                row.put("shortFormText", m.shortForms().isEmpty() ? null : String.join(" | ", m.shortForms()));
                mentions.add(row);
            });
            for (ReferenceRecord r : g.references()) {
                refs.add(referenceRow(docId, r));
            }
            for (EvidenceItem e : g.evidence()) {
                evidence.add(evidenceRow(docId, e));
                Map<String, Object> claim = new HashMap<>();
                claim.put("id", e.claimId());
                claim.put("predicate", e.predicate().name());
                claim.put("subject", e.subjectId());
                claim.put("object", e.objectId());
                allClaims.put(e.claimId(), claim);
            }
            for (CaseRecord c : g.cases()) {
                cases.add(caseRow(docId, c));
            }
            for (DocumentGraph.EventRecord e : g.events()) {
                events.add(eventRow(docId, e));
            }
        }
        List<Step> out = new ArrayList<>();
        add(out, "ingest/merge-documents", documents);
        add(out, "ingest/merge-entities", List.copyOf(entities.values()));
        add(out, "ingest/merge-hierarchy", hierarchy);
        add(out, "ingest/merge-mentions", mentions);
        add(out, "ingest/merge-references", refs);
        add(out, "ingest/merge-evidence", evidence);
        add(out, "ingest/merge-cases", cases);
        add(out, "ingest/merge-events", events);
        add(out, "ingest/recompute-claims", List.copyOf(allClaims.values()));
        if (!allConditions.isEmpty()) {
            out.add(new Step("ingest/mark-adverse-events", Map.of("ids", List.copyOf(allConditions))));
        }
        return out;
    }

    private static void add(List<Step> out, String name, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            out.add(new Step(name, Map.of("rows", rows)));
        }
    }

    private static Map<String, Object> documentProps(DocumentInfo d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.title());
        p.put("title", d.title());
        p.put("format", d.format());
        p.put("sourceType", d.sourceType().label());
        p.put("path", d.path());
        p.put("url", d.url());
        p.put("published", d.published());
        p.put("year", d.year());
        p.put("journal", d.journal());
        p.put("publisher", d.publisher());
        p.put("doi", d.doi());
        p.put("pmid", d.pmid());
        p.put("pmcid", d.pmcid());
        p.put("authors", d.authors());
        p.put("publicationTypes", d.publicationTypes());
        p.put("sections", d.sections());
        p.put("contentHash", d.contentHash());
        p.put("extractorVersion", d.extractorVersion());
        p.put("length", d.length());
        return p;
    }

    private static Map<String, Object> entityRow(Entity e) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", e.name());
        p.put("nameLower", e.name().toLowerCase(java.util.Locale.ROOT));
        p.put("synonyms", e.synonyms());
        p.put("synonymText", String.join(" | ", e.synonyms()));
        p.put("symbol", e.symbol());
        p.put("kind", e.kind().toString());
        p.put("initials", initials(e.name()));
        return Map.of("id", e.id(), "label", e.kind().label(), "props", p);
    }

    private static final java.util.Set<String> MINOR_WORDS = java.util.Set.of("of", "and", "the", "in", "to", "for",
            "with", "by", "on", "or", "a", "an");

    /**
     * The initials of a name of two or more words, lower case ("interstitial lung diseases" -> "ild"), so that a
     * researcher's acronym finds the entity when neither the vocabularies nor the documents define it; null otherwise.
     */
    static String initials(String name) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        for (String w : name.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || MINOR_WORDS.contains(w)) {
                continue;
            }
            b.append(w.charAt(0));
            words++;
        }
        return words >= 2 ? b.toString() : null;
    }

    private static Map<String, Object> referenceRow(String docId, ReferenceRecord r) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.title() != null ? r.title() : r.citation());
        p.put("title", r.title());
        p.put("citation", r.citation());
        p.put("journal", r.journal());
        p.put("year", r.year());
        p.put("doi", r.doi());
        p.put("pmid", r.pmid());
        p.put("url", r.url());
        // a cited record must not erase what a richer mention (e.g. the record itself) said: drop nulls
        p.values().removeIf(java.util.Objects::isNull);
        Map<String, Object> row = new HashMap<>();
        row.put("document", docId);
        row.put("id", r.id());
        row.put("role", r.role().name());
        row.put("number", r.number());
        row.put("props", p);
        return row;
    }

    private static Map<String, Object> evidenceRow(String docId, EvidenceItem e) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", e.predicate().name() + " evidence");
        p.put("text", e.text());
        p.put("documentId", docId);
        p.put("start", e.start());
        p.put("end", e.end());
        p.put("negated", e.negated());
        p.put("hedged", e.hedged());
        p.put("claimId", e.claimId());
        p.put("predicate", e.predicate().name());
        p.put("subjectId", e.subjectId());
        p.put("objectId", e.objectId());
        p.put("method", e.method().name().toLowerCase(java.util.Locale.ROOT));
        p.put("weight", e.weight());
        p.put("section", e.section());
        Map<String, Object> row = new HashMap<>();
        row.put("id", e.id());
        row.put("document", docId);
        row.put("subject", e.subjectId());
        row.put("object", e.objectId());
        row.put("cites", e.citedReferenceIds());
        row.put("props", p);
        return row;
    }

    private static Map<String, Object> caseRow(String docId, CaseRecord c) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", c.label());
        p.put("label", c.label());
        p.put("documentId", docId);
        p.put("age", c.age());
        p.put("sex", c.sex() == null ? null : c.sex().label());
        p.put("dose", c.dose());
        p.put("timeToOnset", c.timeToOnset());
        p.put("symptoms", c.symptoms());
        p.put("symptomText", String.join(", ", c.symptoms()));
        p.put("findings", c.findings());
        p.put("management", c.management());
        p.put("outcome", c.outcome());
        p.put("dechallenge", c.dechallenge() == null ? null : c.dechallenge().label());
        p.put("rechallenge", c.rechallenge() == null ? null : c.rechallenge().label());
        p.put("otherDrugs", c.otherDrugs());
        p.put("text", c.text());
        if (c.causality() != null) {
            p.put("naranjoScore", c.causality().score());
            p.put("naranjoCategory", c.causality().category());
            p.put("naranjoAnswered", c.causality().answered());
            p.put("naranjoAnswers", c.causality().answers());
            p.put("naranjoSentences", c.causality().answerSentences());
            p.put("naranjoDrugId", c.causality().drugId());
        }
        DocumentGraph.Details details = c.details();
        p.put("ageText", details.ageText());
        p.put("ageGroup", details.ageGroup());
        p.put("reactions", details.reactions());
        p.put("seriousness", details.seriousness());
        DocumentGraph.StatedCausality stated = details.statedCausality();
        if (stated != null) {
            p.put("statedCausality", stated.text());
            p.put("statedCausalityScale", stated.scale());
            p.put("statedCausalityScore", stated.score());
            p.put("statedCausalityCategory", stated.category());
        }
        List<Map<String, Object>> exposures = new ArrayList<>();
        for (Exposure x : c.exposures()) {
            Map<String, Object> xp = new HashMap<>();
            xp.put("dose", x.dose());
            xp.put("role", x.role());
            xp.put("route", x.route());
            xp.put("frequency", x.frequency());
            xp.put("duration", x.duration());
            xp.put("inferred", x.inferred());
            exposures.add(Map.of("drug", x.drugId(), "props", xp));
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (DocumentGraph.FieldSource f : details.sources()) {
            Map<String, Object> sp = new HashMap<>();
            sp.put("field", f.field());
            sp.put("value", f.value());
            sp.put("start", f.start());
            sp.put("end", f.end());
            sp.put("sentenceStart", f.sentenceStart());
            sp.put("sentenceEnd", f.sentenceEnd());
            sp.put("sentence", f.sentence());
            sources.add(sp);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", c.id());
        row.put("document", docId);
        row.put("props", p);
        row.put("exposures", exposures);
        row.put("conditions", c.conditionIds());
        row.put("reactions", details.reactionIds());
        row.put("history", details.historyIds());
        row.put("sources", sources);
        row.put("cites", c.citedReferenceIds());
        return row;
    }

    private static Map<String, Object> eventRow(String docId, DocumentGraph.EventRecord e) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", e.type() + " event");
        p.put("documentId", docId);
        p.put("type", e.type());
        p.put("negated", e.negated());
        p.put("hedged", e.hedged());
        p.put("start", e.start());
        p.put("end", e.end());
        p.put("text", e.text());
        p.put("sex", e.sex());
        List<String> roles = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (DocumentGraph.EventArgument a : e.arguments()) {
            roles.add(a.role());
            starts.add(a.start());
            ends.add(a.end());
            texts.add(a.text());
        }
        p.put("argumentRoles", roles);
        p.put("argumentStarts", starts);
        p.put("argumentEnds", ends);
        p.put("argumentTexts", texts);
        Map<String, Object> row = new HashMap<>();
        row.put("id", e.id());
        row.put("document", docId);
        row.put("props", p);
        return row;
    }

    private static final class Counter {
        long nodesCreated;
        long nodesDeleted;
        long relsCreated;
        long relsDeleted;
        long props;

        void add(SummaryCounters c) {
            nodesCreated += c.nodesCreated();
            nodesDeleted += c.nodesDeleted();
            relsCreated += c.relationshipsCreated();
            relsDeleted += c.relationshipsDeleted();
            props += c.propertiesSet();
        }
    }

}
