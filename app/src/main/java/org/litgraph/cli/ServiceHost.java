package org.litgraph.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.litgraph.client.ServiceFiles;
import org.litgraph.client.ServiceInfo;
import org.litgraph.client.Wire;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;

/**
 * The litgraph service of one store: keeps the embedded store open and runs the command lines that
 * clients forward ({@link Main#run}) in this process, against that store, with each command's
 * output streamed back to its client. One service per store: it holds {@code litgraph-service.lock}
 * for its lifetime (the operating system releases it when the process dies, even on SIGKILL, so a
 * crash leaves nothing a new service must clean up) and publishes the owner-only discovery file.
 * The command channel listens on loopback only and requires the discovery file's token. It stops
 * after an idle timeout, on {@code litgraph service stop}, or when its discovery file or store
 * directory is removed.
 */
final class ServiceHost {
    private static volatile ServiceHost current;

    private final Path dir;
    private final Store store;
    private final ServerSocket server;
    private final String token;
    private final Duration idle;
    private final ServiceInfo published;
    private final FileLock lock;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger threads = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long started = System.currentTimeMillis();
    private volatile long lastActivity = System.nanoTime();
    private volatile String webUrl;
    private volatile boolean closing;

    /** How a service runs: Bolt port (0 = any free), origins allowed Bolt over WebSocket, idle timeout (null = none). */
    record Options(int boltPort, List<String> websocketOrigins, Duration idleTimeout) {
    }

    private ServiceHost(Path dir, Store store, ServerSocket server, String token, Duration idle, ServiceInfo published,
                        FileLock lock) {
        this.dir = dir;
        this.store = store;
        this.server = server;
        this.token = token;
        this.idle = idle;
        this.published = published;
        this.lock = lock;
    }

    /** The service this process runs, or null. */
    static ServiceHost current() {
        return current;
    }

    Path directory() {
        return dir;
    }

    /** The open store, as a view that commands may close without closing it. */
    Store store() {
        return new Hosted(store);
    }

