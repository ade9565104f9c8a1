package org.litgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.litgraph.client.Client;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "service", mixinStandardHelpOptions = true,
        description = {"The litgraph service of a store: a background process that keeps the store open so that",
                "commands answer in well under a second. The first command that needs the store starts it;",
                "it stops after an idle timeout. 'serve' turns its web page on."},
        subcommands = {ServiceCommand.Start.class, ServiceCommand.Stop.class, ServiceCommand.Status.class,
                ServiceCommand.Run.class})
final class ServiceCommand {

    /** Options shared by start and run. */
    static final class ServiceOptions {
        @Option(names = "--idle-timeout", paramLabel = "DURATION", description = "stop after this long without a "
                + "command, e.g. 30m, 2h, 0 = never (default: env LITGRAPH_SERVICE_IDLE or 30m)")
        String idleTimeout;

        @Option(names = "--bolt-port", description = "Bolt port on 127.0.0.1, 0 = any free (default: ${DEFAULT-VALUE})",
                defaultValue = "0")
        int boltPort;

        @Option(names = "--bolt-websocket-origin", paramLabel = "ORIGIN", description = "a web origin allowed to speak "
                + "Bolt over WebSocket (e.g. a Neo4j Browser's); repeatable; none by default")
        List<String> origins = new ArrayList<>();

        Duration idle() {
            String v = idleTimeout != null ? idleTimeout : System.getenv("LITGRAPH_SERVICE_IDLE");
            return v == null || v.isBlank() ? Duration.ofMinutes(30) : duration(v);
        }

        static Duration duration(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("0")) {
                return null;
            }
            try {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new NumberFormatException();
                };
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("--idle-timeout takes a duration such as 90s, 30m or 2h (or 0), not '"
                        + text + "'");
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts the service of --store unless it runs (needs the ./litgraph launcher).")
    static final class Start implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "DIR", defaultValue = "litgraph-data",
                description = "the store (default: ${DEFAULT-VALUE})")
        Path store;

        @picocli.CommandLine.Mixin
        ServiceOptions options;

        @Override
        public Integer call() {
            Client.Launch launch = launch();
            List<String> args = new ArrayList<>(List.of("service", "start", "--store", Invocation.resolve(store).toString(),
                    "--bolt-port", String.valueOf(options.boltPort)));
            if (options.idleTimeout != null) {
                args.addAll(List.of("--idle-timeout", options.idleTimeout));
            }
            options.origins.forEach(o -> args.addAll(List.of("--bolt-websocket-origin", o)));
            return Client.run(args.toArray(String[]::new), launch);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the service of --store.")
    static final class Stop implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "DIR", defaultValue = "litgraph-data",
                description = "the store (default: ${DEFAULT-VALUE})")
        Path store;

        @Override
        public Integer call() {
            return Client.stop(Invocation.resolve(store), System.out, System.err);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Says whether the service of --store runs, and its pid, Bolt address, web page and log; "
                    + "exit status 3 when none runs.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "DIR", defaultValue = "litgraph-data",
                description = "the store (default: ${DEFAULT-VALUE})")
        Path store;

        @Override
        public Integer call() {
            return Client.run(new String[] {"service", "status", "--store", Invocation.resolve(store).toString()}, launch());
        }
    }

    @Command(name = "run", hidden = true, description = "Runs the service of --store in this process (what start starts).")
    static final class Run implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "DIR", defaultValue = "litgraph-data")
        Path store;

        @picocli.CommandLine.Mixin
        ServiceOptions options;

        @Override
        public Integer call() throws Exception {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> { }); // Ctrl-C is for clients
            } catch (IllegalArgumentException ignored) {
                // no SIGINT here
            }
            ServiceHost host = ServiceHost.start(Invocation.resolve(store),
                    new ServiceHost.Options(options.boltPort, options.origins, options.idle()));
            host.await();
            return 0;
        }
    }

    static Client.Launch launch() {
        Client.Launch launch = Client.Launch.fromEnvironment();
        if (launch == null) {
            throw new IllegalArgumentException("starting a service needs the ./litgraph launcher (system property "
                    + "litgraph.home)");
        }
        return launch;
    }
}
