package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every {@code litgraph export} kind, on the example corpus plus the seeds, parses as its format says. */
class ExportTest {
    private static Store store;
    private static Path seeds;

    @TempDir
    Path tmp;

    @BeforeAll
    static void ingest() {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        seeds = shared.resolve("seeds");
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus"), seeds));
    }

    private String export(String... args) throws Exception {
        Path out = tmp.resolve("out-" + System.nanoTime());
        List<String> all = new ArrayList<>(List.of("export", "--uri", store.uri(), "--user", ""));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        CliCypherTest.Run r = CliCypherTest.cli(all.toArray(new String[0]));
        assertEquals(0, r.status(), r.out());
        return Files.isDirectory(out) ? out.toString() : Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Minimal RFC 4180 reader. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void shouldExportImatinibCausesInterstitialLungDiseaseWithAVerbatimQuoteAndStableOutput() throws Exception {
        String text = export("evidence-csv");
        List<List<String>> rows = csv(text);
        List<String> header = rows.get(0);
        for (String c : List.of("drug", "drug_id", "condition", "condition_id", "relationship", "direction", "certainty",
                "design", "year", "cases", "statements", "quote", "citation", "document_id")) {
            assertTrue(header.contains(c), "missing column " + c + " in " + header);
        }
        int quote = header.indexOf("quote");
        int doc = header.indexOf("document_id");
        List<List<String>> ild = rows.stream().skip(1)
                .filter(r -> r.get(header.indexOf("drug")).equals("imatinib")
                        && r.get(header.indexOf("condition")).toLowerCase(java.util.Locale.ROOT).startsWith("interstitial lung disease")
                        && r.get(header.indexOf("relationship")).equals("CAUSES")
                        && r.get(header.indexOf("direction")).equals("for"))
                .toList();
        assertFalse(ild.isEmpty(), "no imatinib CAUSES interstitial lung disease row");
        Map<String, String> paths = documentPaths();
        for (List<String> r : ild) {
            assertEquals(header.size(), r.size());
            String source = documentText(Path.of(paths.get(r.get(doc))));
            assertFalse(r.get(quote).isBlank());
            assertTrue(source.contains(r.get(quote)), () -> "quote is not verbatim in " + r.get(doc) + ": " + r.get(quote));
            assertTrue(Integer.parseInt(r.get(header.indexOf("statements"))) >= 1);
        }
        assertEquals(text, export("evidence-csv"), "a second export differs");
        String onlyDrug = export("evidence-csv", "--drug", "Gleevec", "--relationship", "causes");
        List<List<String>> filtered = csv(onlyDrug);
        assertTrue(filtered.size() > 1);
        filtered.stream().skip(1).forEach(r -> {
            assertEquals("imatinib", r.get(0));
            assertEquals("CAUSES", r.get(4));
        });
    }

    /** The document's text as its parser reads it (markdown emphasis rendered), which every offset refers to. */
    private static String documentText(Path file) throws Exception {
        byte[] head = Files.readAllBytes(file);
        List<org.litgraph.ingest.format.ParsedDocument> docs = new ArrayList<>();
        org.litgraph.ingest.format.Formats.parser(org.litgraph.ingest.format.Formats.detect(file.getFileName().toString(), head))
                .parse(org.litgraph.ingest.format.Source.of(file), docs::add);
        return docs.get(0).text();
    }

    private static Map<String, String> documentPaths() {
        Map<String, String> out = new HashMap<>();
        try (var s = store.session(org.neo4j.driver.AccessMode.READ)) {
            s.run("MATCH (d:Document) RETURN d.id AS id, d.path AS path").list()
                    .forEach(r -> out.put(r.get("id").asString(), r.get("path").asString(null)));
        }
        return out;
    }

    @Test
    void shouldSummariseEachConditionAndDrugPairInTheMatrixCellGrammar() throws Exception {
        List<List<String>> rows = csv(export("evidence-matrix"));
        List<String> header = rows.get(0);
        assertEquals(List.of("condition", "condition_id"), header.subList(0, 2));
        int imatinib = header.indexOf("imatinib");
        assertTrue(imatinib > 1, header.toString());
        Pattern grammar = Pattern.compile("(CAUSES|TREATS) \\d+ \\(\\d+ docs?(; against \\d+)?(; broader \\d+)?\\)"
                + "(?: / (CAUSES|TREATS) \\d+ \\(\\d+ docs?(; against \\d+)?(; broader \\d+)?\\))*");
        boolean found = false;
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(header.size(), r.size());
            for (String cell : r.subList(2, r.size())) {
                assertTrue(cell.isEmpty() || grammar.matcher(cell).matches(), () -> "bad cell: " + cell);
            }
            if (r.get(0).toLowerCase(java.util.Locale.ROOT).startsWith("interstitial lung disease")) {
                found = r.get(imatinib).matches("CAUSES [1-9]\\d* \\([1-9]\\d* docs?.*");
            }
        }
        assertTrue(found, "imatinib x interstitial lung disease cell");
    }

