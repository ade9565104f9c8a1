package org.litgraph.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.server.ApiServer;
import org.litgraph.server.Discovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the graph: an HTTP JSON API and a web page (search, evidence, mechanism diagram,",
                "evidence map, read-only Cypher), and on an embedded store also Bolt for Neo4j Browser and",
                "cypher-shell. Bolt always listens on 127.0.0.1 only: the embedded store has no authentication.",
                "While it runs, other litgraph commands on the same --store use it (fast answers)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--host", description = "HTTP address to listen on (default: ${DEFAULT-VALUE}); "
            + "anything but loopback requires a token", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "HTTP port, 0 = any free (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(names = "--token", description = "require 'Authorization: Bearer TOKEN' (or ?token=TOKEN); "
            + "generated and printed when --host is not loopback")
    String token;

    @Option(names = "--bolt-port", description = "Bolt port of the embedded store, on 127.0.0.1 only, 0 = any free "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "7687")
    int boltPort;

    @Option(names = "--timeout", description = "seconds before a POST /api/cypher query is stopped (default: ${DEFAULT-VALUE})",
            defaultValue = "30")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean embedded = storeOptions.uri == null;
        if (embedded) {
            Optional<Discovery.Info> running = Discovery.live(storeOptions.store);
            if (running.isPresent()) {
                throw new IllegalArgumentException("the store at " + storeOptions.describe() + " is already served by pid "
                        + running.get().pid() + " at " + running.get().httpUrl());
            }
        }
        String tok = token == null && !ApiServer.isLoopback(host) ? ApiServer.newToken() : token;
        Store store = embedded
                ? Store.embedded(StoreConfig.builder().directory(storeOptions.store).boltPort(boltPort).build())
                : storeOptions.open();
        ApiServer server;
        try {
            server = ApiServer.start(store, new ApiServer.Settings(host, port, tok, Duration.ofSeconds(timeoutSeconds)));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        long pid = ProcessHandle.current().pid();
        if (embedded) {
            Discovery.write(storeOptions.store, new Discovery.Info(pid, store.uri(), server.url()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (embedded) {
                Discovery.remove(storeOptions.store, pid);
            }
            try {
                server.close();
            } finally {
                store.close();
                stopped.countDown();
            }
        }, "litgraph-serve-shutdown"));
        System.out.println("litgraph serve: " + store.describe());
        System.out.println("  web page and API: " + server.url() + (tok == null ? "" : "?token=" + tok));
        if (tok != null) {
            System.out.println("  token:            " + tok + "  (send 'Authorization: Bearer TOKEN')");
        }
        if (embedded) {
            System.out.println("  Bolt:             " + store.uri() + "  (loopback only, no authentication; "
                    + "Neo4j Browser / cypher-shell on this machine)");
            System.out.println("  other litgraph commands with --store " + storeOptions.store + " now use this server");
        }
        System.out.println("  Ctrl-C stops it.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
