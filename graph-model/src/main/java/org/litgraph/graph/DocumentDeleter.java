package org.litgraph.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Removes documents from the graph, whichever way they were written (transactions or the offline
 * importer): a document's evidence, cases and links go, the claims they supported are recomputed
 * from the evidence that remains (a relationship without supporting statements disappears), the
 * AdverseEvent labels follow, the patient ids of cases linked to removed tellings are recomputed,
 * and references nothing links to any more are deleted. Entities stay
 * (they are the vocabulary). One transaction per batch, all Cypher from {@code cypher/ingest/}.
 */
public final class DocumentDeleter {
    private final Store store;

    public DocumentDeleter(Store store) {
        this.store = store;
    }

    /** What a deletion changed; {@code documentsDeleted} counts the ids that existed. */
    public record Result(long documentsDeleted, long nodesDeleted, long relationshipsDeleted) {
    }

    public Result delete(List<String> documentIds) {
        if (documentIds.isEmpty()) {
            return new Result(0, 0, 0);
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(documentIds));
        try (Session session = store.session(AccessMode.WRITE)) {
            return session.executeWrite(tx -> deleteInTransaction(tx, ids));
        }
    }

    private static Result deleteInTransaction(TransactionContext tx, List<String> ids) {
        long[] counts = new long[2];
        List<Object> refs = new ArrayList<>();
        tx.run(CypherLibrary.query("ingest/document-references"), Map.of("ids", ids))
                .forEachRemaining(r -> refs.add(r.get("refId").asString()));
        Map<String, Map<String, Object>> claims = new LinkedHashMap<>();
        Set<String> conditions = new LinkedHashSet<>();
        // cases linked to the tellings about to go: their patient ids are recomputed below
        List<String> patientNeighbours = PatientLinker.neighbours(tx, ids);
        var removed = tx.run(CypherLibrary.query("ingest/delete-document-content"), Map.of("ids", ids));
        for (var r : removed.list()) {
            Map<String, Object> claim = r.get("claim").asMap();
            claims.put((String) claim.get("id"), claim);
            if ("CAUSES".equals(claim.get("predicate"))) {
                conditions.add((String) claim.get("object"));
            }
        }
        add(counts, removed.consume().counters());
        add(counts, tx.run(CypherLibrary.query("ingest/delete-document-passages"), Map.of("ids", ids)).consume().counters());
        var deleted = tx.run(CypherLibrary.query("ingest/delete-documents"), Map.of("ids", ids));
        long documents = deleted.single().get("deleted").asLong();
        add(counts, deleted.consume().counters());
        for (GraphWriter.Step step : GraphWriter.steps(List.of(), claims, conditions)) {
            add(counts, tx.run(CypherLibrary.query(step.query()), step.parameters()).consume().counters());
        }
        PatientLinker.link(tx, List.of(), patientNeighbours);
        if (!refs.isEmpty()) {
            add(counts, tx.run(CypherLibrary.query("ingest/delete-orphan-references"), Map.of("ids", refs))
                    .consume().counters());
        }
        return new Result(documents, counts[0], counts[1]);
    }

    private static void add(long[] counts, SummaryCounters c) {
        counts[0] += c.nodesDeleted();
        counts[1] += c.relationshipsDeleted();
    }
}
