package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.TestNeo4j;

/** litgraph pointed with --uri at a Neo4j running in another process, as at a server or cluster. */
class ExternalNeo4jTest {

    @Test
    void shouldIngestAndAnswerAgainstANeo4jInAnotherProcess(@TempDir Path dir) throws Exception {
        try (ChildJvm server = ChildJvm.start(ExternalNeo4jServer.class, dir.resolve("server-store").toString())) {
            String uri = server.await("BOLT ", 240);
            assertTrue(uri.startsWith("bolt://127.0.0.1:"), uri);
            Path corpus = TestNeo4j.root().resolve("examples/corpus");

            CliCypherTest.Run ingest = CliCypherTest.cli("ingest", "--uri", uri, "--password", ExternalNeo4jServer.PASSWORD, "--database", "neo4j",
                    "--quiet", corpus.toString());
            assertEquals(0, ingest.status(), ingest.out());
            assertTrue(ingest.out().contains("documents: 5 read, 5 written"), ingest.out());
            assertTrue(ingest.out().contains("Neo4j at " + uri), ingest.out());

            CliCypherTest.Run again = CliCypherTest.cli("ingest", "--uri", uri, "--password", ExternalNeo4jServer.PASSWORD, "--quiet", corpus.toString());
            assertTrue(again.out().contains("0 written, 5 unchanged"), again.out());

            CliCypherTest.Run docs = CliCypherTest.cli("cypher", "--uri", uri, "--password", ExternalNeo4jServer.PASSWORD, "--format", "csv",
                    "MATCH (d:Document) RETURN count(d) AS documents");
            assertEquals(0, docs.status(), docs.out());
            assertEquals("documents\n5\n", docs.out());

            CliCypherTest.Run amiodarone = CliCypherTest.cli("cypher", "--uri", uri, "--password", ExternalNeo4jServer.PASSWORD, "--format", "csv",
                    "--param", "drug=amiodarone", ":drug-cases");
            assertEquals(0, amiodarone.status(), amiodarone.out());
            assertTrue(amiodarone.out().lines().count() >= 2, amiodarone.out());
        }
    }

    @Test
    void shouldFailClearlyWhenNoNeo4jListensAtTheUri() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliCypherTest.Run r = CliCypherTest.cli("cypher", "--uri", "bolt://127.0.0.1:" + port, "--user", "",
                "RETURN 1 AS one");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().startsWith("litgraph: ") && r.out().contains("127.0.0.1:" + port), r.out());
    }
}
