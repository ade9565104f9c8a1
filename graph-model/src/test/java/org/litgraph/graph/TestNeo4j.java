package org.litgraph.graph;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One Neo4j Harness instance per test JVM (it takes seconds to start), reached through the driver
 * exactly like an external server. Tests call {@link #emptyStore()} for a clean graph.
 */
public final class TestNeo4j {
    private static Neo4j neo4j;
    private static Store store;

    private TestNeo4j() {
    }

    public static synchronized Store store() {
        if (store == null) {
            neo4j = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                    .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                    .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .withConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                    .build();
            store = Store.remote(neo4j.boltURI().toString(), null, null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.close();
                neo4j.close();
            }, "litgraph-test-neo4j-shutdown"));
        }
        return store;
    }

    /** The shared store, emptied of all data (constraints and indexes stay). */
    public static Store emptyStore() {
        Store s = store();
        try (Session session = s.session(AccessMode.WRITE)) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
        return s;
    }

    /** The repository root (for example files), from the build's system property. */
    public static Path root() {
        return Path.of(System.getProperty("litgraph.root", ".")).toAbsolutePath().normalize();
    }

    /** ../shared beside the repository, or null when it is not there. */
    public static Path shared() {
        Path p = Path.of(System.getProperty("litgraph.shared", "../shared")).toAbsolutePath().normalize();
        return java.nio.file.Files.isDirectory(p) ? p : null;
    }
}
