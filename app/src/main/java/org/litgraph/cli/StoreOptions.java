package org.litgraph.cli;

import java.nio.file.Path;
import org.litgraph.client.ServiceFiles;
import org.litgraph.client.ServiceInfo;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import picocli.CommandLine.Option;

/**
 * Where the graph is: an embedded store directory (default) or a Neo4j server/cluster URI. Inside
 * the litgraph service of the directory, commands use the store it keeps open. Run locally
 * ({@code --no-service}) while a service owns the directory, they reach the store through the
 * service's Bolt with the credentials of its owner-only discovery file (Neo4j would refuse to open
 * the locked store); otherwise they open it embedded.
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

    @Option(names = "--no-service", description = "run in this process instead of the litgraph service of the store "
            + "(slower start; for scripts)")
    boolean noService;

    Store open() {
        if (uri != null) {
            String pw = password != null ? password : System.getenv("NEO4J_PASSWORD");
            return Store.remote(uri, user, pw, database);
        }
        Path dir = directory();
        ServiceHost host = ServiceHost.current();
        if (host != null) {
            if (host.directory().equals(dir)) {
                return host.store();
            }
            throw new IllegalArgumentException("this litgraph service serves " + host.directory() + ", not " + dir);
        }
        ServiceInfo served = ServiceFiles.read(dir);
        if (served != null && served.boltUri() != null
                && ProcessHandle.of(served.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            System.err.println("litgraph: using the store through the running litgraph service (pid " + served.pid() + ")");
            // a client-only process: keep Netty off SLF4J, whose Neo4j provider starts Log4j2 (~1 s of start-up)
            io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                    io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
            return Store.attach(served.boltUri(), served.boltUser(), served.boltPassword());
        }
        return Store.embedded(StoreConfig.builder().directory(dir).build());
    }

    /**
     * Whether the embedded store is open in a litgraph service: this process's, or another running
     * one (then commands reach it over Bolt).
     */
    boolean served() {
        if (uri != null) {
            return false;
        }
        if (ServiceHost.current() != null) {
            return true;
        }
        ServiceInfo served = ServiceFiles.read(directory());
        return served != null && served.boltUri() != null
                && ProcessHandle.of(served.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The store directory, absolute (relative to the client's working directory). */
    Path directory() {
        return Invocation.resolve(store);
    }

    String describe() {
        return uri != null ? uri : directory().toString();
    }
}
