package org.litgraph.cli;

import java.nio.file.Path;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;

/**
 * A stand-in Neo4j server for tests, run in its own JVM: an embedded store with Bolt on a free
 * loopback port. Prints {@code BOLT <uri>} when ready and stops when its standard input closes.
 */
public final class ExternalNeo4jServer {
    /** The Bolt password of user neo4j (Bolt of an embedded store always requires authentication). */
    static final String PASSWORD = "test-password-1";

    private ExternalNeo4jServer() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.embedded(StoreConfig.builder().directory(Path.of(args[0])).boltPort(0)
                .password(PASSWORD).pageCacheBytes(64L * 1024 * 1024).build())) {
            System.out.println("BOLT " + store.uri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
        System.out.println("STOPPED");
    }
}
