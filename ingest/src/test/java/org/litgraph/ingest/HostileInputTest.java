package org.litgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;

/**
 * Hostile files, each beside a good file, through the {@link Ingestor}: each is skipped with a
 * clear reason (or read harmlessly), nothing leaks, nothing connects, and the good file is ingested.
 */
class HostileInputTest {
    private static final String GOOD = "A 70-year-old woman developed a rash after starting amiodarone 200 mg/day. "
            + "Amiodarone-induced rash resolved after discontinuation of amiodarone.\n";

    private static String pubmed(String doctype, String title) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>4242</PMID>"
                + "<Article><ArticleTitle>" + title + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                + "</PubmedArticleSet>\n";
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> reasons(IngestReport report) {
        return report.skipped().stream()
                .collect(Collectors.toMap(s -> s.file().getFileName().toString(), IngestReport.Skipped::reason));
    }

    private static long count(Store store, String cypher, Map<String, Object> params) {
        try (Session s = store.session(AccessMode.READ)) {
            return s.run(cypher, params).single().get(0).asLong();
        }
    }

    @Test
    void shouldSkipEachHostileFileWithAClearReasonAndStillIngestTheGoodOne(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret").resolve("passwords.txt");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "TOPSECRET-4711");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), GOOD);
        Files.writeString(in.resolve("xxe-file.xml"), pubmed("<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n", "leak &x; here"));
        Files.writeString(in.resolve("billion-laughs.xml"), pubmed("<!DOCTYPE PubmedArticleSet [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
                + "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>\n", "&i;"));
        String full = pubmed("", "Amiodarone and pulmonary toxicity");
        Files.writeString(in.resolve("truncated.xml"), full.substring(0, full.length() / 2));
        byte[] gz = gzip(full.getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("truncated.xml.gz"), Arrays.copyOf(gz, gz.length / 2));
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(in.resolve("binary.xml"), noise);
        Files.write(in.resolve("invalid-utf8.txt"), new byte[] {'A', 'b', ' ', (byte) 0xc3, (byte) 0x28, ' ', (byte) 0xff, 'x', '\n'});
        Files.write(in.resolve("zero.txt"), new byte[0]);
        Files.writeString(in.resolve("nested.html"), "<html><body>" + "<div>".repeat(200_000) + "deep"
                + "</div>".repeat(200_000) + "</body></html>");

        Store store = TestNeo4j.emptyStore();
        IngestReport report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new Ingestor(store).ingest(List.of(in)));
        Map<String, String> reasons = reasons(report);

