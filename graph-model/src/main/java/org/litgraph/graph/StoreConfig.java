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

    private StoreConfig(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory").toAbsolutePath().normalize();
        this.boltHost = b.boltHost;
        this.boltPort = b.boltPort;
        this.pageCacheBytes = b.pageCacheBytes;
        this.transactionTimeout = b.transactionTimeout;
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

    public static final class Builder {
        private Path directory = Path.of("litgraph-data");
        private String boltHost = "127.0.0.1";
        private int boltPort = 0;
        private long pageCacheBytes = 256L * 1024 * 1024;
        private Duration transactionTimeout = Duration.ZERO;

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

        public StoreConfig build() {
            return new StoreConfig(this);
        }
    }
}
