package org.litgraph.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Turns on the web page of the litgraph service of --store: an HTTP JSON API and a page",
                "(search, evidence, mechanism diagram, evidence map, read-only Cypher), until Ctrl-C.",
                "The service also serves Bolt on 127.0.0.1 (user neo4j; 'litgraph service status' says where the",
                "password is). With --uri it serves a Neo4j server's graph from this process instead."})
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

    @Option(names = "--bolt-port", description = "Bolt port of a service this command starts in-process "
            + "(--no-service), on 127.0.0.1 only, 0 = any free (default: ${DEFAULT-VALUE})", defaultValue = "0")
    int boltPort;

    @Option(names = "--bolt-websocket-origin", paramLabel = "ORIGIN", description = "with --no-service: a web origin "
            + "allowed to speak Bolt over WebSocket (e.g. a Neo4j Browser's); repeatable; none by default")
    List<String> origins = new ArrayList<>();

    @Option(names = "--timeout", description = "seconds before a POST /api/cypher query is stopped (default: ${DEFAULT-VALUE})",
            defaultValue = "30")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String tok = token == null && !ApiServer.isLoopback(host) ? ApiServer.newToken() : token;
        ApiServer.Settings settings = new ApiServer.Settings(host, port, tok, Duration.ofSeconds(timeoutSeconds));
        ServiceHost running = ServiceHost.current();
        if (storeOptions.uri == null && running == null) {
            // --no-service: this process becomes the store's service, in the foreground, with the page on
            ServiceHost own = ServiceHost.start(storeOptions.directory(), new ServiceHost.Options(boltPort, origins, null));
            ApiServer server = serve(own.store(), settings, own);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "litgraph-serve-web-shutdown"));
            System.out.println("  Ctrl-C stops it.");
            System.out.flush();
            own.await();
            return 0;
        }
        Store store = storeOptions.open();
        ApiServer server;
        try {
            server = serve(store, settings, running);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        System.out.println("  Ctrl-C turns it off.");
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE); // until the client cancels (Ctrl-C) or goes away
        } catch (InterruptedException e) {
            // turned off
        } finally {
            server.close();
            if (running != null) {
                running.web(null);
            }
            store.close();
        }
        System.out.println("litgraph serve: web page off");
        return 0;
    }

    private ApiServer serve(Store store, ApiServer.Settings settings, ServiceHost host) {
        ApiServer server = ApiServer.start(store, settings);
        if (host != null) {
            host.web(server.url());
        }
        String tok = settings.token();
        System.out.println("litgraph serve: " + store.describe());
        System.out.println("  web page and API: " + server.url() + (tok == null ? "" : "?token=" + tok));
        if (tok != null) {
            System.out.println("  token:            " + tok + "  (send 'Authorization: Bearer TOKEN')");
        }
        if (host != null) {
            System.out.println("  Bolt:             " + store.uri() + "  (loopback only; user neo4j, password in "
                    + org.litgraph.client.ServiceFiles.discovery(host.directory()) + ")");
        }
        return server;
    }
}
