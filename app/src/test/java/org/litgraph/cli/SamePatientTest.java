package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;

/**
 * The same patient told in several documents is one patient: a case report, a brief report that
 * retells it without the dose, a review that cites the report (age stated one year apart) and a case
 * series that repeats it are linked; a different patient with the same drug, sex and reaction but
 * another age and dose is not. The project's own example documents (test resources).
 */
class SamePatientTest {
    private static final Path PATIENTS = TestNeo4j.root().resolve("app/src/test/resources/org/litgraph/cli/patients");
    private Store store;

    @BeforeEach
    void emptyStore() {
        store = TestNeo4j.emptyStore();
    }

    private List<Map<String, Object>> patients() {
        return new CypherRunner(store).named("drug-patients", Map.of("drug", "dasatinib")).rows();
    }

    private static Map<String, Object> patient(List<Map<String, Object>> rows, long age, String sex) {
        List<Map<String, Object>> hits = rows.stream()
                .filter(r -> r.get("age") != null && ((Number) r.get("age")).longValue() == age && sex.equals(r.get("sex")))
                .toList();
        assertEquals(1, hits.size(), () -> "one " + age + " " + sex + " patient in " + rows);
        return hits.get(0);
    }

    @Test
    void shouldCountThePatientToldInFourDocumentsOnce() {
        new Ingestor(store).ingest(List.of(PATIENTS));
        List<Map<String, Object>> rows = patients();
        Map<String, Object> woman = rows.stream().filter(r -> ((Number) r.get("tellings")).longValue() == 4).findFirst()
                .orElseThrow(() -> new AssertionError("no patient with four tellings: " + rows));
        assertEquals("female", woman.get("sex"));
        assertTrue(List.of(58L, 59L).contains(((Number) woman.get("age")).longValue()), woman::toString);
        assertEquals("100 mg", String.valueOf(woman.get("dose")).replaceAll("\\s*(?:daily|/day)$", ""), woman::toString);
        assertEquals(4, ((List<?>) woman.get("documents")).size());
        // the 60-year-old woman on 140 mg is another patient; so are the series' two men
        Map<String, Object> other = patient(rows, 60, "female");
        assertEquals(1L, ((Number) other.get("tellings")).longValue());
        patient(rows, 45, "male");
        patient(rows, 72, "male");
        assertEquals(4, rows.size(), rows::toString);
    }

    @Test
    void shouldRecordWhichFieldsDecidedEachLinkAndTheScore() {
        new Ingestor(store).ingest(List.of(PATIENTS));
        QueryResult links = new CypherRunner(store).run(
                "MATCH (a:Case)-[s:SAME_PATIENT_AS]->(b:Case) RETURN a.id < b.id AS ordered, s.score AS score, s.basis AS basis",
                Map.of());
        assertTrue(links.rows().size() >= 3, links.rows()::toString);
        for (Map<String, Object> l : links.rows()) {
            assertEquals(true, l.get("ordered"));
            assertTrue(((Number) l.get("score")).doubleValue() >= 4.0, l::toString);
            assertTrue(((List<?>) l.get("basis")).containsAll(List.of("drug", "sex")), l::toString);
        }
        assertTrue(links.rows().stream().anyMatch(l -> ((List<?>) l.get("basis")).contains("citation")),
                "the review's case cites the case report");
    }

    @Test
    void shouldGiveTheSameLinksWhateverTheIngestOrderAndNotDuplicateThemOnReingest(@TempDir Path tmp) throws Exception {
        // one document at a time, in reverse order
        List<Path> files;
        try (var s = Files.list(PATIENTS)) {
            files = new ArrayList<>(s.sorted().toList());
        }
        java.util.Collections.reverse(files);
        for (Path f : files) {
            new Ingestor(store).ingest(List.of(f));
        }
        String reverse = summary();
        new Ingestor(store).ingest(List.of(PATIENTS));
        assertEquals(reverse, summary(), "re-ingest changes nothing");
        TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(PATIENTS));
        assertEquals(reverse, summary(), "order does not matter");
    }

    @Test
    void shouldUnlinkATellingWhenItsDocumentChanges(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("docs"));
        for (String f : List.of("a-case-report.txt", "b-meeting-abstract.txt")) {
            Files.copy(PATIENTS.resolve(f), dir.resolve(f));
        }
        new Ingestor(store).ingest(List.of(dir));
        assertEquals(2L, ((Number) patient(patients(), 58, "female").get("tellings")).longValue());
        // the brief report is corrected: its patient is a man
        Path b = dir.resolve("b-meeting-abstract.txt");
        Files.writeString(b, Files.readString(b).replace("58-year-old female patient", "58-year-old male patient"));
        new Ingestor(store).ingest(List.of(dir));
        List<Map<String, Object>> rows = patients();
        assertEquals(1L, ((Number) patient(rows, 58, "female").get("tellings")).longValue(), rows::toString);
        assertEquals(1L, ((Number) patient(rows, 58, "male").get("tellings")).longValue(), rows::toString);
    }

    private String summary() {
        return new CypherRunner(store).run("MATCH (a:Case)-[s:SAME_PATIENT_AS]->(b:Case) "
                        + "RETURN a.age + a.sex + ' ~ ' + b.age + b.sex + ' ' + toString(s.score) AS link ORDER BY link", Map.of())
                .rows().stream().map(r -> String.valueOf(r.get("link"))).collect(Collectors.joining("; "))
                + " | " + new CypherRunner(store).run("MATCH (k:Case) RETURN count(DISTINCT k.patientId) AS p, count(k) AS c",
                Map.of()).rows();
    }
}
