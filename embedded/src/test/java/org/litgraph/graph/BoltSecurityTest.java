package org.litgraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.SecurityException;

/**
 * The embedded store's Bolt port: a wrong or missing password is refused, and a web page (Bolt
 * over WebSocket) can run nothing: an origin the store was not started with is refused at the
 * upgrade, and a page of an allowed origin still needs the password. The WebSocket client speaks
 * the Bolt handshake and messages itself, as a page would.
 */
class BoltSecurityTest {
    private static final String PASSWORD = "the-right-password";
    private static final String ALLOWED = "http://127.0.0.1:7474";
    @TempDir
    static Path dir;
    private static Store store;

    @BeforeAll
    static void open() {
        store = Store.embedded(StoreConfig.builder().directory(dir.resolve("store")).password(PASSWORD)
                .pageCacheBytes(32L << 20).websocketOrigins(List.of(ALLOWED)).build());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static long nodes() {
        try (Session s = store.session(AccessMode.READ)) {
            return s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    @Test
    void shouldRefuseAWrongOrMissingPassword() throws Exception {
        try (Driver d = GraphDatabase.driver(store.uri(), AuthTokens.basic("neo4j", PASSWORD),
                Config.builder().withLogging(Logging.none()).build())) {
            d.verifyConnectivity();
        }
        for (var auth : List.of(AuthTokens.basic("neo4j", "wrong-password"), AuthTokens.basic("neo4j", "neo4j"),
                AuthTokens.none())) {
            try (Driver d = GraphDatabase.driver(store.uri(), auth, Config.builder().withLogging(Logging.none()).build())) {
                // AuthenticationException, or (after repeated failures) Neo4j's lock-out, a SecurityException too
                assertThrows(SecurityException.class, d::verifyConnectivity, auth.toString());
            }
        }
        Thread.sleep(6000); // Neo4j locks the user out for 5 s after 3 failed attempts
    }

    @Test
    void shouldRefuseAWebSocketFromAForeignOrigin() throws Exception {
        long before = nodes();
        ExecutionException e = assertThrows(ExecutionException.class, () -> webSocket("http://attacker.example"));
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, String.valueOf(e.getCause()));
        assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        ExecutionException none = assertThrows(ExecutionException.class, () -> webSocket(null));
        assertTrue(none.getCause() instanceof WebSocketHandshakeException, String.valueOf(none.getCause()));
        assertEquals(before, nodes());
    }

    @Test
    void shouldStillRequireThePasswordFromAnAllowedOrigin() throws Exception {
        long before = nodes();
        Frames frames = new Frames();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", ALLOWED)
                .connectTimeout(Duration.ofSeconds(30)).buildAsync(boltUri(), frames).get(60, TimeUnit.SECONDS);
        // Bolt handshake: magic, then four proposed versions (4.4 first)
        ws.sendBinary(ByteBuffer.wrap(new byte[] {0x60, 0x60, (byte) 0xB0, 0x17, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0}), true).get(10, TimeUnit.SECONDS);
        byte[] version = frames.read(4);
        assertEquals(4, version[3], "Bolt 4.4 agreed");
        ws.sendBinary(chunk(hello("wrong-password")), true).get(10, TimeUnit.SECONDS);
        assertEquals(0x7F, frames.message()[1] & 0xFF, "HELLO with a wrong password: FAILURE");
        try {
            ws.sendBinary(chunk(run("CREATE (:Intruder) RETURN 1")), true).get(10, TimeUnit.SECONDS);
            byte[] answer = frames.message();
            assertTrue(answer == null || (answer[1] & 0xFF) == 0x7E || (answer[1] & 0xFF) == 0x7F,
                    "RUN after a failed HELLO: IGNORED, FAILURE or a closed connection");
        } catch (ExecutionException closed) {
            // the server closed the connection after the failed HELLO: nothing ran either
        }
        ws.abort();
        assertEquals(before, nodes());
    }

    private static URI boltUri() {
        URI u = URI.create(store.uri());
        return URI.create("ws://" + u.getHost() + ":" + u.getPort());
    }

    private static WebSocket webSocket(String origin) throws Exception {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b.buildAsync(boltUri(), new Frames()).get(60, TimeUnit.SECONDS);
    }

    /** The bytes received over the WebSocket, read as Bolt: the version, then chunked messages. */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<Byte> bytes = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed = true;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            while (data.hasRemaining()) {
                bytes.add(data.get());
            }
            ws.request(1);
            return null;
        }

        byte[] read(int n) throws InterruptedException {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                Byte b = null;
                for (int t = 0; t < 600 && b == null; t++) {
                    b = bytes.poll(100, TimeUnit.MILLISECONDS);
                    if (b == null && closed) {
                        return null;
                    }
                }
                if (b == null) {
                    throw new AssertionError("no answer over the WebSocket");
                }
                out[i] = b;
            }
            return out;
        }

        /** One Bolt message (its chunks joined), from its struct marker on. */
        byte[] message() throws InterruptedException {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            while (true) {
                byte[] size = read(2);
                if (size == null) {
                    return null; // the server closed the connection
                }
                int n = ((size[0] & 0xFF) << 8) | (size[1] & 0xFF);
                if (n == 0) {
                    if (m.size() > 0) {
                        return m.toByteArray();
                    }
                    continue; // a no-op chunk
                }
                byte[] chunk = read(n);
                if (chunk == null) {
                    return null;
                }
                m.write(chunk, 0, n);
            }
        }
    }

    // --- just enough PackStream for HELLO and RUN ---

    private static byte[] hello(String password) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xB1);
        b.write(0x01);
        b.write(0xA4);
        string(b, "user_agent");
        string(b, "litgraph-test/1");
        string(b, "scheme");
        string(b, "basic");
        string(b, "principal");
        string(b, "neo4j");
        string(b, "credentials");
        string(b, password);
        return b.toByteArray();
    }

    private static byte[] run(String query) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xB3);
        b.write(0x10);
        string(b, query);
        b.write(0xA0);
        b.write(0xA0);
        return b.toByteArray();
    }

    private static void string(ByteArrayOutputStream b, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        if (u.length < 16) {
            b.write(0x80 + u.length);
        } else {
            b.write(0xD0);
            b.write(u.length);
        }
        b.write(u, 0, u.length);
    }

    private static ByteBuffer chunk(byte[] message) {
        ByteBuffer out = ByteBuffer.allocate(message.length + 4);
        out.putShort((short) message.length).put(message).putShort((short) 0).flip();
        return out;
    }
}
