package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;

/** Researchers' Cypher from the CLI cannot write, cannot read files or URLs, and is stopped at its time limit. */
class CypherLimitsTest {
    private static Store store;

    @BeforeAll
    static void ingest() {
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
    }

    private static CliCypherTest.Run cypher(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "cypher";
        all[1] = "--uri";
        all[2] = store.uri();
        all[3] = "--user";
        all[4] = "";
        System.arraycopy(args, 0, all, 5, args.length);
        return CliCypherTest.cli(all);
    }

    private static long drugs() {
        return Long.parseLong(cypher("--format", "csv", "MATCH (d:Drug) RETURN count(d) AS n").out().lines().skip(1)
                .findFirst().orElseThrow());
    }

    @Test
    void shouldRefuseWritesHiddenInSubqueriesProceduresAndForeach() {
        long before = drugs();
        for (String q : List.of(
                "CALL () { CREATE (:Drug {id: 'x', name: 'x'}) } RETURN 1 AS one",
                "MATCH (d:Drug) CALL (d) { SET d.name = 'x' } RETURN count(*) AS n",
                "MATCH (d:Drug) WITH collect(d) AS ds FOREACH (x IN ds | DETACH DELETE x) RETURN 1 AS one",
                "UNWIND range(1, 3) AS i CALL (i) { MERGE (:Drug {id: toString(i)}) } IN TRANSACTIONS RETURN i",
                "CALL db.createLabel('Injected')",
                "MATCH (d:Drug) REMOVE d:Drug RETURN count(d) AS n")) {
            CliCypherTest.Run r = cypher(q);
            assertEquals(4, r.status(), q + "\n" + r.out());
            assertTrue(r.out().contains("refused"), q + "\n" + r.out());
        }
        assertEquals(before, drugs());
    }

    @Test
    void shouldRefuseLoadCsvFromAFileOrAUrl(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("secret.csv");
        Files.writeString(csv, "name\nTOPSECRET\n");
        for (String q : List.of(
                "LOAD CSV WITH HEADERS FROM '" + csv.toUri() + "' AS row RETURN row.name AS name",
                "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
                "CALL () { LOAD CSV FROM '" + csv.toUri() + "' AS row RETURN row } RETURN count(*) AS n")) {
            CliCypherTest.Run r = cypher(q);
            assertEquals(4, r.status(), q + "\n" + r.out());
            assertTrue(r.out().contains("refused: LOAD CSV") && !r.out().contains("TOPSECRET"), q + "\n" + r.out());
        }
    }

    @Test
    void shouldStopALongQueryAtItsTimeoutWithAClearMessage() {
        long t0 = System.nanoTime();
        CliCypherTest.Run r = cypher("--timeout", "1",
                "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("stopped: the query ran longer than its 1 s time limit"), r.out());
        assertTrue(ms < 20_000, "took " + ms + " ms");
        CliCypherTest.Run quick = cypher("--timeout", "1", "--format", "csv", "RETURN 1 AS one");
        assertEquals("one\n1\n", quick.out());
    }
}
