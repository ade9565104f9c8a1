package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.answer.EvidenceQuestion;

/**
 * The seeds and the bundled example corpus retell the same patients (the vendor note's three
 * imatinib cases are restated in the example corpus): each patient is counted once.
 */
class SeedsAndExamplesPatientsTest {
    private static Store store;

    @BeforeAll
    static void ingest() {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(shared.resolve("seeds"), TestNeo4j.root().resolve("examples/corpus")));
    }

    @Test
    void shouldListEachImatinibLungPatientOnceWithTheTellingsMerged() {
        EvidenceQuestion.Answer a = new EvidenceQuestion(store).ask("imatinib", "interstitial lung disease");
        List<String> people = a.cases().stream().map(c -> c.age() + " " + c.sex()).sorted().toList();
        // the three patients the vendor note and the example note both tell, once each (the MCTD patient, whose
        // fibrosis was there before imatinib, is listed only when her reading presents her with a lung condition)
        assertEquals(people.stream().distinct().toList(), people, a.cases()::toString);
        assertTrue(people.containsAll(List.of("49 male", "53 male", "73 female")), a.cases()::toString);
        for (EvidenceQuestion.CaseItem c : a.cases()) {
            if (c.age() != 64) {
                assertEquals(2, c.tellings(), c::toString);
                assertEquals(1, c.alsoReportedIn().size(), c::toString);
            }
        }
    }

    @Test
    void shouldCountImatinibPatientsOnceInTheDrugPatientsQuery() {
        List<Map<String, Object>> rows = new CypherRunner(store).named("drug-patients", Map.of("drug", "Gleevec")).rows();
        long tellings = rows.stream().mapToLong(r -> ((Number) r.get("tellings")).longValue()).sum();
        assertTrue(tellings > rows.size(), "some patients are told twice: " + rows);
        assertEquals(rows.size(), rows.stream().map(r -> r.get("patient")).distinct().count());
        assertEquals(6, rows.size(), rows::toString);
    }
}
