package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static byte[] head(Path f) throws Exception {
        try (InputStream in = Source.of(f).open()) {
            return in.readNBytes(Formats.SNIFF_BYTES);
        }
    }

    private static Format expected(Path f) {
        String n = f.getFileName().toString();
        if (n.equals("efetch_pmc.xml") || f.toString().contains("/jats/")) {
            return Format.JATS_XML;
        }
        if (n.endsWith(".html")) {
            return Format.HTML;
        }
        if (n.matches(".*\\.txt(\\.gz)?")) {
            return Format.MEDLINE_TEXT;
        }
        return Format.PUBMED_XML;
    }

    @Test
    void shouldDetectTheFormatOfEverySharedFileByContent() throws Exception {
        int checked = 0;
        for (String dir : new String[] {"pubmed", "jats"}) {
            for (Path f : TestData.files(dir)) {
                String n = f.getFileName().toString();
                if (n.equals("PROVENANCE.tsv") || n.startsWith("LICENSE")) {
                    continue;
                }
                assertEquals(expected(f), Formats.detect(Source.of(f).name(), head(f)), f.toString());
                // the name alone must not matter when the content is clear
                assertEquals(expected(f), Formats.detect("unnamed", head(f)), f.toString());
                checked++;
            }
        }
        assertEquals(Format.PUBTATOR, Formats.detect("x", head(TestData.data("bc5cdr/CDR_DevelopmentSet.PubTator.txt"))));
        assertEquals(Format.BIOC_XML, Formats.detect("x", head(TestData.data("bc5cdr/CDR_DevelopmentSet.BioC.xml"))));
        assertEquals(31 + 45, checked, "31 PubMed files and 45 JATS articles");
    }

    @Test
    void shouldDetectSyntheticHeadsAndFallBackToExtensions() {
        assertEquals(Format.PDF, Formats.detect("a.bin", bytes("%PDF-1.7\n%...")));
        assertEquals(Format.BIOC_JSON, Formats.detect("a", bytes("[{\"source\":\"x\",\"documents\":[]}]")));
        assertEquals(Format.BIOC_JSON, Formats.detect("a", bytes("{\"id\":\"1\",\"passages\":[]}")));
        assertEquals(Format.HTML, Formats.detect("a", bytes("<!DOCTYPE html>\n<html lang=en>")));
        assertEquals(Format.HTML, Formats.detect("a", bytes("  <HTML><body>")));
        assertEquals(Format.JATS_XML, Formats.detect("a",
                bytes("<?xml version=\"1.0\"?><!-- c --><!DOCTYPE article [ <!ENTITY x \"y\"> ]><article article-type=\"review-article\">")));
        assertEquals(Format.PUBMED_XML, Formats.detect("a", bytes("<PubmedArticle><MedlineCitation>")));
        assertEquals(Format.MEDLINE_TEXT, Formats.detect("a", bytes("\nPMID- 1\nTI  - x")));
        assertEquals(Format.PUBTATOR, Formats.detect("a", bytes("12|t|A title\n12|a|An abstract")));
        assertEquals(Format.HTML, Formats.detect("page.htm", bytes("plain words")));
        assertEquals(Format.PDF, Formats.detect("paper.pdf", new byte[0]));
        assertEquals(Format.JATS_XML, Formats.detect("paper.nxml.gz", bytes("")));
        assertEquals(Format.PLAIN_TEXT, Formats.detect("notes.md", bytes("# Notes\nSome text")));
        assertEquals(Format.PLAIN_TEXT, Formats.detect("x.xml", bytes("<unknown/>")));
        assertEquals(Format.PLAIN_TEXT, Formats.detect(null, null));
    }

    @Test
    void shouldResolveEveryLabelAndHaveOneParserPerFormat() {
        for (Format f : Format.values()) {
            assertEquals(Optional.of(f), Formats.parseName(f.label()));
            assertEquals(Optional.of(f), Formats.parseName(f.name().toLowerCase()));
            assertNotNull(Formats.parser(f));
            assertEquals(f, Formats.parser(f).format());
        }
        assertEquals(Optional.empty(), Formats.parseName("docx"));
        assertEquals(Optional.empty(), Formats.parseName(null));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
