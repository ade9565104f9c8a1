package org.litgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;

/**
 * The web page's views (issue 11) in headless Chromium, over the example corpus and the synthetic
 * test documents of examples/answers: home, search, evidence (causes and treats, labelled
 * statements), compare, mechanism (fits its box at any width), evidence map (colours by
 * relationship, contradicted cells) and Cypher (readable cells, a drawing, error positions).
 * The browser tests skip where /usr/bin/chromium is not installed.
 */
class WebPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static ApiServer server;

    @BeforeAll
    static void serve() throws Exception {
        Store store = TestNeo4j.emptyStore();
        Path root = TestNeo4j.root();
        List<Path> inputs = new ArrayList<>(List.of(root.resolve("examples/corpus")));
        try (Stream<Path> s = Files.list(root.resolve("examples/answers"))) {
            s.sorted().forEach(inputs::add);
        }
        new Ingestor(store).ingest(inputs);
        server = ApiServer.start(store, new ApiServer.Settings("127.0.0.1", 0, null, Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String dom(String query, Path profile) throws Exception {
        return dom(query, profile, 1280);
    }

    /** The page's DOM after its scripts ran, at a window {@code width} pixels wide. */
    private static String dom(String query, Path profile, int width) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + ",900",
                "--virtual-time-budget=8000", "--dump-dom", "http://127.0.0.1:" + server.port() + "/?" + query));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
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

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void homeShouldShowWhatTheStoreHoldsAndQuestionsToAsk(@TempDir Path profile) throws Exception {
        String dom = dom("", profile);
        assertTrue(dom.contains("id=\"view-home\"") && dom.contains("class=\"view active\" id=\"view-home\""), dom);
        assertTrue(dom.contains("documents</div>"), dom);
        assertTrue(dom.contains("id=\"home-designs\"") && dom.contains(">review<") && dom.contains(">case series<"), dom);
        assertTrue(dom.contains("data-view=\"cases\""), "the case series view from main stays reachable");
        assertTrue(dom.contains("id=\"home-drugs\"") && dom.contains(">imatinib<"), dom);
        assertTrue(dom.contains("id=\"home-conditions\"") && dom.contains("id=\"home-outcomes\""), dom);
        assertTrue(count(dom, "class=\"question\"") >= 4, dom);
        assertTrue(dom.contains("view=evidence") && dom.contains("rel=TREATS") && dom.contains("view=mechanism"), dom);
        assertFalse(dom.contains("class=\"error\""), dom);
    }

    @Test
    void searchShouldShowPassagesDesignFacetsAndOutcomeCategories(@TempDir Path profile) throws Exception {
        String dom = dom("view=search&q=" + q("\"pleural effusion\" OR amiodarone OR imatinib"), profile);
        assertTrue(dom.contains("hit result passage") && dom.contains("hit result case"), dom);
        assertTrue(dom.contains("data-facet=\"design\"") && dom.contains("data-facet=\"journal\"") && dom.contains("data-facet=\"year\""), dom);
        assertTrue(dom.contains("data-facet=\"outcome\"") && dom.contains(">fatal<") && dom.contains(">not recovered<"), dom);
        assertTrue(dom.contains("<h4>Age band</h4>") && !dom.contains("<h4>ageBand</h4>"), dom);
        assertTrue(dom.contains("<mark>"), dom);
    }

    @Test
    void evidenceShouldLabelEveryStatementAndReachTreatsQuestions(@TempDir Path profile) throws Exception {
        String causes = dom("view=evidence&drug=dasatinib&condition=" + q("pleural effusion"), profile);
        assertTrue(causes.contains("class=\"card broader-group\"") && causes.contains("class=\"tag broader\">broader<"), causes);
        assertTrue(causes.contains("class=\"tag supporting\">supporting<"), causes);
        assertTrue(causes.contains("<th title=\"timeToOnset\">Time to onset</th>") || causes.contains("no patients in the graph"), causes);
        String ph = dom("view=evidence&drug=imatinib&condition=" + q("pulmonary hypertension"), profile);
        assertTrue(ph.contains("0 supporting and") && ph.contains("class=\"tag contradicting\">contradicting<"), ph);
        String treats = dom("view=evidence&rel=TREATS&drug=imatinib&condition=" + q("pulmonary hypertension"), profile);
        assertTrue(treats.toLowerCase().contains("imatinib treats pulmonary hypertension?"), treats);
        assertTrue(treats.contains("class=\"tag supporting\">supporting<"), treats);
        assertTrue(treats.contains("<option value=\"TREATS\""), treats);
        String empty = dom("view=evidence&drug=imatinib&condition=" + q("pleural effusion"), profile);
        assertTrue(empty.contains("What the graph has") && empty.contains("Nearest conditions with imatinib statements"), empty);
        String contradicted = dom("view=evidence&drug=nilotinib&condition=" + q("pleural effusion"), profile);
        assertTrue(contradicted.contains("class=\"contradiction\"") && contradicted.contains("say it does not"), contradicted);
    }

    @Test
    void compareShouldNameTheUnknownDrugAndAnswerForTheOthers(@TempDir Path profile) throws Exception {
        String dom = dom("view=compare&condition=" + q("pleural effusion") + "&drugs=" + q("dasatinib, nilotinib, dasatinob-x"), profile);
        assertTrue(dom.contains("class=\"error unknown\"") && dom.contains("dasatinob-x"), dom);
        assertTrue(dom.contains("id=\"compare-table\"") && dom.contains(">dasatinib</a>") && dom.contains(">nilotinib</a>"), dom);
        assertTrue(dom.contains("<th title=\"broaderStatements\">Broader statements</th>"), dom);
    }

    @Test
    void mechanismDiagramShouldFitItsBoxAtAnyWidth(@TempDir Path profile) throws Exception {
        for (int width : new int[] {420, 1600}) {
            String dom = dom("view=mechanism&drug=amiodarone&condition=phospholipidosis", profile.resolve("w" + width), width);
            assertTrue(count(dom, "<g class=\"node\"") >= 4, dom);
            assertTrue(dom.contains("viewBox=\"0 0 "), dom);
            assertTrue(dom.contains("data-fits=\"true\""), "diagram overflows at " + width + " px: " + dom);
        }
    }

    @Test
    void evidenceMapShouldColourCausesAndTreatsApartAndMarkContradictedCells(@TempDir Path profile) throws Exception {
        String dom = dom("view=map", profile);
        assertTrue(dom.contains("class=\"bubble causes") && dom.contains("class=\"bubble treats"), dom);
        Matcher causes = Pattern.compile("class=\"bubble causes\"[^>]*fill=\"(#[0-9a-f]{6})\"").matcher(dom);
        Matcher treats = Pattern.compile("class=\"bubble treats\"[^>]*fill=\"(#[0-9a-f]{6})\"").matcher(dom);
        assertTrue(causes.find() && treats.find(), dom);
        assertFalse(causes.group(1).equals(treats.group(1)), "CAUSES and TREATS share a colour");
        assertTrue(dom.contains("class=\"contradicted\""), "nilotinib × pleural effusion is for and against: " + dom);
        assertTrue(dom.contains("<th title=\"direction\">Direction</th>") && dom.contains("<th title=\"design\">Design</th>"), dom);
        assertTrue(dom.contains("class=\"table-box\""), dom);
    }

    @Test
    void cypherShouldShowNodesAndPathsAsReadableCellsWithADrawing(@TempDir Path profile) throws Exception {
        // opened without a query, the view runs the page's own example (paths of CAUSES claims)
        String dom = dom("view=cypher", profile);
        assertTrue(dom.contains("class=\"chip node\"") && dom.contains("class=\"chip rel\"") && dom.contains("class=\"path\""), dom);
        assertTrue(dom.contains("[:CAUSES]"), dom);
        assertFalse(dom.contains("{\"labels\":"), "raw JSON in a cell: " + dom);
        assertTrue(dom.contains("id=\"cypher-graph\"") && count(dom, "class=\"graph-node\"") >= 2 && dom.contains("class=\"graph-edge\""), dom);
        assertTrue(dom.contains("<th title=\"conditionName\">Condition name</th>"), dom);
        assertTrue(dom.contains("id=\"cypher-table\"") && dom.contains("class=\"table-box\""), dom);
    }

    @Test
    void cypherErrorsShouldPointAtTheQueryAsTyped(@TempDir Path profile) throws Exception {
        String typed = "  MATCH (n)\nRETRUN n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/cypher"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("query", typed)))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.contains("(line 2, column 1 (offset: " + typed.indexOf("RETRUN") + "))"), error);
        assertFalse(error.contains("EXPLAIN"), error);
        // a link prefills the query and never runs it
        String dom = dom("view=cypher&query=" + q(typed), profile);
        assertTrue(dom.contains("RETRUN n</textarea>") && !dom.contains("id=\"cypher-error\"") && !dom.contains("id=\"cypher-table\""), dom);
    }

    @Test
    void overviewShouldCountDocumentsByDesign() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/overview"))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode o = JSON.readTree(r.body());
        int sum = 0;
        for (JsonNode d : o.get("designs")) {
            sum += d.get("documents").asInt();
        }
        assertEquals(o.get("documents").asInt(), sum);
        assertTrue(o.get("passages").asInt() > o.get("documents").asInt());
        assertFalse(o.get("treats").isEmpty());
    }
}
