package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.client.Client;
import org.litgraph.client.ServiceFiles;
import org.litgraph.client.ServiceInfo;
import org.litgraph.client.Wire;
import org.litgraph.graph.TestNeo4j;

/**
 * The litgraph service as the client uses it: the first command starts one service for the store
 * (a JVM on the test class path), later commands run in it with the client's working directory;
 * --no-service reaches its store over authenticated Bolt; Ctrl-C (the cancel frame) ends a
 * serve; a SIGKILLed service leaves a stale lock and discovery file that the next command recovers
 * from; stop and the idle timeout end it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceTest {
    @TempDir
    static Path cwd;
    private static Path store;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void corpus() throws Exception {
        Path corpus = cwd.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> files = Files.list(TestNeo4j.root().resolve("examples/corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        store = cwd.resolve("litgraph-data");
    }

    @AfterAll
    static void stopAll() {
        for (Path dir : List.of(store, cwd.resolve("idle-store"))) {
            Client.stop(dir, new PrintStream(ByteArrayOutputStream.nullOutputStream()),
                    new PrintStream(ByteArrayOutputStream.nullOutputStream()));
        }
    }

    private static Client.Launch launch(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-Dio.netty.tryReflectionSetAccessible=true",
                "-Dlitgraph.build=test-build", "-Dlitgraph.home=" + TestNeo4j.root()));
        for (String opens : List.of("java.base/java.nio", "java.base/java.io", "java.base/sun.nio.ch", "java.base/java.lang")) {
            cmd.add("--add-opens=" + opens + "=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "service", "run"));
        return new Client.Launch(cmd, "test-build", cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static Run client(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Client.run(args, launch(out, err));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    @Order(1)
    void shouldRunCommandsInOneServiceWithTheClientsRelativePaths() throws Exception {
        Run ingest = client("ingest", "--quiet", "--transactional", "corpus");
        assertEquals(0, ingest.status(), ingest.out() + ingest.err());
        assertTrue(ingest.err().contains("starting the litgraph service"), ingest.err());
        assertTrue(ingest.out().contains("documents: 5 read, 5 written"), ingest.out());
        assertTrue(ingest.out().contains("embedded store at " + store), ingest.out());
        ServiceInfo info = ServiceFiles.read(store);
        assertNotNull(info);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ServiceFiles.discovery(store))));

        Run ask = client("ask", "evidence", "Gleevec", "interstitial lung disease");
        assertEquals(0, ask.status(), ask.err());
        assertTrue(ask.out().toLowerCase(java.util.Locale.ROOT).contains("evidence: imatinib causes interstitial lung disease"), ask.out());
        assertEquals("", ask.err(), "a warm service starts nothing");
        Run search = client("search", "Gleevec", "--limit", "2");
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().contains("Search: Gleevec"), search.out());
        Run csv = client("cypher", "--format", "csv", "MATCH (d:Document) RETURN count(d) AS n");
        assertEquals("n\n5\n", csv.out());
        Files.writeString(cwd.resolve("q.cypher"), "MATCH (d:Drug {name: 'imatinib'}) RETURN d.name AS name");
        assertEquals("name\nimatinib\n", client("cypher", "--format", "csv", "@q.cypher").out());
        Run export = client("export", "evidence-csv", "--out", "out/map.csv");
        assertEquals(0, export.status(), export.err());
        assertTrue(Files.size(cwd.resolve("out/map.csv")) > 0, "written where the client stands");
        Run refused = client("cypher", "MATCH (n) DETACH DELETE n");
        assertEquals(4, refused.status());
        assertTrue(refused.err().contains("refused"), refused.err());
        Run missing = client("ingest", "--quiet", "no-such-dir/x.txt");
        assertEquals(Main.SKIPPED, missing.status(), missing.out() + missing.err());
        assertTrue(missing.out().contains(cwd.resolve("no-such-dir/x.txt").toString()), missing.out());
        assertEquals(info.pid(), ServiceFiles.read(store).pid(), "one service for all of them");

        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), info.port())) {
            DataOutputStream o = new DataOutputStream(s.getOutputStream());
            o.writeInt(Wire.MAGIC);
            Wire.writeString(o, "not-the-token");
            o.writeByte(Wire.STATUS);
            o.flush();
            assertEquals(-1, s.getInputStream().read(), "a wrong token gets nothing");
        }
    }

    @Test
    @Order(2)
    void shouldReachTheServicesStoreOverAuthenticatedBoltWithNoService() {
        CliCypherTest.Run r = CliCypherTest.cli("cypher", "--no-service", "--store", store.toString(), "--format", "csv",
                "MATCH (d:Document) RETURN count(d) AS n");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().endsWith("n\n5\n"), r.out());
    }

    @Test
    @Order(3)
    void shouldTurnTheWebPageOnUntilTheClientCancels() throws Exception {
        ServiceInfo info = ServiceFiles.read(store);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), info.port())) {
            DataOutputStream o = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            o.writeInt(Wire.MAGIC);
            Wire.writeString(o, info.token());
            o.writeByte(Wire.RUN);
            Wire.writeString(o, cwd.toString());
            o.writeBoolean(false);
            String[] args = {"serve", "--port", "0"};
            o.writeInt(args.length);
            for (String a : args) {
                Wire.writeString(o, a);
            }
            o.flush();
            StringBuilder out = new StringBuilder();
            String url = null;
            while (url == null) {
                byte type = in.readByte();
                byte[] b = in.readNBytes(in.readInt());
                assertNotEquals(Wire.EXIT, type, out.toString());
                out.append(new String(b, StandardCharsets.UTF_8));
                var m = java.util.regex.Pattern.compile("web page and API: (http://\\S+)").matcher(out);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertEquals(url, ServiceFiles.read(store).httpUrl(), "published in the discovery file");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            o.writeByte(Wire.CANCEL);
            o.flush();
            int status = -1;
            while (status < 0) {
                byte type = in.readByte();
                byte[] b = in.readNBytes(in.readInt());
                if (type == Wire.EXIT) {
                    status = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
                } else {
                    out.append(new String(b, StandardCharsets.UTF_8));
                }
            }
            assertEquals(0, status, out.toString());
            assertTrue(out.toString().contains("web page off"), out.toString());
        }
        assertEquals(null, ServiceFiles.read(store).httpUrl());
    }

    @Test
    @Order(4)
    void shouldRecoverFromAServiceKilledWithSigkill() throws Exception {
        ServiceInfo before = ServiceFiles.read(store);
        ProcessHandle service = ProcessHandle.of(before.pid()).orElseThrow();
        assertTrue(service.destroyForcibly(), "SIGKILL sent");
        service.onExit().get(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(ServiceFiles.discovery(store)), "a killed service leaves its discovery file");
        assertTrue(Files.exists(store.resolve(ServiceFiles.LOCK)), "and its lock file (the lock itself died with it)");

        Run r = client("cypher", "--format", "csv", "MATCH (d:Document) RETURN count(d) AS n");
        assertEquals(0, r.status(), r.err());
        assertEquals("n\n5\n", r.out(), "the store recovered");
        assertTrue(r.err().contains("is gone; starting another"), r.err());
        ServiceInfo after = ServiceFiles.read(store);
        assertNotEquals(before.pid(), after.pid());
        assertTrue(alive(after.pid()));
    }

    @Test
    @Order(5)
    void shouldStopOnRequest() throws Exception {
        long pid = ServiceFiles.read(store).pid();
        Run status = client("service", "status");
        assertEquals(0, status.status());
        assertTrue(status.out().contains("pid:        " + pid), status.out());
        Run stop = client("service", "stop");
        assertEquals(0, stop.status(), stop.err());
        assertFalse(alive(pid));
        assertFalse(Files.exists(ServiceFiles.discovery(store)));
        assertEquals(3, client("service", "status").status());
    }

    @Test
    @Order(6)
    void shouldStopAfterItsIdleTimeout() throws Exception {
        Path idle = cwd.resolve("idle-store");
        Run start = client("service", "start", "--store", idle.toString(), "--idle-timeout", "3s");
        assertEquals(0, start.status(), start.err());
        long pid = ServiceFiles.read(idle).pid();
        ProcessHandle.of(pid).orElseThrow().onExit().get(120, TimeUnit.SECONDS);
        assertFalse(Files.exists(ServiceFiles.discovery(idle)));
    }
}
