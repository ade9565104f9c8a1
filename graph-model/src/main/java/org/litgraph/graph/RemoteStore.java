package org.litgraph.graph;

import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/** A Neo4j server, cluster or Aura instance reached by URI. */
final class RemoteStore implements Store {
    private final Driver driver;
    private final String uri;
    private final String database;

    private RemoteStore(Driver driver, String uri, String database) {
        this.driver = driver;
        this.uri = uri;
        this.database = database;
    }

    static RemoteStore connect(String uri, String user, String password, String database, boolean applySchema) {
        AuthToken auth = user == null || user.isBlank() ? AuthTokens.none() : AuthTokens.basic(user, password);
        Driver driver = GraphDatabase.driver(uri, auth, Config.builder()
                .withLogging(Logging.none())
                .withConnectionTimeout(30, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(60, TimeUnit.SECONDS)
                .build());
        try {
            Drivers.verify(driver);
            if (applySchema) {
                Schema.apply(driver, database);
            }
        } catch (RuntimeException e) {
            driver.close();
            throw new StoreException("cannot use Neo4j at " + uri + ": " + (e instanceof StoreException
                    ? e.getMessage() : Drivers.rootMessage(e)), e);
        }
        return new RemoteStore(driver, uri, database);
    }

    @Override
    public Driver driver() {
        return driver;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String describe() {
        return "Neo4j at " + uri + (database == null ? "" : " (database " + database + ")");
    }

    @Override
    public void close() {
        driver.close();
    }
}
