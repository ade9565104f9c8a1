package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;

/**
 * The bundled example corpus, written by the project, including a case report about a different
 * drug (amiodarone): the same mechanisms find its patient, challenge, claims and mechanism.
 */
class ExampleCorpusTest {
    private static Store store;
    private static IngestReport report;

    @BeforeAll
    static void ingest() {
        store = TestNeo4j.emptyStore();
        report = new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
    }

    private static QueryResult q(String cypher) {
        return new CypherRunner(store).run(cypher, Map.of());
    }

    @Test
    void shouldIngestEveryExampleDocument() {
        assertTrue(report.skipped().isEmpty(), () -> report.skipped().toString());
        assertEquals(report.files(), report.documentsWritten());
    }

    @Test
    void shouldFindTheAmiodaronePatientWithPositiveDechallengeAndNoRechallengeStatement() {
        QueryResult r = q("MATCH (c:Case {age: 68, sex: 'male'})-[x:RECEIVED]->(d:Drug {name: 'amiodarone'}) "
                + "RETURN c.dechallenge AS de, x.dose AS dose, c.timeToOnset AS onset, "
                + "[(c)-[:PRESENTED_WITH]->(k) | k.nameLower] AS conditions");
        assertEquals(1, r.rows().size(), r.rows()::toString);
        Map<String, Object> row = r.rows().get(0);
        assertEquals("positive", row.get("de"));
        assertEquals("200 mg/day", row.get("dose"));
        assertTrue(((List<?>) row.get("conditions")).contains("dyspnea"), row::toString);
    }

    @Test
    void shouldLinkAmiodaroneToItsAdverseEffectAndMechanism() {
        assertEquals(1, q("MATCH (:Drug {name: 'amiodarone'})-[r:CAUSES]->(c:AdverseEvent) "
                + "WHERE c.nameLower IN ['pneumonia', 'interstitial lung disease', 'lung disease'] RETURN count(r) >= 1 AS ok").rows().size());
        QueryResult path = q("MATCH (:Drug {name: 'amiodarone'})-[:INHIBITS]->(t:Target)-[:REGULATES]->(p:Process)"
                + "-[:LEADS_TO]->(c:Condition) RETURN toLower(t.name) AS target, p.name AS process, c.nameLower AS condition");
        assertEquals(1, path.rows().size(), path.rows()::toString);
        assertTrue(String.valueOf(path.rows().get(0).get("target")).contains("phospholipase"), path.rows()::toString);
        assertEquals("phospholipidosis", path.rows().get(0).get("condition"));
    }

    @Test
    void shouldRecordAHedgedClaimAsHedgedAndADeniedOneWithoutARelationship() {
        QueryResult hedged = q("MATCH (:Drug {name: 'amiodarone'})-[r:CAUSES]->(:Condition {nameLower: 'hypothyroidism'}) "
                + "RETURN r.evidenceCount AS n, r.hedgedCount AS hedged");
        assertEquals(List.of(Map.of("n", 1L, "hedged", 1L)), hedged.rows());
        QueryResult denied = q("MATCH (e:Evidence)-[:SUBJECT]->(:Drug {name: 'bisoprolol'}), (e)-[:OBJECT]->(:Condition {id: 'MESH:D011014'}) "
                + "RETURN e.negated AS negated, e.predicate AS predicate, "
                + "EXISTS { (:Drug {name: 'bisoprolol'})-[:CAUSES]->() } AS related");
        assertEquals(List.of(Map.of("negated", true, "predicate", "CAUSES", "related", false)), denied.rows());
    }
}