    @Test
    void shouldWriteClaimsWithStatementsAsJson() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export("evidence-json", "--drug", "imatinib"));
        JsonNode claims = root.get("claims");
        assertTrue(claims.isArray() && claims.size() > 0);
        for (JsonNode c : claims) {
            assertEquals("imatinib", c.get("drug").get("name").asText());
            long statements = 0;
            for (JsonNode s : c.get("sources")) {
                assertTrue(s.get("statements").size() > 0, c.toString());
                for (JsonNode st : s.get("statements")) {
                    assertEquals(st.get("end").asInt() - st.get("start").asInt(), st.get("text").asText().length());
                    statements++;
                }
            }
            assertEquals(c.get("supportingStatements").asLong() + c.get("againstStatements").asLong(), statements);
        }
    }

    @Test
    void shouldWriteOneSelfContainedHtmlPageWithEmbeddedDataAndNoExternalLinks() throws Exception {
        String html = export("evidence-html");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertNotNull(page.selectFirst("svg#bubble-map"));
        org.jsoup.nodes.Element data = page.selectFirst("script#evidence-data[type=application/json]");
        assertNotNull(data);
        JsonNode json = new ObjectMapper().readTree(data.data());
        assertTrue(json.get("bubbles").size() > 0);
        int rows = page.select("#evidence-table tbody tr").size();
        assertEquals(csv(export("evidence-csv")).size() - 1, rows);
        assertTrue(page.select("td").stream().anyMatch(td -> td.text().toLowerCase(java.util.Locale.ROOT).startsWith("interstitial lung disease")));
        for (org.jsoup.nodes.Element e : page.select("[src], [href], link, img, iframe")) {
            String url = e.attr("src") + e.attr("href");
            assertFalse(url.toLowerCase().contains("http") || url.startsWith("//"), () -> "external resource: " + e);
        }
        assertTrue(page.select("script[src], link[rel=stylesheet]").isEmpty());
        // no statement text escaped the escaping: every quote cell's text is text, not markup
        assertTrue(page.select("#evidence-table td script, #evidence-table td img").isEmpty());

        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "no /usr/bin/chromium to render the page");
        Path file = tmp.resolve("map.html");
        Files.writeString(file, html);
        Path profile = Files.createTempDirectory(tmp, "chromium");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", file.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        Matcher m = Pattern.compile("<circle[^>]*class=\"bubble\"").matcher(dom);
        int drawn = 0;
        while (m.find()) {
            drawn++;
        }
        assertEquals(json.get("bubbles").size(), drawn, "bubbles drawn by the page's script");
    }

    @Test
    void shouldWriteRisRecordsThatARisReaderAccepts() throws Exception {
        String ris = export("ris");
        Pattern tag = Pattern.compile("^[A-Z][A-Z0-9]  - .*");
        List<Map<String, List<String>>> records = new ArrayList<>();
        Map<String, List<String>> current = null;
        for (String line : ris.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            assertTrue(tag.matcher(line).matches() || line.equals("ER  - ") || line.equals("ER  -"), "bad RIS line: " + line);
            String t = line.substring(0, 2);
            if (current == null) {
                assertEquals("TY", t, "a record must start with TY: " + line);
                current = new HashMap<>();
            }
            if (t.equals("ER")) {
                records.add(current);
                current = null;
                continue;
            }
            current.computeIfAbsent(t, k -> new ArrayList<>()).add(line.substring(6));
        }
        assertEquals(null, current, "last record has no ER");
        assertEquals(referenceCount(), records.size());
        Set<String> ids = new HashSet<>();
        for (Map<String, List<String>> r : records) {
            assertTrue(r.containsKey("TI"), r.toString());
            assertTrue(ids.add(r.get("ID").get(0)), "duplicate ID");
            assertTrue(r.get("ID").get(0).matches("ref-[a-z0-9]+-(\\d{4}|nd)-[0-9a-f]{6}(-\\d+)?"), r.get("ID").toString());
        }
        assertTrue(records.stream().anyMatch(r -> r.containsKey("AU") && r.containsKey("DO") && r.containsKey("PY")));
        assertEquals(ris, export("ris"));
    }

    /** Reference nodes plus the source documents that are no publication record (web pages, notes): every source. */
    private static long referenceCount() {
        try (var s = store.session(org.neo4j.driver.AccessMode.READ)) {
            return s.run("MATCH (r:Reference) RETURN count(r) AS n").single().get("n").asLong()
                    + s.run("MATCH (d:Document) WHERE NOT (d)-[:PUBLISHED_AS]->() RETURN count(d) AS n").single().get("n").asLong();
        }
    }

    @Test
    void shouldWriteBibtexEntriesWithBalancedBracesUniqueKeysAndRequiredFields() throws Exception {
        String bib = export("bibtex");
        List<String> entries = new ArrayList<>();
        for (String chunk : bib.split("\n(?=@)")) {
            if (!chunk.isBlank()) {
                entries.add(chunk.strip());
            }
        }
        assertEquals(referenceCount(), entries.size());
        Set<String> keys = new HashSet<>();
        Pattern head = Pattern.compile("^@(article|misc)\\{([^,\\s{}]+),\\n");
        for (String e : entries) {
            Matcher m = head.matcher(e);
            assertTrue(m.find(), e);
            assertTrue(keys.add(m.group(2)), "duplicate key " + m.group(2));
            int depth = 0;
            for (int i = 0; i < e.length(); i++) {
                char c = e.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    assertTrue(depth >= 0, e);
                }
            }
            assertEquals(0, depth, "unbalanced braces: " + e);
            assertTrue(e.endsWith("}"));
            assertTrue(e.contains("\n  title = {"), e);
            if (m.group(1).equals("article")) {
                assertTrue(e.contains("\n  journal = {"), e);
            }
        }
        List<String> drugOnly = List.of(export("bibtex", "--drug", "imatinib").split("\n(?=@)"));
        assertTrue(drugOnly.size() > 0 && drugOnly.size() <= entries.size());
    }

    @Test
    void shouldWriteCslJsonArrayWithIdTypeAndTitle() throws Exception {
        JsonNode items = new ObjectMapper().readTree(export("csl-json"));
        assertTrue(items.isArray());
        assertEquals(referenceCount(), items.size());
        for (JsonNode i : items) {
            assertFalse(i.path("id").asText().isEmpty());
            assertTrue(Set.of("article-journal", "webpage", "report", "document").contains(i.path("type").asText()), i.toString());
            assertFalse(i.path("title").asText().isEmpty());
        }
    }

    @Test
    void shouldWriteGraphmlThatADomParserLoadsWithDeclaredKeysUniqueIdsAndResolvableEdges() throws Exception {
        String xml = export("graphml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals("graphml", d.getDocumentElement().getLocalName());
        Map<String, String> keyDomain = new HashMap<>();
        NodeList keys = d.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            assertTrue(Set.of("string", "long", "double", "boolean", "int", "float").contains(k.getAttribute("attr.type")));
            assertFalse(k.getAttribute("attr.name").isEmpty());
            assertEquals(null, keyDomain.put(k.getAttribute("id"), k.getAttribute("for")), "duplicate key id");
        }
        Set<String> nodeIds = new HashSet<>();
        NodeList nodes = d.getElementsByTagNameNS("*", "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            assertTrue(nodeIds.add(n.getAttribute("id")), "duplicate node id " + n.getAttribute("id"));
            checkData(n, "node", keyDomain);
        }
        NodeList edges = d.getElementsByTagNameNS("*", "edge");
        Set<String> edgeIds = new HashSet<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertTrue(edgeIds.add(e.getAttribute("id")));
            assertTrue(nodeIds.contains(e.getAttribute("source")), e.getAttribute("source"));
            assertTrue(nodeIds.contains(e.getAttribute("target")), e.getAttribute("target"));
            checkData(e, "edge", keyDomain);
        }
        try (var s = store.session(org.neo4j.driver.AccessMode.READ)) {
            // Passage nodes (the text cut up for search) are not exported
            var r = s.run("MATCH (n) WHERE NOT n:Passage WITH count(n) AS n MATCH (a)-[r]->() WHERE NOT a:Passage RETURN n, count(r) AS r").single();
            assertEquals(r.get("n").asInt(), nodes.getLength());
            assertEquals(r.get("r").asInt(), edges.getLength());
        }
        assertTrue(xml.contains("<data key=\"labels\">:Drug:Entity</data>"));
    }

    private static void checkData(Element owner, String domain, Map<String, String> keyDomain) {
        NodeList data = owner.getElementsByTagNameNS("*", "data");
        for (int j = 0; j < data.getLength(); j++) {
            String key = ((Element) data.item(j)).getAttribute("key");
            assertEquals(domain, keyDomain.get(key), "undeclared or misplaced key " + key);
        }
    }

    @Test
    void shouldWriteKgxNodesAndEdgesWhoseEndpointsAreAllNodes() throws Exception {
        Path dir = Path.of(export("kgx"));
        List<String> nodeLines = Files.readAllLines(dir.resolve("nodes.tsv"));
        List<String> edgeLines = Files.readAllLines(dir.resolve("edges.tsv"));
        List<String> nh = List.of(nodeLines.get(0).split("\t", -1));
        List<String> eh = List.of(edgeLines.get(0).split("\t", -1));
        assertTrue(nh.containsAll(List.of("id", "category", "name", "synonym", "xref", "provided_by")), nh.toString());
        assertTrue(eh.containsAll(List.of("id", "subject", "predicate", "object", "category", "knowledge_level",
                "agent_type", "primary_knowledge_source", "publications", "has_evidence_count", "has_confidence_level",
                "negated")), eh.toString());
        Map<String, String> category = new HashMap<>();
        for (String line : nodeLines.subList(1, nodeLines.size())) {
            String[] c = line.split("\t", -1);
            assertEquals(nh.size(), c.length, line);
            assertTrue(c[nh.indexOf("category")].startsWith("biolink:"), line);
            assertEquals(null, category.put(c[0], c[nh.indexOf("category")]), "duplicate node " + c[0]);
        }
        assertEquals("biolink:Drug", category.get("MESH:D000068877"));
        assertEquals("biolink:DiseaseOrPhenotypicFeature", category.get("MESH:D017563"));
        boolean causesIld = false;
        Set<String> levels = Set.of("knowledge_assertion", "prediction", "observation", "not_provided");
        for (String line : edgeLines.subList(1, edgeLines.size())) {
            String[] c = line.split("\t", -1);
            assertEquals(eh.size(), c.length, line);
            String subject = c[eh.indexOf("subject")];
            String object = c[eh.indexOf("object")];
            assertTrue(category.containsKey(subject), "edge subject not a node: " + subject);
            assertTrue(category.containsKey(object), "edge object not a node: " + object);
            assertTrue(c[eh.indexOf("predicate")].startsWith("biolink:"));
            assertTrue(levels.contains(c[eh.indexOf("knowledge_level")]), line);
            assertTrue(Set.of("True", "False").contains(c[eh.indexOf("negated")]));
            for (String pub : c[eh.indexOf("publications")].split("\\|")) {
                assertTrue(pub.isEmpty() || pub.startsWith("PMID:") || pub.startsWith("DOI:"), pub);
            }
            if (subject.equals("MESH:D000068877") && object.equals("MESH:D017563")
                    && c[eh.indexOf("predicate")].equals("biolink:causes") && c[eh.indexOf("negated")].equals("False")) {
                causesIld = true;
                assertEquals("text_mining_agent", c[eh.indexOf("agent_type")]);
                assertTrue(Integer.parseInt(c[eh.indexOf("has_evidence_count")]) >= 1);
            }
        }
        assertTrue(causesIld, "imatinib causes interstitial lung disease edge");
    }
}
