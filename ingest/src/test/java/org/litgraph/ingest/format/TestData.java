package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Access to the shared real data (read at test time, never copied) and common checks. */
final class TestData {
    private TestData() {
    }

    static Path shared() {
        String p = System.getProperty("litgraph.shared", "../shared");
        Path dir = Path.of(p).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("data")), "shared data missing at " + dir);
        return dir;
    }

    static Path data(String relative) {
        Path p = shared().resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "missing " + p);
        return p;
    }

    static List<Path> files(String relative) throws IOException {
        try (Stream<Path> s = Files.walk(data(relative))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<ParsedDocument> parse(Format format, Path file) throws IOException, ParseException {
        List<ParsedDocument> out = new ArrayList<>();
        Formats.parser(format).parse(Source.of(file), out::add);
        return out;
    }

    static List<ParsedDocument> parse(Format format, String name, String content) throws IOException, ParseException {
        List<ParsedDocument> out = new ArrayList<>();
        Formats.parser(format).parse(Source.of(name, content.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    /** The decompressed content, read independently of the parsers. */
    static String content(Path file) throws IOException {
        try (InputStream in = Source.of(file).open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Every offset a document states lies inside its text and agrees with it. */
    static void assertOffsetsConsistent(ParsedDocument d) {
        int len = d.text().length();
        String where = d.metadata().location() + " " + d.metadata().pmid();
        for (ParsedDocument.Section s : d.sections()) {
            assertTrue(0 <= s.start() && s.start() <= s.end() && s.end() <= len, "section " + s + " " + where);
            if (s.title() != null && !s.title().isEmpty() && d.metadata().format() != Format.PUBTATOR
                    && d.metadata().format() != Format.BIOC_XML && d.metadata().format() != Format.BIOC_JSON) {
                assertTrue(d.text().startsWith(s.title(), s.start()), "section heading " + s.title() + " " + where);
            }
        }
        for (ParsedDocument.Table t : d.tables()) {
            assertTrue(0 <= t.start() && t.end() <= len, "table " + where);
            for (List<ParsedDocument.Cell> row : t.rows()) {
                for (ParsedDocument.Cell c : row) {
                    assertEquals(c.text(), d.text().substring(c.start(), c.end()), "cell " + where);
                }
            }
        }
        for (ParsedDocument.Reference r : d.references()) {
            assertTrue(0 <= r.start() && r.start() <= r.end() && r.end() <= len, "reference " + where);
            if (r.citation() != null) {
                assertTrue(d.text().substring(r.start(), r.end()).endsWith(r.citation().strip()), "reference " + where);
            }
        }
        for (ParsedDocument.Annotation a : d.annotations()) {
            assertTrue(0 <= a.start() && a.start() <= a.end() && a.end() <= len, "annotation " + a + " " + where);
        }
    }
}
