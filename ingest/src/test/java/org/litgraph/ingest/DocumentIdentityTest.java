package org.litgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.EvidenceMethod;
import org.litgraph.graph.GraphWriter;
import org.litgraph.graph.Ids;
import org.litgraph.graph.Predicate;
import org.litgraph.graph.SourceType;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;

/**
 * A document without PMID, PMCID or DOI is known by its path: an edited file, a new extractor
 * version, or a store written by an earlier litgraph (ids from a hash of version and text) never
 * leave two documents, or the old evidence and cases, behind.
 */
class DocumentIdentityTest {
    private static final String FIRST = "Case note\n\nA 70-year-old man received amiodarone 200 mg/day for atrial "
            + "fibrillation. Amiodarone caused pulmonary fibrosis in this man. He improved after amiodarone was stopped.\n";
    private static final String SECOND = "Case note\n\nA 45-year-old woman received imatinib 400 mg/day for leukemia. "
            + "Imatinib caused neutropenia in this woman. She recovered after imatinib was withdrawn.\n";

    private static List<Object> values(Store store, String cypher) {
        try (Session s = store.session(AccessMode.READ)) {
            return s.run(cypher).list(r -> r.get(0).asObject());
        }
    }

    private static long count(Store store, String cypher) {
        return (Long) values(store, cypher).get(0);
    }

    @Test
    void shouldReplaceAnEditedFileInPlace(@TempDir Path dir) throws Exception {
        Store store = TestNeo4j.emptyStore();
        Path file = dir.resolve("note.txt");
        Files.writeString(file, FIRST);
        new Ingestor(store).ingest(List.of(file));
        assertEquals(1, count(store, "MATCH (d:Document) RETURN count(d)"));
        assertTrue(count(store, "MATCH (c:Case {age: 70}) RETURN count(c)") > 0, "the first version's case");
        String id = (String) values(store, "MATCH (d:Document) RETURN d.id").get(0);

        Files.writeString(file, SECOND);
        IngestReport again = new Ingestor(store).ingest(List.of(file));
        assertEquals(1, again.documentsWritten());
        assertEquals(List.of(id), values(store, "MATCH (d:Document) RETURN d.id"), "same path, same document");
        assertEquals(0, count(store, "MATCH (c:Case {age: 70}) RETURN count(c)"), "the old case is gone");
        assertEquals(0, count(store, "MATCH (e:Evidence) WHERE e.text CONTAINS 'miodarone' RETURN count(e)"),
                "the old evidence is gone");
        assertTrue(count(store, "MATCH (e:Evidence)-[:FROM]->(:Document) WHERE e.text CONTAINS 'Imatinib caused' "
                + "RETURN count(e)") > 0);
        assertTrue(count(store, "MATCH (c:Case {age: 45})-[:REPORTED_IN]->(:Document) RETURN count(c)") > 0);
        assertEquals(0, count(store, "MATCH (:Drug {name: 'amiodarone'})-[r:CAUSES]->() RETURN count(r)"),
                "a claim left without evidence is dropped");
    }

    @Test
    void shouldReExtractInPlaceWhenTheExtractorVersionChanges(@TempDir Path dir) throws Exception {
        Store store = TestNeo4j.emptyStore();
        Path file = dir.resolve("note.txt");
        Files.writeString(file, FIRST);
        new Ingestor(store).ingest(List.of(file));
        long evidence = count(store, "MATCH (e:Evidence) RETURN count(e)");
        long cases = count(store, "MATCH (c:Case) RETURN count(c)");
        assertEquals(List.of(DocumentExtractor.VERSION), values(store, "MATCH (d:Document) RETURN d.extractorVersion"));
        assertEquals(List.of(Ids.contentHash("text", FIRST)), values(store, "MATCH (d:Document) RETURN d.contentHash"),
                "the content hash covers the content only");

        IngestReport same = new Ingestor(store).ingest(List.of(file));
        assertEquals(0, same.documentsWritten());
        assertEquals(1, same.documentsUnchanged());

        // as if an earlier extractor had written it: the next ingest extracts it again, in place
        try (Session s = store.session(AccessMode.WRITE)) {
            s.run("MATCH (d:Document) SET d.extractorVersion = '0'").consume();
        }
        IngestReport upgraded = new Ingestor(store).ingest(List.of(file));
        assertEquals(1, upgraded.documentsWritten());
        assertEquals(0, upgraded.documentsUnchanged());
        assertEquals(1, count(store, "MATCH (d:Document) RETURN count(d)"));
        assertEquals(List.of(DocumentExtractor.VERSION), values(store, "MATCH (d:Document) RETURN d.extractorVersion"));
        assertEquals(evidence, count(store, "MATCH (e:Evidence) RETURN count(e)"), "no duplicated evidence");
        assertEquals(cases, count(store, "MATCH (c:Case) RETURN count(c)"), "no duplicated cases");
    }

