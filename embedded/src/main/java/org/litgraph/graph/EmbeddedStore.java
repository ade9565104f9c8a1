package org.litgraph.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j started in this process on a directory, with Bolt on loopback; reached through the
 * driver like any server. Bolt requires authentication: user {@code neo4j} with a password that
 * is set at every start (the configured one, or a fresh random one), written before the very first
 * start of a new store so that no default password is ever live. Bolt over WebSocket is refused
 * unless the page's origin is configured ({@link StoreConfig#websocketOrigins()}). Transaction memory
 * is capped below the heap, so one query fails rather than exhausting it.
 * Settings follow what was measured on a 2-core machine: no preallocated 256 MiB transaction logs,
 * short Bolt shutdown waits (10 s otherwise), an explicit page cache.
 */
final class EmbeddedStore implements Store {
    private final StoreConfig config;
    private final DatabaseManagementService dbms;
    private final Driver driver;
    private final String uri;

    private EmbeddedStore(StoreConfig config, DatabaseManagementService dbms, Driver driver, String uri) {
        this.config = config;
        this.dbms = dbms;
        this.driver = driver;
        this.uri = uri;
    }

    static EmbeddedStore open(StoreConfig config) {
        Path dir = config.directory();
        String password = config.password() != null ? config.password() : newPassword();
        boolean fresh = !Files.isDirectory(dir.resolve("data").resolve("databases").resolve("system"));
        DatabaseManagementService dbms;
        try {
            Files.createDirectories(dir);
            if (fresh) {
                InitialPassword.write(dir.resolve("data").resolve("dbms"), password);
            }
            dbms = new DatabaseManagementServiceBuilder(dir)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(config.boltHost(), config.boltPort()))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCacheBytes())
                    .setConfig(GraphDatabaseSettings.transaction_timeout, config.transactionTimeout())
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                            Runtime.getRuntime().maxMemory() / 10 * 6)
                    .build();
        } catch (Exception e) {
            throw new StoreException("cannot open the embedded store at " + dir + ": " + rootMessage(e)
                    + " (is another litgraph process using it?)", e);
        }
        Driver driver = null;
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            WebSocketGuard.install(db.getDependencyResolver(), config.websocketOrigins());
            if (!fresh) {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        CypherLibrary.query("admin/set-password"), Map.of("password", password));
            }
            HostnamePort bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            String uri = "bolt://" + bolt.getHost() + ":" + bolt.getPort();
            driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password), Config.builder()
                    .withLogging(Logging.none())
                    .withConnectionTimeout(30, TimeUnit.SECONDS)
                    .build());
            Drivers.verify(driver);
            EmbeddedStore store = new EmbeddedStore(config, dbms, driver, uri);
            Schema.apply(driver, null);
            return store;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.close();
            }
            dbms.shutdown();
            throw e instanceof StoreException ? e : new StoreException("embedded store at " + dir
                    + " started but could not be reached over Bolt: " + rootMessage(e), e);
        }
    }

    /** 32 random URL-safe characters. */
    static String newPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String rootMessage(Throwable e) {
        return Drivers.rootMessage(e);
    }

    @Override
    public Driver driver() {
        return driver;
    }

    @Override
    public String database() {
        return null;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String describe() {
        return "embedded store at " + config.directory();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            dbms.shutdown();
        }
    }
}
