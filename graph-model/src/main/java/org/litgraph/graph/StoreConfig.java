package org.litgraph.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Immutable settings of an embedded store; build with {@link #builder()}. */
public final class StoreConfig {
    private final Path directory;
    private final String boltHost;
    private final int boltPort;
    private final long pageCacheBytes;
    private final Duration transactionTimeout;
    private final String password;
    private final java.util.List<String> websocketOrigins;

    private StoreConfig(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory").toAbsolutePath().normalize();
        this.boltHost = b.boltHost;
        this.boltPort = b.boltPort;
        this.pageCacheBytes = b.pageCacheBytes;
        this.transactionTimeout = b.transactionTimeout;
        this.password = b.password;
        this.websocketOrigins = java.util.List.copyOf(b.websocketOrigins);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path directory() {
        return directory;
    }

    public String boltHost() {
        return boltHost;
    }

    /** 0 means any free port. */
    public int boltPort() {
        return boltPort;
    }

    public long pageCacheBytes() {
        return pageCacheBytes;
    }

    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    /** The password of the store's user {@code neo4j} over Bolt; null means a fresh random one per start. */
    public String password() {
        return password;
    }

    /**
     * Web origins whose pages may speak Bolt over WebSocket to the store (e.g. a Neo4j Browser);
     * empty (the default) refuses every WebSocket upgrade on the Bolt port.
     */
    public java.util.List<String> websocketOrigins() {
        return websocketOrigins;
    }

    public static final class Builder {
        private Path directory = Path.of("litgraph-data");
        private String boltHost = "127.0.0.1";
        private int boltPort = 0;
        private long pageCacheBytes = 256L * 1024 * 1024;
        private Duration transactionTimeout = Duration.ZERO;
        private String password;
        private java.util.List<String> websocketOrigins = java.util.List.of();

        private Builder() {
        }

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder boltHost(String host) {
            this.boltHost = host;
            return this;
        }

        public Builder boltPort(int port) {
            this.boltPort = port;
            return this;
        }

        public Builder pageCacheBytes(long bytes) {
            this.pageCacheBytes = bytes;
            return this;
        }

        /** Database-wide transaction timeout; zero means none. */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = timeout;
            return this;
        }

        /** The Bolt password of user neo4j (at least 8 characters); by default a fresh random one. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder websocketOrigins(java.util.List<String> origins) {
            this.websocketOrigins = origins == null ? java.util.List.of() : origins;
            return this;
        }

        public StoreConfig build() {
            return new StoreConfig(this);
        }
    }
}
