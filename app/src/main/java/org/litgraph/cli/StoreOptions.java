package org.litgraph.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.server.Discovery;
import picocli.CommandLine.Option;

/**
 * Where the graph is: an embedded store directory (default) or a Neo4j server/cluster URI. When a
 * {@code litgraph serve} owns the directory (its discovery file is there and it answers), commands
 * connect to its loopback Bolt instead of opening the locked store.
 */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "embedded store directory (default: ${DEFAULT-VALUE})",
            defaultValue = "litgraph-data")
    Path store;

    @Option(names = "--uri", paramLabel = "URI", description = "a Neo4j server or cluster instead, e.g. neo4j://host:7687")
    String uri;

    @Option(names = "--user", description = "user for --uri (default: ${DEFAULT-VALUE})", defaultValue = "neo4j")
    String user;

    @Option(names = "--password", description = "password for --uri (or env NEO4J_PASSWORD)")
    String password;

    @Option(names = "--database", description = "database for --uri (default: the server's default)")
    String database;

    Store open() {
        if (uri != null) {
            String pw = password != null ? password : System.getenv("NEO4J_PASSWORD");
            return Store.remote(uri, user, pw, database);
        }
        Optional<Discovery.Info> served = Discovery.live(store);
        if (served.isPresent()) {
            System.err.println("litgraph: using the running 'litgraph serve' (pid " + served.get().pid() + ") at "
                    + served.get().boltUri());
            // a client-only process: keep Netty off SLF4J, whose Neo4j provider starts Log4j2 (~1 s of start-up)
            io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                    io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
            return new Attached(Store.attach(served.get().boltUri()));
        }
        return Store.embedded(StoreConfig.builder().directory(store).build());
    }

    /** Whether a running {@code litgraph serve} owns the embedded store directory. */
    boolean served() {
        return uri == null && Discovery.live(store).isPresent();
    }

    String describe() {
        return uri != null ? uri : store.toAbsolutePath().normalize().toString();
    }

    /**
     * A store reached through a running serve's Bolt; closing does not wait for the driver's
     * graceful shutdown (~0.2 s of a one-second command): the connections close with the process.
     */
    private record Attached(Store store) implements Store {
        @Override
        public org.neo4j.driver.Driver driver() {
            return store.driver();
        }

        @Override
        public String database() {
            return store.database();
        }

        @Override
        public String uri() {
            return store.uri();
        }

        @Override
        public String describe() {
            return "litgraph serve at " + store.uri();
        }

        @Override
        public void close() {
            store.driver().closeAsync();
        }
    }
}
