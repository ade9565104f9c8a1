package org.litgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;

/** The HTTP API and the web page on the example corpus, served on a free loopback port in this JVM. */
class ServeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static ApiServer server;
    private static ApiServer guarded;

    @BeforeAll
    static void serve() {
        Store store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
        server = ApiServer.start(store, new ApiServer.Settings("127.0.0.1", 0, null, Duration.ofSeconds(30)));
        guarded = ApiServer.start(store, new ApiServer.Settings("127.0.0.1", 0, "s3cret-token", Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        server.close();
        guarded.close();
    }

    private static HttpResponse<String> get(ApiServer s, String pathAndQuery, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode ok(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(server, pathAndQuery, null);
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> postCypher(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/cypher"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReportHealthWithTheGraphTotals() throws Exception {
        JsonNode h = ok("/api/health");
        assertEquals("ok", h.get("status").asText());
        assertTrue(h.get("nodes").asInt() > 0, h::toString);
    }

    @Test
    void shouldResolveGleevecToImatinibAndRejectAnUnknownNameWith400() throws Exception {
        assertEquals("imatinib", ok("/api/resolve?name=Gleevec").get("entity").get("name").asText());
        HttpResponse<String> unknown = get(server, "/api/resolve?name=Glevec", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(JSON.readTree(unknown.body()).get("error").asText().contains("imatinib"), unknown::body);
        HttpResponse<String> missing = get(server, "/api/ask/profile", null);
        assertEquals(400, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).get("error").asText().contains("drug"), missing::body);
    }

    @Test
    void shouldMarkGleevecMatchesInEscapedHtmlSnippetsAndCountFacets() throws Exception {
        JsonNode a = ok("/api/search?q=Gleevec&facets=true&limit=50");
        assertFalse(a.get("hits").isEmpty());
        for (JsonNode hit : a.get("hits")) {
            String html = hit.get("snippetHtml").asText();
            assertTrue(html.contains("<mark>"), html);
            assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
        }
        assertEquals(5, a.get("facets").size());
        assertTrue(a.get("facets").get(0).get("counts").has("imatinib"), a.get("facets")::toString);
    }

    @Test
    void shouldExplainAmiodaronePhospholipidosisInThreeHops() throws Exception {
        JsonNode best = ok("/api/ask/mechanism?drug=amiodarone&condition=phospholipidosis").get("paths").get(0);
        assertEquals(3, best.get("hops").size(), best::toString);
        assertEquals("amiodarone", best.get("hops").get(0).get("from").asText());
        assertEquals("phospholipidosis", best.get("hops").get(2).get("to").asText());
    }

    @Test
    void shouldAnswerEvidenceProfileCompareAndEvidenceMap() throws Exception {
        JsonNode ev = ok("/api/ask/evidence?drug=Gleevec&condition=interstitial%20lung%20disease");
        assertEquals("imatinib", ev.get("drug").get("name").asText());
        assertTrue(ev.get("supporting").asInt() > 0, ev::toString);
        assertEquals("imatinib", ok("/api/ask/profile?drug=STI571").get("drug").get("name").asText());
        JsonNode cmp = ok("/api/ask/compare?condition=interstitial%20lung%20disease&drug=imatinib&drug=amiodarone");
        assertEquals(2, cmp.get("drugs").size());
        JsonNode map = ok("/api/evidence-map");
        assertTrue(map.get("columns").toString().contains("statements"));
        assertFalse(map.get("rows").isEmpty());
    }

    @Test
    void shouldServeTheCaseSeriesWithTheSentenceBehindEachCell() throws Exception {
        JsonNode a = ok("/api/case-series?drug=amiodarone");
        assertEquals("patient", a.get("columns").get(0).asText());
        assertEquals(1, a.get("rows").size(), a::toString);
        JsonNode row = a.get("rows").get(0);
        assertEquals("200 mg/day", row.get("cells").get("dose").asText());
        assertTrue(row.get("sources").get("dose").asText().contains("amiodarone 200 mg/day"), row::toString);
        assertEquals(6, ok("/api/case-series?drug=Gleevec").get("rows").size());
    }

    @Test
    void shouldRunReadOnlyCypherWithParametersAndRefuseWritesWith403() throws Exception {
        HttpResponse<String> read = postCypher("{\"query\": \"MATCH (d:Drug {name: $n}) RETURN d.name AS name\", "
                + "\"params\": {\"n\": \"imatinib\"}}");
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("imatinib", JSON.readTree(read.body()).get("rows").get(0).get("name").asText());
        HttpResponse<String> write = postCypher("{\"query\": \"CREATE (x:Intruder) RETURN x\"}");
        assertEquals(403, write.statusCode(), write::body);
        assertTrue(JSON.readTree(write.body()).get("error").asText().contains("read-only"), write::body);
        assertEquals(0, JSON.readTree(postCypher("{\"query\": \"MATCH (x:Intruder) RETURN count(x) AS n\"}").body())
                .get("rows").get(0).get("n").asInt());
        assertEquals(400, postCypher("not json").statusCode());
        assertEquals(400, postCypher("{\"query\": \"MATC (n) RETURN n\"}").statusCode());
    }

    @Test
    void shouldRequireTheTokenWhenOneIsConfigured() throws Exception {
        HttpResponse<String> none = get(guarded, "/api/health", null);
        assertEquals(401, none.statusCode());
        assertTrue(JSON.readTree(none.body()).has("error"), none::body);
        assertEquals(401, get(guarded, "/api/health", "wrong").statusCode());
        assertEquals(200, get(guarded, "/api/health", "s3cret-token").statusCode());
        assertEquals(200, get(guarded, "/api/health?token=s3cret-token", null).statusCode());
        assertEquals(200, get(server, "/api/health", null).statusCode());
    }

    @Test
    void shouldRefuseANonLoopbackAddressWithoutAToken() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ApiServer.start(TestNeo4j.store(), new ApiServer.Settings("0.0.0.0", 0, null, Duration.ofSeconds(1))));
        assertTrue(e.getMessage().contains("token"), e::getMessage);
    }

    // --- the web page in headless Chromium (skipped where Chromium is not installed) ---

    private static String dumpDom(String query, Path profile) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom",
                "http://127.0.0.1:" + server.port() + "/?" + query));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void shouldShowGleevecSearchResultsWithMarksInTheBrowser(@TempDir Path profile) throws Exception {
        String dom = dumpDom("view=search&q=Gleevec", profile);
        assertTrue(count(dom, "class=\"hit result\"") > 0, dom);
        assertTrue(dom.contains("<mark>"), dom);
        assertTrue(dom.contains("class=\"facet"), dom);
    }

    @Test
    void shouldDrawTheEvidenceMapAsSvgBubblesInTheBrowser(@TempDir Path profile) throws Exception {
        String dom = dumpDom("view=map", profile);
        assertTrue(count(dom, "<circle class=\"bubble\"") > 0, dom);
        assertTrue(dom.contains("<table"), dom);
    }

    @Test
    void shouldDrawTheAmiodaroneMechanismAsSvgNodesAndEdgesInTheBrowser(@TempDir Path profile) throws Exception {
        String dom = dumpDom("view=mechanism&drug=amiodarone&condition=phospholipidosis", profile);
        assertTrue(count(dom, "<g class=\"node\"") >= 4, dom);
        assertTrue(count(dom, "<path class=\"edge") >= 3, dom);
        assertTrue(dom.toLowerCase(java.util.Locale.ROOT).contains("phospholipase"), dom);
    }

    @Test
    void shouldShowTheCaseSeriesTableWithSourceSentencesOnHoverInTheBrowser(@TempDir Path profile) throws Exception {
        String dom = dumpDom("view=cases&drug=imatinib", profile);
        assertEquals(6, count(dom, "<tr class=\"case-row\""), dom);
        assertTrue(dom.contains("<th>computed Naranjo</th>") && dom.contains("<th>stated causality</th>"), dom);
        assertTrue(count(dom, "<td class=\"sourced\" title=\"") > 6, dom);
        assertFalse(dom.contains("class=\"error\""), dom);
    }

    @Test
    void shouldGroupImatinibLungDiseaseEvidenceByDesignWithPatientsInTheBrowser(@TempDir Path profile) throws Exception {
        String dom = dumpDom("view=evidence&drug=Gleevec&condition=interstitial%20lung%20disease", profile);
        assertTrue(count(dom, "class=\"card group\"") > 0, dom);
        assertTrue(dom.contains("<th>dechallenge</th>") && dom.contains("<th>rechallenge</th>"), dom);
        assertFalse(dom.contains("class=\"error\""), dom);
    }
}
