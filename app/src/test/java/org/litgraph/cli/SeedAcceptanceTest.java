package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.CheckFile;
import org.litgraph.query.CypherRunner;

/** The seed documents of ../shared become a graph that passes every check of seed-acceptance.cypher. */
class SeedAcceptanceTest {
    private static Store store;
    private static Path seeds;
    private static IngestReport first;

    @BeforeAll
    static void ingestSeeds() {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        seeds = shared.resolve("seeds");
        store = TestNeo4j.emptyStore();
        first = new Ingestor(store).ingest(List.of(seeds));
    }

    @Test
    void shouldIngestAllFourSeedsWithoutSkipping() {
        assertEquals(4, first.documents());
        assertEquals(4, first.documentsWritten());
        assertTrue(first.skipped().isEmpty(), () -> "skipped: " + first.skipped());
    }

    @TestFactory
    Stream<DynamicTest> shouldPassEverySeedAcceptanceCheck() throws Exception {
        List<CheckFile.Check> checks = CheckFile.parse(Files.readString(seeds.resolveSibling("spec/seed-acceptance.cypher")));
        assertEquals(18, checks.size(), "the spec file holds 18 checks");
        CypherRunner runner = new CypherRunner(store);
        return checks.stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.description(), () -> {
            CheckFile.Outcome o = CheckFile.run(runner, List.of(c)).get(0);
            assertTrue(o.ok(), () -> c.id() + " failed" + (o.error() == null ? "" : ": " + o.error()));
        }));
    }

    @Test
    void shouldLeaveNodeAndRelationshipCountsUnchangedWhenSeedsAreIngestedAgain() {
        CypherRunner runner = new CypherRunner(store);
        Map<String, Object> before = runner.named("graph-totals", Map.of()).rows().get(0);
        IngestReport again = new Ingestor(store).ingest(List.of(seeds));
        Map<String, Object> after = runner.named("graph-totals", Map.of()).rows().get(0);
        assertEquals(before, after);
        assertEquals(4, again.documentsUnchanged());
        assertEquals(0, again.changes().nodesCreated() + again.changes().relationshipsCreated()
                + again.changes().nodesDeleted() + again.changes().relationshipsDeleted());
    }
}
