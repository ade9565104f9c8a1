package org.litgraph.client;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The thin {@code litgraph} client, started first by the {@code ./litgraph} launcher on a class path
 * of its own (the JDK only). A command that needs the embedded store is forwarded to the litgraph
 * service of that store, which runs it in-process against the store it keeps open; the client
 * starts the service when none runs (like Gradle's daemon), or restarts it when it runs another
 * build. Everything else ({@code --no-service}, {@code --uri}, commands without a store, help)
 * exits with {@link #LOCAL} so that the launcher runs the full application instead.
 * {@code litgraph service start|stop|status} is handled here.
 */
public final class Client {
    /** Exit status telling the launcher to run the command line in the full application. */
    public static final int LOCAL = 200;
    /** Commands that use the store and run in its service. */
    static final Set<String> SERVICE_COMMANDS = Set.of("ingest", "cypher", "check", "ask", "search", "export", "demo",
            "serve");
    private static final int CONNECT_MILLIS = 3000;

    /** What to do with a command line. */
    public enum Route { LOCAL, SERVICE, START, STOP, STATUS }

    /** How to start a service: the command line before {@code --store DIR}, and the build it runs. */
    public record Launch(List<String> command, String build, Path cwd, PrintStream out, PrintStream err) {
        /** From the launcher's system property {@code litgraph.home}; null when it is not set. */
        public static Launch fromEnvironment() {
            String home = System.getProperty("litgraph.home");
            if (home == null) {
                return null;
            }
            Path jar = Path.of(home, "app", "target", "litgraph-app.jar");
            String build = Files.isRegularFile(jar) ? String.valueOf(jar.toFile().lastModified()) : "unknown";
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String heap = System.getenv("LITGRAPH_SERVICE_HEAP");
            cmd.addAll(List.of("-Xms256m", "-Xmx" + (heap == null || heap.isBlank() ? "1g" : heap.strip()),
                    "-XX:+UseParallelGC", "-Dio.netty.tryReflectionSetAccessible=true", "-Dlitgraph.home=" + home,
                    "-Dlitgraph.build=" + build));
            String opts = System.getenv("LITGRAPH_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                cmd.addAll(Arrays.asList(opts.strip().split("\\s+")));
            }
            cmd.addAll(List.of("-jar", jar.toString(), "service", "run"));
            return new Launch(cmd, build, Path.of("").toAbsolutePath(), System.out, System.err);
        }
    }

    private Client() {
    }

    public static void main(String[] args) {
        Launch launch = Launch.fromEnvironment();
        int status;
        if (launch == null || System.getenv("LITGRAPH_NO_SERVICE") != null && !System.getenv("LITGRAPH_NO_SERVICE").isBlank()) {
            status = route(args) == Route.SERVICE ? LOCAL : run(args, launch);
        } else {
            status = run(args, launch);
        }
        System.out.flush();
        System.exit(status);
    }

    /** Which way a command line goes. */
    public static Route route(String... args) {
        String command = null;
        int at = -1;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                command = args[i];
                at = i;
                break;
            }
        }
        if (command == null) {
            return Route.LOCAL;
        }
        List<String> rest = Arrays.asList(args).subList(at + 1, args.length);
        if (command.equals("service")) {
            String sub = rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
            if (rest.contains("-h") || rest.contains("--help")) {
                return Route.LOCAL;
            }
            return switch (sub) {
                case "start" -> Route.START;
                case "stop" -> Route.STOP;
                case "status" -> Route.STATUS;
                default -> Route.LOCAL;
            };
        }
        if (!SERVICE_COMMANDS.contains(command) || at > 0) {
            return Route.LOCAL;
        }
        for (String a : rest) {
            if (a.equals("--no-service") || a.equals("--uri") || a.startsWith("--uri=") || a.equals("-h")
                    || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return Route.LOCAL;
            }
        }
        return Route.SERVICE;
    }

    /** The store directory a command line names ({@code --store DIR}, default {@code litgraph-data}), absolute. */
    public static Path store(Path cwd, String... args) {
        String dir = "litgraph-data";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--store") && i + 1 < args.length) {
                dir = args[i + 1];
            } else if (args[i].startsWith("--store=")) {
                dir = args[i].substring("--store=".length());
            }
        }
        return cwd.resolve(dir).toAbsolutePath().normalize();
    }

    /** Runs a command line through the service (or says it is for the full application); returns the exit status. */
    public static int run(String[] args, Launch launch) {
        Route route = route(args);
        if (route == Route.LOCAL || launch == null) {
            return LOCAL;
        }
        Path store = store(launch.cwd(), args);
        try {
            switch (route) {
                case STATUS:
                    return status(store, launch);
                case STOP:
                    return stop(store, launch.out(), launch.err());
                case START: {
                    ServiceInfo info = ensure(store, launch, serviceOptions(args));
                    launch.out().println("litgraph service for " + store + ": pid " + info.pid() + ", Bolt " + info.boltUri()
                            + " (user " + info.boltUser() + ", password in " + ServiceFiles.discovery(store) + ")");
                    return 0;
                }
                default:
                    if (bulkIngest(store, args)) {
                        return LOCAL;
                    }
                    return forward(store, launch, args);
            }
        } catch (ServiceException e) {
            launch.err().println("litgraph: " + e.getMessage());
            return 1;
        }
    }

    /**
     * An {@code ingest} the full application runs itself, the store closed: a bulk first load through
     * the offline importer (a store without a database, or {@code --bulk}), or import files only.
     */
    static boolean bulkIngest(Path store, String[] args) {
        String command = Arrays.stream(args).filter(x -> !x.startsWith("-")).findFirst().orElse("");
        if (!command.equals("ingest") || Arrays.asList(args).contains("--transactional")) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--bulk") || arg.equals("--import-files") || arg.startsWith("--import-files=")
                    || arg.equals("--finish-import") || arg.startsWith("--finish-import=")) {
                return true;
            }
        }
        Path db = store.resolve("data").resolve("databases").resolve("neo4j");
        try (var files = Files.list(db)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return true; // no database yet
        }
    }

    /** {@code service start} options that go to the service's command line. */
    static List<String> serviceOptions(String[] args) {
        List<String> out = new ArrayList<>();
        List<String> a = Arrays.asList(args);
        int start = a.indexOf("start");
        for (int i = start + 1; i < args.length; i++) {
            if (args[i].equals("--store")) {
                i++;
            } else if (!args[i].startsWith("--store=")) {
                out.add(args[i]);
            }
        }
        return out;
    }

    /** A service failure a user can act on. */
    static final class ServiceException extends RuntimeException {
        ServiceException(String message) {
            super(message);
        }
    }

    private static int forward(Path store, Launch launch, String[] args) {
        ServiceInfo info = ensure(store, launch, List.of());
        Socket socket;
        try {
            socket = connect(info);
        } catch (IOException stale) {
            info = start(store, launch, List.of(), info); // it died since (a crash): start another
            try {
                socket = connect(info);
            } catch (IOException e) {
                throw new ServiceException("cannot reach the litgraph service of " + store + ": " + e.getMessage());
            }
        }
        try (Socket s = socket) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            hello(out, info, Wire.RUN);
            Wire.writeString(out, launch.cwd().toString());
            out.writeBoolean(System.console() != null);
            out.writeInt(args.length);
            for (String a : args) {
                Wire.writeString(out, a);
            }
            out.flush();
            Cancel.install(out, launch.err());
            return frames(new DataInputStream(s.getInputStream()), launch, store);
        } catch (IOException e) {
            launch.err().println("litgraph: lost the litgraph service of " + store + " (" + e.getMessage() + "); its log is "
                    + store.resolve(ServiceFiles.LOG));
            return 1;
        }
    }

    private static void hello(DataOutputStream out, ServiceInfo info, byte request) throws IOException {
        out.writeInt(Wire.MAGIC);
        Wire.writeString(out, info.token());
        out.writeByte(request);
    }

    private static Socket connect(ServiceInfo info) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), info.port()), CONNECT_MILLIS);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Copies output frames to this process's stdout and stderr until the exit frame; returns its status. */
    private static int frames(DataInputStream in, Launch launch, Path store) throws IOException {
        OutputStream stdout = launch.out() == System.out ? new FileOutputStream(FileDescriptor.out) : launch.out();
        OutputStream stderr = launch.err() == System.err ? new FileOutputStream(FileDescriptor.err) : launch.err();
        byte[] buf = new byte[1 << 16];
        while (true) {
            byte type;
            try {
                type = in.readByte();
            } catch (EOFException e) {
                stderr.write(("litgraph: the litgraph service of " + store + " ended the command without an exit status; "
                        + "its log is " + store.resolve(ServiceFiles.LOG) + "\n").getBytes(StandardCharsets.UTF_8));
                return 1;
            }
            int n = in.readInt();
            if (n < 0 || n > Wire.MAX_FRAME) {
                throw new IOException("bad frame length " + n);
            }
            if (type == Wire.EXIT) {
                int status = in.readInt();
                stdout.flush();
                stderr.flush();
                return status == LOCAL ? 1 : status;
            }
            OutputStream target = type == Wire.ERR ? stderr : stdout;
            while (n > 0) {
                int r = in.read(buf, 0, Math.min(buf.length, n));
                if (r < 0) {
                    throw new EOFException();
                }
                target.write(buf, 0, r);
                n -= r;
            }
            target.flush();
        }
    }

    /** The running service of {@code store} for this build, started when there is none. */
    static ServiceInfo ensure(Path store, Launch launch, List<String> options) {
        ServiceInfo info = ServiceFiles.read(store);
        if (info != null && alive(info) && launch.build().equals(info.build())) {
            return info;
        }
        return start(store, launch, options, info);
    }

    private static boolean alive(ServiceInfo info) {
        return ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts a service (one client at a time: the others wait on the start lock, then use it). */
    static ServiceInfo start(Path store, Launch launch, List<String> options, ServiceInfo stale) {
        try {
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new ServiceException("cannot create the store directory " + store + ": " + e.getMessage());
        }
        try (FileChannel ch = FileChannel.open(store.resolve(ServiceFiles.START_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            ServiceInfo now = ServiceFiles.read(store);
            if (now != null && alive(now) && answers(now)) {
                if (launch.build().equals(now.build())) {
                    return now; // another client started it meanwhile
                }
                launch.err().println("litgraph: restarting the litgraph service of " + store + " (it runs an older build)");
                stop(store, new PrintStream(OutputStream.nullOutputStream()), launch.err());
            } else if (now != null) {
                launch.err().println("litgraph: the litgraph service of " + store + " (pid " + now.pid()
                        + ") is gone; starting another");
            }
            return spawn(store, launch, options);
        } catch (IOException e) {
            throw new ServiceException("cannot start the litgraph service of " + store + ": " + e.getMessage());
        }
    }

    private static boolean answers(ServiceInfo info) {
        try (Socket s = connect(info)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ServiceInfo spawn(Path store, Launch launch, List<String> options) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid"); // its own session: a Ctrl-C in this terminal does not reach it
        }
        cmd.addAll(launch.command());
        cmd.add("--store");
        cmd.add(store.toString());
        cmd.addAll(options);
        Path log = store.resolve(ServiceFiles.LOG);
        if (!Files.exists(log)) {
            Files.createFile(log);
            ServiceFiles.setOwnerOnly(log);
        }
        launch.err().println("litgraph: starting the litgraph service for " + store
                + " (once; later commands are fast; 'litgraph service stop' stops it)");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceInfo info = ServiceFiles.read(store);
            if (info != null && launch.build().equals(info.build()) && alive(info) && answers(info)) {
                return info;
            }
            if (!p.isAlive() && p.exitValue() != 0) {
                throw new ServiceException("the litgraph service of " + store + " did not start:\n" + tail(log));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException("interrupted while starting the litgraph service");
            }
        }
        throw new ServiceException("the litgraph service of " + store + " did not start within 300 s; its log is " + log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(see " + log + ")";
        }
    }

    private static int status(Path store, Launch launch) {
        ServiceInfo info = ServiceFiles.read(store);
        if (info == null || !alive(info)) {
            launch.out().println("no litgraph service runs for " + store);
            return 3;
        }
        try (Socket s = connect(info)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            hello(out, info, Wire.STATUS);
            out.flush();
            return frames(new DataInputStream(s.getInputStream()), launch, store);
        } catch (IOException e) {
            launch.out().println("no litgraph service answers for " + store + " (pid " + info.pid() + " does not listen)");
            return 3;
        }
    }

    /** Asks the service of {@code store} to stop and waits until its process has ended. */
    public static int stop(Path store, PrintStream out, PrintStream err) {
        ServiceInfo info = ServiceFiles.read(store);
        if (info == null || !alive(info)) {
            out.println("no litgraph service runs for " + store);
            return 0;
        }
        try (Socket s = connect(info)) {
            DataOutputStream o = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            hello(o, info, Wire.STOP);
            o.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (in.read() >= 0) {
                // until the service closes the channel
            }
        } catch (IOException e) {
            err.println("litgraph: the litgraph service (pid " + info.pid() + ") does not answer: " + e.getMessage());
            return 1;
        }
        ProcessHandle h = ProcessHandle.of(info.pid()).orElse(null);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (h != null && h.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (h != null && h.isAlive()) {
            err.println("litgraph: the litgraph service (pid " + info.pid() + ") did not stop within 60 s");
            return 1;
        }
        out.println("stopped the litgraph service (pid " + info.pid() + ") of " + store);
        return 0;
    }
}
