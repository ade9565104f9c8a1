package org.litgraph.graph;

import java.nio.file.Path;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Where the graph lives. Every read and write goes through the Neo4j Java Driver, whether the
 * database is embedded in this process ({@link #embedded}) or a server or cluster ({@link #remote}).
 */
public interface Store extends AutoCloseable {

    /** Opens (creating when absent) an embedded Neo4j in {@code directory}, with Bolt on 127.0.0.1. */
    static Store embedded(Path directory) {
        return embedded(StoreConfig.builder().directory(directory).build());
    }

    /** Needs the {@code litgraph-embedded} module on the class path (see {@link EmbeddedStoreFactory}). */
    static Store embedded(StoreConfig config) {
        return EmbeddedStores.factory().open(config);
    }

    /** Connects to a Neo4j server or cluster, e.g. {@code neo4j://host:7687}. */
    static Store remote(String uri, String user, String password) {
        return RemoteStore.connect(uri, user, password, null, true);
    }

    /** As {@link #remote(String, String, String)}, on a named database. */
    static Store remote(String uri, String user, String password, String database) {
        return RemoteStore.connect(uri, user, password, database, true);
    }

    /**
     * Connects to a running litgraph service's Bolt with the credentials of its discovery file
     * (schema not applied: the service that owns the store already applied it).
     */
    static Store attach(String uri, String user, String password) {
        return RemoteStore.connect(uri, user, password, null, false);
    }

    Driver driver();

    /** The database sessions use; null means the server's default. */
    String database();

    /** The Bolt URI the driver uses (for embedded stores, a loopback address). */
    String uri();

    /** A human description, e.g. "embedded store at ./litgraph-data". */
    String describe();

    /** A session on this store's database in the given access mode. */
    default Session session(AccessMode mode) {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(mode);
        if (database() != null) {
            config.withDatabase(database());
        }
        return driver().session(config.build());
    }

    @Override
    void close();
}
