package org.litgraph.cli;

import java.nio.file.Path;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import picocli.CommandLine.Option;

/** Where the graph is: an embedded store directory (default) or a Neo4j server/cluster URI. */
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
        return Store.embedded(StoreConfig.builder().directory(store).build());
    }

    String describe() {
        return uri != null ? uri : store.toAbsolutePath().normalize().toString();
    }
}
