package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile XML for every XML parser: no file or network access, fast clean failures. */
class XmlSecurityTest {
    @TempDir
    Path dir;

    /** A minimal document of each format with {@code payload} where text goes. */
    private static String wrap(Format f, String doctype, String payload) {
        return switch (f) {
            case PUBMED_XML -> "<?xml version=\"1.0\"?>\n" + doctype
                    + "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>"
                    + payload + "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>";
            case JATS_XML -> "<?xml version=\"1.0\"?>\n" + doctype
                    + "<article article-type=\"research-article\"><front><article-meta><title-group><article-title>"
                    + payload + "</article-title></title-group></article-meta></front></article>";
            case BIOC_XML -> "<?xml version=\"1.0\"?>\n" + doctype
                    + "<collection><source>x</source><document><id>1</id><passage><offset>0</offset><text>"
                    + payload + "</text></passage></document></collection>";
            default -> throw new IllegalArgumentException(f.toString());
        };
    }

    private static String root(Format f) {
        return switch (f) {
            case PUBMED_XML -> "PubmedArticleSet";
            case JATS_XML -> "article";
            default -> "collection";
        };
    }

    private List<ParsedDocument> parseFile(Format f, String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        List<ParsedDocument> out = new ArrayList<>();
        Formats.parser(f).parse(Source.of(p), out::add);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"PUBMED_XML", "JATS_XML", "BIOC_XML"})
    void shouldNeitherLeakALocalFileNorFetchAnythingForExternalEntities(Format f) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String base = "http://127.0.0.1:" + server.getLocalPort();
            String doctype = "<!DOCTYPE " + root(f) + " SYSTEM \"" + base + "/evil.dtd\" [\n"
                    + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n"
                    + "  <!ENTITY net SYSTEM \"" + base + "/leak\">\n"
                    + "  <!ENTITY % remote SYSTEM \"" + base + "/param.dtd\"> %remote;\n]>\n";
            String xml = wrap(f, doctype, "a &xxe; b &net;");
            List<ParsedDocument> docs = new ArrayList<>();
            try {
                docs = parseFile(f, "xxe.xml", xml.getBytes(StandardCharsets.UTF_8));
            } catch (ParseException expected) {
                assertFalse(expected.getMessage().contains("TOP-SECRET"), expected.getMessage());
            }
            for (ParsedDocument d : docs) {
                assertFalse(d.text().contains("TOP-SECRET"), "file contents leaked");
            }
            AtomicInteger connections = new AtomicInteger();
            try {
                server.accept().close();
                connections.incrementAndGet();
            } catch (SocketTimeoutException none) {
                // nothing connected: good
            }
            assertEquals(0, connections.get(), "the parser opened a network connection");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"PUBMED_XML", "JATS_XML", "BIOC_XML"})
    void shouldRejectBillionLaughsQuickly(Format f) {
        StringBuilder dt = new StringBuilder("<!DOCTYPE " + root(f) + " [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dt.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dt.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dt.append("\">\n");
        }
        dt.append("]>\n");
        byte[] xml = wrap(f, dt.toString(), "&lol9;").getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ParseException e = assertThrows(ParseException.class, () -> parseFile(f, "lol.xml", xml));
            assertTrue(e.getMessage().contains("lol"), e.getMessage());
        });
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"PUBMED_XML", "JATS_XML", "BIOC_XML"})
    void shouldReportTruncatedXmlWithItsLine(Format f) {
        String full = wrap(f, "", "A complete title");
        String cut = full.substring(0, full.length() - 25).replace("><", ">\n<");
        ParseException e = assertThrows(ParseException.class,
                () -> parseFile(f, "cut.xml", cut.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().matches("(?s)(truncated|malformed) XML at line \\d+, column \\d+ in .*cut\\.xml.*"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"PUBMED_XML", "JATS_XML", "BIOC_XML"})
    void shouldRejectBinaryGarbageNamedXml(Format f) {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        assertThrows(ParseException.class, () -> parseFile(f, "junk.xml", junk));
        assertThrows(ParseException.class, () -> parseFile(f, "empty.xml", new byte[0]));
    }

    @Test
    void shouldRefuseHostileNestingWithoutOverflowingTheStack() {
        String xml = "<article>" + "<sec>".repeat(200_000) + "</sec>".repeat(200_000) + "</article>";
        ParseException e = assertThrows(ParseException.class,
                () -> parseFile(Format.JATS_XML, "deep.xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void shouldRejectAnUndeclaredEntityCleanly() {
        String xml = wrap(Format.PUBMED_XML, "", "caf&eacute;");
        ParseException e = assertThrows(ParseException.class,
                () -> parseFile(Format.PUBMED_XML, "ent.xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("eacute"), e.getMessage());
    }

    @Test
    void shouldRejectAWrongRootElement() throws IOException {
        ParseException e = assertThrows(ParseException.class, () -> parseFile(Format.PUBMED_XML, "o.xml",
                "<other><x/></other>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("<other>"), e.getMessage());
    }
}
