package org.litgraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.DocumentGraph.DocumentInfo;
import org.litgraph.graph.DocumentGraph.Entity;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

class GraphWriterTest {

    private static DocumentGraph doc(String id, String hash, String sentence, boolean negated) {
        DocumentInfo info = new DocumentInfo(id, "t " + id, "text", SourceType.CASE_REPORT, "/tmp/" + id, null,
                null, null, null, null, null, null, null, List.of(), List.of(), List.of(), hash, sentence.length());
        Entity drug = new Entity("MESH:D1", EntityKind.DRUG, "drugone", List.of("brandone"), null, List.of());
        Entity cond = new Entity("MESH:D2", EntityKind.CONDITION, "rash", List.of(), null, List.of());
        String claim = Ids.claim("MESH:D1", Predicate.CAUSES, "MESH:D2");
        EvidenceItem ev = new EvidenceItem(Ids.evidence(id, claim, 0, sentence.length()), claim, Predicate.CAUSES,
                "MESH:D1", "MESH:D2", sentence, 0, sentence.length(), negated, false, EvidenceMethod.SENTENCE_PATTERN,
                0.6, null, List.of());
        return new DocumentGraph(info, List.of(drug, cond), List.of(ev), List.of(), List.of(), List.of());
    }

    private static Record claim(Store store) {
        try (Session s = store.session(AccessMode.READ)) {
            List<Record> rows = s.run("MATCH (:Drug {id:'MESH:D1'})-[r:CAUSES]->(c:Condition {id:'MESH:D2'}) "
                    + "RETURN r.evidenceCount AS n, r.confidence AS conf, c:AdverseEvent AS ae").list();
            return rows.isEmpty() ? null : rows.get(0);
        }
    }

    @Test
    void shouldMergeTwoDocumentsStatementsIntoOneClaim() {
        Store store = TestNeo4j.emptyStore();
        GraphWriter w = new GraphWriter(store);
        w.write(List.of(doc("doc:a", "h1", "Drugone caused a rash.", false), doc("doc:b", "h2", "Rash followed drugone.", false)));
        Record r = claim(store);
        assertEquals(2, r.get("n").asInt());
        assertEquals(1 - 0.4 * 0.4, r.get("conf").asDouble(), 1e-6);
        assertTrue(r.get("ae").asBoolean(), "a caused condition is also an AdverseEvent");
    }

    @Test
    void shouldChangeNothingWhenTheSameBatchIsWrittenTwice() {
        Store store = TestNeo4j.emptyStore();
        GraphWriter w = new GraphWriter(store);
        List<DocumentGraph> batch = List.of(doc("doc:a", "h1", "Drugone caused a rash.", false));
        GraphWriter.Result first = w.write(batch);
        GraphWriter.Result second = w.write(batch);
        assertTrue(first.nodesCreated() > 0);
        assertEquals(0, second.nodesCreated());
        assertEquals(0, second.relationshipsCreated());
        assertEquals(1, second.documentsUnchanged());
    }

    @Test
    void shouldNeverCreateARelationshipFromNegatedEvidenceAlone() {
        Store store = TestNeo4j.emptyStore();
        new GraphWriter(store).write(List.of(doc("doc:n", "h1", "Drugone did not cause a rash.", true)));
        assertEquals(null, claim(store));
        try (Session s = store.session(AccessMode.READ)) {
            assertEquals(1, s.run("MATCH (e:Evidence {negated: true}) RETURN count(e) AS n").single().get("n").asInt());
            assertFalse(s.run("MATCH (c:Condition {id:'MESH:D2'}) RETURN c:AdverseEvent AS ae").single().get("ae").asBoolean());
        }
    }

    @Test
    void shouldReplaceAChangedDocumentsEvidenceAndDropClaimsNoLongerSupported() {
        Store store = TestNeo4j.emptyStore();
        GraphWriter w = new GraphWriter(store);
        w.write(List.of(doc("doc:a", "h1", "Drugone caused a rash.", false)));
        w.write(List.of(doc("doc:a", "h2", "Drugone did not cause a rash.", true)));
        assertEquals(null, claim(store), "the only supporting statement was revised to a negated one");
        try (Session s = store.session(AccessMode.READ)) {
            assertEquals(1, s.run("MATCH (e:Evidence) RETURN count(e) AS n").single().get("n").asInt());
        }
    }

    private static DocumentGraph withPassages(DocumentGraph g, String sentence) {
        String id = g.document().id();
        return g.withPassages(List.of(new DocumentGraph.Passage(Ids.passage(id, 0), sentence, 0, sentence.length(), null)));
    }

    @Test
    void shouldWritePassagesReplaceThemWithTheDocumentAndGiveThemToDocumentsWrittenWithout() {
        Store store = TestNeo4j.emptyStore();
        GraphWriter w = new GraphWriter(store);
        String s1 = "Drugone caused a rash.";
        // a document written before passages existed gains them when ingested again, though unchanged
        w.write(List.of(doc("doc:a", "h1", s1, false)));
        GraphWriter.Result again = w.write(List.of(withPassages(doc("doc:a", "h1", s1, false), s1)));
        assertEquals(1, again.documentsWritten());
        GraphWriter.Result third = w.write(List.of(withPassages(doc("doc:a", "h1", s1, false), s1)));
        assertEquals(1, third.documentsUnchanged());
        // a changed document's passages are replaced, not added to
        String s2 = "Drugone did not cause a rash.";
        w.write(List.of(withPassages(doc("doc:a", "h2", s2, true), s2)));
        try (Session s = store.session(AccessMode.READ)) {
            List<Record> rows = s.run("MATCH (p:Passage)-[:IN]->(d:Document {id: 'doc:a'}) RETURN p.text AS text, d.passageCount AS n").list();
            assertEquals(1, rows.size());
            assertEquals(s2, rows.get(0).get("text").asString());
            assertEquals(1, rows.get(0).get("n").asInt());
            assertEquals(1, s.run("CALL db.index.fulltext.queryNodes('passage_text', 'cause AND rash') YIELD node RETURN count(node) AS n")
                    .single().get("n").asInt());
        }
    }
}