        assertEquals(9, report.files());
        assertNull(reasons.get("good.txt"), reasons::toString);
        assertEquals(1, count(store, "MATCH (d:Document) WHERE d.path ENDS WITH 'good.txt' RETURN count(d)", Map.of()));
        assertTrue(count(store, "MATCH (:Drug {name: 'amiodarone'})<-[:MENTIONS]-(d:Document) RETURN count(d)", Map.of()) >= 1);
        // the external entity is neither resolved nor leaked, whatever happens to its file
        assertEquals(0, count(store, "MATCH (d:Document) WHERE d.title CONTAINS $s OR d.name CONTAINS $s RETURN count(d)",
                Map.of("s", "TOPSECRET")));
        assertTrue(reasons.get("xxe-file.xml").contains("xxe-file.xml"), reasons::toString);
        assertTrue(reasons.get("billion-laughs.xml").toLowerCase().contains("entity"), reasons::toString);
        assertTrue(reasons.get("truncated.xml").contains("truncated XML"), reasons::toString);
        assertTrue(reasons.get("truncated.xml.gz").contains("truncated"), reasons::toString);
        assertTrue(reasons.get("binary.xml").contains("binary") || reasons.get("binary.xml").contains("UTF-8"),
                reasons::toString);
        assertTrue(reasons.get("invalid-utf8.txt").contains("invalid UTF-8"), reasons::toString);
        assertTrue(reasons.get("zero.txt").contains("empty"), reasons::toString);
        // deep HTML is either refused or read flat; it must not take the run down
        String nested = reasons.get("nested.html");
        assertTrue(nested == null || nested.contains("nest") || nested.contains("deep"), reasons::toString);
        assertEquals(report.files() - (nested == null ? 7 : 8), report.files() - report.skipped().size(),
                reasons::toString);
    }

    @Test
    void shouldNeverConnectToAUrlNamedByAnExternalEntity(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        server.accept().close();
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x";
            Files.writeString(dir.resolve("good.txt"), GOOD);
            Files.writeString(dir.resolve("xxe-http.xml"), pubmed("<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM \""
                    + url + "\">]>\n", "fetch &x; now"));
            Files.writeString(dir.resolve("dtd-http.xml"), pubmed("<!DOCTYPE PubmedArticleSet SYSTEM \"" + url + "\">\n",
                    "Imatinib and pulmonary fibrosis"));
            IngestReport report = new Ingestor(TestNeo4j.emptyStore()).ingest(List.of(dir));
            Thread.sleep(700);
            assertEquals(0, connections.get(), "a connection arrived at " + url);
            Map<String, String> reasons = reasons(report);
            assertNull(reasons.get("good.txt"), reasons::toString);
            assertTrue(reasons.containsKey("xxe-http.xml"), reasons::toString);
            // an external DTD is skipped, not fetched: the record itself is read
            assertNull(reasons.get("dtd-http.xml"), reasons::toString);
            assertEquals(2, report.documentsWritten(), reasons::toString);
        }
    }

    @Test
    void shouldStopAGzipBombAtTheCapWithAClearReason(@TempDir Path dir) throws Exception {
        // 64 MiB of XML white space compress to ~64 KiB; with the cap at 16 MiB reading stops early
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("<?xml version=\"1.0\"?>\n<PubmedArticleSet>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(spaces);
            }
            out.write("</PubmedArticleSet>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(bytes.size() < 1 << 20, "bomb is " + bytes.size() + " bytes");
        Files.write(dir.resolve("bomb.xml.gz"), bytes.toByteArray());
        Files.writeString(dir.resolve("good.txt"), GOOD);
        String old = System.getProperty("litgraph.maxDecompressedMiB");
        System.setProperty("litgraph.maxDecompressedMiB", "16");
        try {
            IngestReport report = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new Ingestor(TestNeo4j.emptyStore()).ingest(List.of(dir)));
            Map<String, String> reasons = reasons(report);
            assertTrue(reasons.get("bomb.xml.gz").contains("expands beyond 16 MiB"), reasons::toString);
            assertEquals(1, report.documentsWritten());
        } finally {
            if (old == null) {
                System.clearProperty("litgraph.maxDecompressedMiB");
            } else {
                System.setProperty("litgraph.maxDecompressedMiB", old);
            }
        }
    }

    private static void oneLine(Path file, long bytes) throws IOException {
        // one line, no sentence punctuation: a worst case for sentence splitting and relation pairing
        String[] words = {"imatinib", "pulmonary", "fibrosis", "patients", "were", "treated", "with", "and", "rash",
                "amiodarone", "developed", "the", "of", "dose", "toxicity", "lung", "after", "weeks"};
        Random random = new Random(11);
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            while (written < bytes) {
                String word = words[random.nextInt(words.length)];
                w.write(word);
                w.write(' ');
                written += word.length() + 1;
            }
        }
    }

    @Test
    void shouldRefuseA50MegabyteSingleLineTextQuicklyAndReadAMegabyteOne(@TempDir Path dir) throws Exception {
        oneLine(dir.resolve("one-line-50mb.txt"), 50L * 1000 * 1000);
        oneLine(dir.resolve("one-line-1mb.txt"), 1000L * 1000);
        Files.writeString(dir.resolve("good.txt"), GOOD);
        long t0 = System.nanoTime();
        IngestReport report = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> new Ingestor(TestNeo4j.emptyStore()).ingest(List.of(dir)));
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        System.out.println("50 MB + 1 MB single-line text: " + ms + " ms, " + report);
        Map<String, String> reasons = reasons(report);
        assertTrue(reasons.get("one-line-50mb.txt").contains("larger than 4 MiB of text"), reasons::toString);
        assertNull(reasons.get("one-line-1mb.txt"), reasons::toString);
        assertEquals(2, report.documentsWritten());
        // the run-on megabyte was cut into statements no longer than the splitter's cap
        Store store = TestNeo4j.store();
        assertEquals(0, count(store, "MATCH (e:Evidence) WHERE size(e.text) > 4000 RETURN count(e)", Map.of()));
        assertTrue(count(store, "MATCH (e:Evidence) RETURN count(e)", Map.of()) > 0);
    }
}