    @Test
    void shouldReplaceADocumentThatAnEarlierVersionKeyedByAHashOfVersionAndText(@TempDir Path dir) throws Exception {
        Store store = TestNeo4j.emptyStore();
        Path file = dir.resolve("note.txt");
        Files.writeString(file, SECOND);
        String path = file.toAbsolutePath().normalize().toString();
        // what litgraph 0.1 wrote for this file: id "doc:" + 20 hex of sha256(version, format, text)
        String legacyId = "doc:" + Ids.sha256("1\ntext\n" + FIRST).substring(0, 20);
        DocumentGraph.DocumentInfo info = new DocumentGraph.DocumentInfo(legacyId, "Case note", "text",
                SourceType.CASE_REPORT, path, null, null, null, null, null, null, null, null, List.of(), List.of(),
                List.of(), Ids.sha256("1\ntext\n" + FIRST), FIRST.length());
        String claim = Ids.claim("MESH:D000638", Predicate.CAUSES, "MESH:D011658");
        String sentence = "Amiodarone caused pulmonary fibrosis in this man.";
        DocumentGraph.EvidenceItem ev = new DocumentGraph.EvidenceItem(Ids.evidence(legacyId, claim, 10, 60), claim,
                Predicate.CAUSES, "MESH:D000638", "MESH:D011658", sentence, 10, 10 + sentence.length(), false, false,
                EvidenceMethod.SENTENCE_PATTERN, 0.6, null, List.of());
        DocumentGraph.CaseRecord legacyCase = new DocumentGraph.CaseRecord(Ids.patientCase(legacyId, "1"), "70-year-old man",
                70, null, null, null, List.of(), null, null, null, null, null, List.of(), List.of(), List.of(),
                "A 70-year-old man.", List.of(), null);
        new GraphWriter(store).write(List.of(new DocumentGraph(info,
                List.of(new DocumentGraph.Entity("MESH:D000638", EntityKind.DRUG, "amiodarone", List.of(), null, List.of()),
                        new DocumentGraph.Entity("MESH:D011658", EntityKind.CONDITION, "pulmonary fibrosis", List.of(), null,
                                List.of())),
                List.of(ev), List.of(legacyCase), List.of(), List.of())));
        assertEquals(1, count(store, "MATCH (:Drug {id: 'MESH:D000638'})-[r:CAUSES]->() RETURN count(r)"));

        new Ingestor(store).ingest(List.of(file));
        assertEquals(1, count(store, "MATCH (d:Document) RETURN count(d)"), "one document for one file");
        assertFalse(values(store, "MATCH (d:Document) RETURN d.id").contains(legacyId));
        assertEquals(0, count(store, "MATCH (c:Case {age: 70}) RETURN count(c)"), "the legacy case is gone");
        assertEquals(0, count(store, "MATCH (e:Evidence {documentId: '" + legacyId + "'}) RETURN count(e)"));
        assertEquals(0, count(store, "MATCH (:Drug {id: 'MESH:D000638'})-[r:CAUSES]->() RETURN count(r)"),
                "the claim only the legacy document supported is gone");
    }

    @Test
    void shouldKeyRecordsOfOneFileWithoutIdentifiersApart() {
        String a = Ids.document(null, null, null, "/data/corpus.xml");
        String b = Ids.document(null, null, null, "/data/./corpus.xml#2");
        assertFalse(a.equals(b));
        assertEquals(b, Ids.document(null, null, null, "/data/corpus.xml#2"));
        assertEquals(Ids.document(null, null, null, "HTTPS://Example.org:443/a/b?x=1#frag"),
                Ids.document(null, null, null, "https://example.org/a/b?x=1"));
        assertEquals("doc:PMID:42", Ids.document("42", null, null, "/data/corpus.xml"));
    }
}