    /**
     * Opens the store and starts serving; returns once it is ready. Throws when another service
     * holds the store's lock.
     */
    static ServiceHost start(Path directory, Options options) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(ServiceFiles.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            ServiceInfo other = ServiceFiles.read(dir);
            throw new IllegalArgumentException("a litgraph service already runs for " + dir
                    + (other == null ? "" : " (pid " + other.pid() + ")"));
        }
        ServerSocket server = null;
        Store store = null;
        try {
            String password = secret();
            store = Store.embedded(StoreConfig.builder().directory(dir).boltPort(options.boltPort()).password(password)
                    .websocketOrigins(options.websocketOrigins()).build());
            // a bulk load killed after its import: its transactional remainder first
            Store opened = store;
            org.litgraph.ingest.BulkLoad.pendingFinish(dir)
                    .ifPresent(pending -> org.litgraph.ingest.BulkLoad.finishPending(opened, pending));
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            String token = secret();
            ServiceInfo info = new ServiceInfo(ProcessHandle.current().pid(), server.getLocalPort(), token, store.uri(),
                    "neo4j", password, null, System.getProperty("litgraph.build", "unknown"), System.currentTimeMillis());
            ServiceHost host = new ServiceHost(dir, store, server, token, options.idleTimeout(), info, lock);
            Console.install();
            current = host;
            ServiceFiles.write(dir, info);
            host.startThreads();
            Runtime.getRuntime().addShutdownHook(new Thread(host::shutdown, "litgraph-service-shutdown"));
            return host;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (store != null) {
                store.close();
            }
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** Waits until the service has stopped. */
    void await() throws InterruptedException {
        stopped.await();
    }

    /** The web page a {@code serve} turned on (published in the discovery file), or null when it is off. */
    synchronized void web(String url) {
        webUrl = url;
        try {
            ServiceInfo p = published;
            ServiceFiles.write(dir, new ServiceInfo(p.pid(), p.port(), p.token(), p.boltUri(), p.boltUser(), p.boltPassword(),
                    url, p.build(), p.startedMillis()));
        } catch (IOException e) {
            System.err.println("litgraph service: cannot update " + ServiceFiles.discovery(dir) + ": " + e.getMessage());
        }
    }

    private static String secret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private void startThreads() {
        Thread accept = new Thread(this::acceptLoop, "litgraph-service-accept");
        accept.setDaemon(true);
        accept.start();
        Thread watch = new Thread(this::watchLoop, "litgraph-service-watch");
        watch.setDaemon(true);
        watch.start();
        System.out.println("litgraph service: pid " + published.pid() + ", " + store.describe() + ", Bolt " + store.uri()
                + (idle == null ? "" : ", stops after " + idle.toMinutes() + " min idle"));
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> handle(s), "litgraph-request-" + threads.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closing) {
                    System.err.println("litgraph service: accept failed: " + e.getMessage());
                }
            }
        }
    }

    /** Stops when idle too long, or when the discovery file or the store directory is gone. */
    private void watchLoop() {
        while (!closing) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            ServiceInfo onDisk = ServiceFiles.read(dir);
            if (onDisk == null || onDisk.pid() != published.pid()) {
                System.out.println("litgraph service: the discovery file is gone or replaced; stopping");
                shutdown();
                return;
            }
            if (idle != null && active.get() == 0 && System.nanoTime() - lastActivity > idle.toNanos()) {
                System.out.println("litgraph service: idle for " + idle.toMinutes() + " min; stopping");
                shutdown();
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
            s.setSoTimeout(10_000);
            if (in.readInt() != Wire.MAGIC) {
                return;
            }
            String given = Wire.readString(in);
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            byte request = in.readByte();
            if (request == Wire.STATUS) {
                byte[] text = status().getBytes(StandardCharsets.UTF_8);
                Wire.frame(out, Wire.OUT, text, 0, text.length);
                exit(out, 0);
            } else if (request == Wire.STOP) {
                System.out.println("litgraph service: stop requested");
                shutdown();
                exit(out, 0);
            } else if (request == Wire.RUN) {
                String cwd = Wire.readString(in);
                boolean interactive = in.readBoolean();
                int n = in.readInt();
                if (n < 0 || n > 10_000) {
                    return;
                }
                String[] args = new String[n];
                for (int i = 0; i < n; i++) {
                    args[i] = Wire.readString(in);
                }
                s.setSoTimeout(0);
                run(Path.of(cwd), interactive, args, in, out);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void run(Path cwd, boolean interactive, String[] args, DataInputStream in, DataOutputStream out)
            throws IOException {
        active.incrementAndGet();
        requests.incrementAndGet();
        Thread worker = Thread.currentThread();
        Thread cancel = new Thread(() -> {
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == Wire.CANCEL) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // closed: the client is gone
            }
            worker.interrupt();
        }, worker.getName() + "-cancel");
        cancel.setDaemon(true);
        FrameStream stdout = new FrameStream(out, Wire.OUT);
        FrameStream stderr = new FrameStream(out, Wire.ERR);
        int status;
        try {
            cancel.start();
            Console.bind(stdout, stderr);
            status = Invocation.as(cwd, interactive, () -> Main.run(args));
        } catch (Exception e) {
            status = 1;
        } finally {
            System.out.flush();
            System.err.flush();
            Console.unbind();
            Thread.interrupted();
            active.decrementAndGet();
            lastActivity = System.nanoTime();
        }
        stdout.flush();
        stderr.flush();
        exit(out, status);
        cancel.interrupt();
    }

    private static void exit(DataOutputStream out, int status) throws IOException {
        byte[] b = {(byte) (status >>> 24), (byte) (status >>> 16), (byte) (status >>> 8), (byte) status};
        Wire.frame(out, Wire.EXIT, b, 0, 4);
    }

    private String status() {
        long up = (System.currentTimeMillis() - started) / 1000;
        return "litgraph service of " + dir + "\n"
                + "  pid:        " + published.pid() + ", up " + (up / 3600) + " h " + (up / 60 % 60) + " min " + (up % 60) + " s, "
                + requests.get() + " command(s) run, " + active.get() + " running\n"
                + "  Bolt:       " + store.uri() + " (user neo4j, password in " + ServiceFiles.discovery(dir) + ")\n"
                + "  web page:   " + (webUrl == null ? "off ('litgraph serve' turns it on)" : webUrl) + "\n"
                + "  idle stop:  " + (idle == null ? "never" : "after " + idle.toMinutes() + " min without a command") + "\n"
                + "  log:        " + dir.resolve(ServiceFiles.LOG) + "\n";
    }

    /** Stops accepting, closes the store, removes the discovery file and releases the lock (once). */
    void shutdown() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        ServiceFiles.remove(dir, published.pid());
        try {
            store.close();
        } catch (RuntimeException e) {
            System.err.println("litgraph service: closing the store: " + e.getMessage());
        }
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // released with the process anyway
        }
        current = null;
        System.out.println("litgraph service: stopped");
        stopped.countDown();
    }

    /** Output of one command, as frames on its client's channel. */
    private static final class FrameStream extends OutputStream {
        private final DataOutputStream out;
        private final byte type;
        private final byte[] buf = new byte[8192];
        private int n;
        private boolean broken;

        FrameStream(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len >= buf.length) {
                flush();
                send(b, off, len);
                return;
            }
            if (n + len > buf.length) {
                flush();
            }
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        @Override
        public synchronized void flush() throws IOException {
            if (n > 0) {
                send(buf, 0, n);
                n = 0;
            }
        }

        private void send(byte[] b, int off, int len) throws IOException {
            if (broken) {
                return; // the client is gone: the command is being cancelled; drop its output
            }
            try {
                Wire.frame(out, type, b, off, len);
            } catch (IOException e) {
                broken = true;
            }
        }
    }

    /** The hosted store as commands see it: closing it leaves it open. */
    private record Hosted(Store store) implements Store {
        @Override
        public org.neo4j.driver.Driver driver() {
            return store.driver();
        }

        @Override
        public String database() {
            return store.database();
        }

        @Override
        public String uri() {
            return store.uri();
        }

        @Override
        public String describe() {
            return store.describe();
        }

        @Override
        public void close() {
            // the service keeps it open
        }
    }
}
