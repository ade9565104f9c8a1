package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.CypherRunner;
import org.litgraph.server.Discovery;

/** Store commands on a directory that a running serve owns use its Bolt; stale discovery files are ignored. */
class ServeDiscoveryTest {

    @Test
    void shouldAnswerThroughTheRunningServersBoltInsteadOfOpeningTheDirectory(@TempDir Path dir) throws Exception {
        Store served = TestNeo4j.emptyStore();
        new Ingestor(served).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
        Discovery.write(dir, new Discovery.Info(ProcessHandle.current().pid(), served.uri(), "http://127.0.0.1:1/"));

        StoreOptions options = new StoreOptions();
        options.store = dir;
        try (Store store = options.open()) {
            assertEquals(served.uri(), store.uri());
            assertEquals("imatinib", new CypherRunner(store).run("MATCH (d:Drug {name: 'imatinib'}) RETURN d.name AS n",
                    Map.of()).rows().get(0).get("n"));
        }
        String out = SeedAnswersTest.cli("ask", "profile", "Gleevec", "--store", dir.toString());
        assertTrue(out.startsWith("imatinib"), out);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(Discovery.FILE_NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "no embedded store may be created in a served directory");
        }
    }

    @Test
    void shouldIgnoreAndRemoveADiscoveryFileOfAProcessThatIsGone(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Discovery.write(dir, new Discovery.Info(gone.pid(), TestNeo4j.store().uri(), "http://127.0.0.1:1/"));
        assertTrue(Discovery.live(dir).isEmpty());
        assertFalse(Files.exists(Discovery.file(dir)));
    }

    @Test
    void shouldIgnoreAndRemoveADiscoveryFileWhoseBoltDoesNotAnswer(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Discovery.write(dir, new Discovery.Info(ProcessHandle.current().pid(), "bolt://127.0.0.1:" + closedPort, null));
        assertTrue(Discovery.live(dir).isEmpty());
        assertFalse(Files.exists(Discovery.file(dir)));
        Files.writeString(Discovery.file(dir), "{ not json");
        assertTrue(Discovery.live(dir).isEmpty());
        assertFalse(Files.exists(Discovery.file(dir)));
    }
}
