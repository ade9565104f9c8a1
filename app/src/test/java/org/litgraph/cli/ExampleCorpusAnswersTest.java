package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.answer.CaseSearch;
import org.litgraph.query.answer.Mechanism;

/** Questions and search over the project's own example corpus (always present). */
class ExampleCorpusAnswersTest {
    private static Store store;

    @BeforeAll
    static void ingest() {
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
    }

    @Test
    void shouldRankTheStatedAmiodaronePathFirstWithEvidenceOnEveryHop() {
        Mechanism.Answer a = new Mechanism(store).ask("amiodarone", "phospholipidosis");
        assertFalse(a.paths().isEmpty());
        Mechanism.Path best = a.paths().get(0);
        assertEquals("exact", best.relation());
        assertTrue(best.gaps().isEmpty(), best.gaps()::toString);
        assertEquals(List.of("INHIBITS", "REGULATES", "LEADS_TO"), best.hops().stream().map(Mechanism.Hop::type).toList());
        assertTrue(best.hops().stream().allMatch(h -> !h.evidence().isEmpty()));
        double product = best.hops().stream().mapToDouble(Mechanism.Hop::confidence).reduce(1, (x, y) -> x * y);
        assertEquals(product, best.confidence(), 1e-3);
    }

    @Test
    void shouldExpandABrandNameInSearchAndMarkTheMatches() throws Exception {
        CaseSearch.Answer a = new CaseSearch(store).search("Gleevec", 20, true);
        assertTrue(a.luceneQuery().contains("imatinib"), a::luceneQuery);
        assertFalse(a.hits().isEmpty());
        assertTrue(a.hits().stream().allMatch(h -> h.snippet().contains("[[") && h.snippet().contains("]]")), a.hits()::toString);
        JsonNode json = new ObjectMapper().readTree(SeedAnswersTest.cli("search", "--uri", store.uri(), "--user", "",
                "--format", "json", "--facets", "Gleevec"));
        assertEquals(a.total(), json.get("total").asInt());
        assertEquals(8, json.get("facets").size());
    }
}
