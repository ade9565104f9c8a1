package org.litgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;

/**
 * The web API refuses what a page from another origin or a rebound DNS name could send, answers
 * errors as JSON with the right status and no Java class names, sends the security headers, and
 * survives a 4-million-row query with its time limit intact. Requests are written by hand on a
 * socket, so that Host and Origin can be forged as a browser under attack would send them.
 */
class ServeSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiServer server;

    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void serve() {
        Store store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
        server = ApiServer.start(store, new ApiServer.Settings("127.0.0.1", 0, null, Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response request(String method, String target, Map<String, String> headers, String body)
            throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(120_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", "127.0.0.1:" + server.port());
            h.putAll(headers);
            h.put("Connection", "close");
            if (body != null) {
                h.put("Content-Length", String.valueOf(content.length));
            }
            h.forEach((k, v) -> {
                if (v != null) {
                    head.append(k).append(": ").append(v).append("\r\n");
                }
            });
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, String> hs = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int c = lines[i].indexOf(':');
                hs.put(lines[i].substring(0, c).strip().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).strip());
            }
            String payload = text.substring(split + 4);
            if ("chunked".equalsIgnoreCase(hs.get("transfer-encoding"))) {
                payload = unchunk(payload);
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), hs, payload);
        }
    }

    private static String unchunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            int n = Integer.parseInt(s.substring(i, eol).strip(), 16);
            if (n == 0) {
                break;
            }
            out.append(s, eol + 2, eol + 2 + n);
            i = eol + 2 + n + 2;
        }
        return out.toString();
    }

    private static Response cypher(String query, Map<String, String> headers) throws Exception {
        Map<String, String> h = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        h.putAll(headers);
        return request("POST", "/api/cypher", h, JSON.writeValueAsString(Map.of("query", query)));
    }

    private static void assertNoClassNames(Response r) {
        assertFalse(r.body().matches("(?s).*\\b(java|org|io|com)\\.[a-z]+\\.[A-Za-z.]*.*"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void shouldRefuseAForgedHostHeader() throws Exception {
        Response r = request("GET", "/api/health", Map.of("Host", "attacker.example:" + server.port()), null);
        assertEquals(403, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("Host"), r.body());
        assertEquals(200, request("GET", "/api/health", Map.of("Host", "localhost:" + server.port()), null).status());
    }

    @Test
    void shouldRefuseAForeignOriginAndACrossOriginTextPlainPost() throws Exception {
        Response foreign = request("GET", "/api/health", Map.of("Origin", "http://attacker.example"), null);
        assertEquals(403, foreign.status(), foreign.body());
        Response crossSite = request("GET", "/api/search?q=imatinib", Map.of("Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "cors"), null);
        assertEquals(403, crossSite.status(), crossSite.body());
        Response simple = request("POST", "/api/cypher", Map.of("Content-Type", "text/plain",
                "Origin", "http://attacker.example"), "{\"query\": \"MATCH (n) RETURN count(n) AS n\"}");
        assertEquals(403, simple.status(), simple.body());
        Response noOrigin = request("POST", "/api/cypher", Map.of("Content-Type", "text/plain"),
                "{\"query\": \"MATCH (n) RETURN count(n) AS n\"}");
        assertEquals(415, noOrigin.status(), noOrigin.body());
        Response own = cypher("MATCH (d:Drug) RETURN count(d) AS n", Map.of("Origin", "http://127.0.0.1:" + server.port()));
        assertEquals(200, own.status(), own.body());
    }

    @Test
    void shouldSendSecurityHeadersAndNotRunCypherFromTheUrl() throws Exception {
        Response page = request("GET", "/?view=cypher&query=MATCH%20(n)%20DETACH%20DELETE%20n", Map.of(), null);
        assertEquals(200, page.status());
        String csp = page.headers().get("content-security-policy");
        assertTrue(csp.contains("script-src 'sha256-") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-eval") && !csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
        assertEquals("nosniff", page.headers().get("x-content-type-options"));
        assertEquals("DENY", page.headers().get("x-frame-options"));
        assertEquals("no-referrer", page.headers().get("referrer-policy"));
        String prefill = page.body().lines().filter(l -> l.contains("params.get(\"query\")")).findFirst().orElseThrow();
        assertFalse(prefill.contains("runCypher"), "a URL may prefill a query, never run it: " + prefill);
        Response api = request("GET", "/api/health", Map.of(), null);
        assertEquals("no-store", api.headers().get("cache-control"));
        assertEquals("nosniff", api.headers().get("x-content-type-options"));
    }

    @Test
    void shouldAnswerErrorsAsJsonWithTheRightStatusAndNoClassNames() throws Exception {
        // a 2 MiB body announced (the server answers before reading it)
        Response big = request("POST", "/api/cypher", Map.of("Content-Type", "application/json",
                "Content-Length", String.valueOf(2 << 20)), null);
        assertEquals(413, big.status(), big.body());
        assertTrue(big.json().has("error"));
        Response longUrl = request("GET", "/api/search?q=" + "a".repeat(20_000), Map.of(), null);
        assertEquals(414, longUrl.status(), longUrl.body());
        assertTrue(longUrl.json().has("error"));
        Response huge = request("GET", "/api/search?q=" + "a".repeat(100_000), Map.of(), null);
        assertTrue(huge.status() == 414 || huge.status() == 431, huge.status() + " " + huge.body());
        assertTrue(huge.json().has("error"), huge.body());
        Response notJson = request("POST", "/api/cypher", Map.of("Content-Type", "application/json"), "not json");
        assertEquals(400, notJson.status());
        assertNoClassNames(notJson);
        Response bad = cypher("MATC (n) RETURN n", Map.of());
        assertEquals(400, bad.status());
        assertNoClassNames(bad);
        Response slow = cypher("UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n", Map.of());
        assertEquals(504, slow.status(), slow.body());
        assertTrue(slow.json().get("error").asText().contains("time limit"), slow.body());
        assertNoClassNames(slow);
    }

    @Test
    void shouldRefuseTerminateAndAllowComponents() throws Exception {
        Response terminate = cypher("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", Map.of());
        assertEquals(403, terminate.status(), terminate.body());
        Response show = cypher("SHOW TRANSACTIONS", Map.of());
        assertEquals(403, show.status(), show.body());
        Response settings = cypher("SHOW SETTINGS", Map.of());
        assertEquals(403, settings.status(), settings.body());
        Response components = cypher("CALL dbms.components() YIELD name RETURN name", Map.of());
        assertEquals(200, components.status(), components.body());
        assertEquals("Neo4j Kernel", components.json().get("rows").get(0).get("name").asText());
    }

    @Test
    void shouldCapAFourMillionRowQueryAndKeepAnsweringAndTimingOut() throws Exception {
        Response big = cypher("UNWIND range(1, 4000000) AS x RETURN x", Map.of());
        assertEquals(200, big.status());
        JsonNode j = big.json();
        assertEquals(ApiServer.CYPHER_LIMITS.maxRows(), j.get("rows").size());
        assertTrue(j.get("truncated").asBoolean());
        assertTrue(j.get("notice").asText().contains("SKIP"), j.toString().substring(0, 200));
        assertEquals(200, request("GET", "/api/health", Map.of(), null).status(), "the server still answers");
        Response slow = cypher("UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n", Map.of());
        assertEquals(504, slow.status(), "the time limit still holds: " + slow.body());
    }
}
