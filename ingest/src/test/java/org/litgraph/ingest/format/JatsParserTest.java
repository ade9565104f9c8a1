package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.Cell;

class JatsParserTest {
    private static final Pattern ARTICLE = Pattern.compile("<article[\\s>]");
    private static final Pattern ARTICLE_TYPE = Pattern.compile("<article[^>]*\\sarticle-type=\"([^\"]+)\"");
    private static final Pattern REF = Pattern.compile("<ref[\\s>]");

    @Test
    void shouldParseEveryJatsFileWithTitleTypeAndEveryReference() throws Exception {
        int files = 0;
        for (Path f : TestData.files("jats")) {
            if (f.getFileName().toString().equals("PROVENANCE.tsv")) {
                continue;
            }
            String xml = TestData.content(f);
            List<ParsedDocument> docs = TestData.parse(Format.JATS_XML, f);
            assertEquals(TestData.count(ARTICLE, xml), docs.size(), f.toString());
            ParsedDocument d = docs.get(0);
            assertNotNull(d.metadata().title(), f.toString());
            assertTrue(d.text().startsWith(d.metadata().title()), f.toString());
            Matcher type = ARTICLE_TYPE.matcher(xml);
            if (type.find()) {
                assertEquals(type.group(1), d.metadata().articleType(), f.toString());
            }
            // a ref holding no citation at all is not a reference
            assertEquals(TestData.count(REF, xml), d.references().size(), "references of " + f);
            assertFalse(d.text().contains("<italic>") || d.text().contains("<xref"), f.toString());
            TestData.assertOffsetsConsistent(d);
            files++;
        }
        assertTrue(files >= 45, "JATS files: " + files);
    }

    @Test
    void shouldReadTheCaseReportUnwrappedFromItsOaiPmhEnvelope() throws Exception {
        Path f = TestData.data("jats/pubmed-client/PMC7500000.xml");
        ParsedDocument d = TestData.parse(Format.JATS_XML, f).get(0);
        ParsedDocument.Metadata m = d.metadata();
        assertEquals(SourceType.CASE_REPORT, m.sourceType());
        assertEquals("case-report", m.articleType());
        assertEquals("Multiple paragangliomas: a case report", m.title());
        assertEquals("32948182", m.pmid());
        assertEquals("PMC7500000", m.pmcid());
        assertEquals("10.1186/s12920-020-00789-8", m.doi());
        assertEquals("BMC Medical Genomics", m.journal());
        assertEquals(2020, m.year());
        assertEquals("2020-09-18", m.published());
        assertEquals(34, d.references().size());
        assertEquals(1, d.references().get(0).number());
        assertFalse(m.authors().isEmpty());
        assertTrue(d.sections().stream().anyMatch(s -> s.title().equals("Abstract") || s.title().equals("Background")));
    }

    @Test
    void shouldReadATableWithItsHeaderAndCells() throws Exception {
        ParsedDocument d = TestData.parse(Format.JATS_XML, TestData.data("jats/jcore-base/PMC7511315.xml")).get(0);
        assertEquals(SourceType.RESEARCH_ARTICLE, d.metadata().sourceType());
        assertEquals("10.1038/s41467-020-18396-7", d.metadata().doi());
        assertTrue(d.metadata().title().startsWith("Transcriptomic profiling of human cardiac cells"));
        ParsedDocument.Table t = d.tables().get(0);
        assertTrue(t.caption().startsWith("Table 1"), t.caption());
        assertEquals("Drug", t.rows().get(0).get(0).text());
        List<Cell> afatinib = t.rows().stream().filter(r -> r.get(0).text().equals("Afatinib")).findFirst()
                .orElseThrow();
        assertEquals("AFA", afatinib.get(1).text());
        assertEquals("AFA", d.text().substring(afatinib.get(1).start(), afatinib.get(1).end()));
        assertTrue(d.references().stream().anyMatch(r -> r.doi() != null));
    }

    @Test
    void shouldMapReviewsAndReadPmcArticleSets() throws Exception {
        ParsedDocument review = TestData.parse(Format.JATS_XML,
                TestData.data("jats/jcore-base/PMC2758189.nxml.gz")).get(0);
        assertEquals(SourceType.REVIEW, review.metadata().sourceType());
        List<ParsedDocument> set = TestData.parse(Format.JATS_XML,
                TestData.data("pubmed/debian-python-biopython-doc/efetch_pmc.xml"));
        assertEquals(1, set.size());
        assertEquals("correction", set.get(0).metadata().articleType());
    }

    @Test
    void shouldRenderNestedSectionsFloatingTablesAndColspans() throws Exception {
        String xml = """
                <article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
                <front><journal-meta><journal-title-group><journal-title>Imaginary Pharmacology</journal-title>
                </journal-title-group><publisher><publisher-name>Nobody Press</publisher-name></publisher></journal-meta>
                <article-meta><article-id pub-id-type="pmid">77</article-id>
                <title-group><article-title>Liver injury with <italic>compound Z</italic></article-title></title-group>
                <contrib-group><contrib contrib-type="author"><name><surname>Smith</surname><given-names>Anna Beth</given-names></name></contrib></contrib-group>
                <pub-date pub-type="epub"><day>3</day><month>2</month><year>2021</year></pub-date>
                <kwd-group><kwd>hepatotoxicity</kwd></kwd-group>
                <abstract><p>We saw raised enzymes.</p></abstract></article-meta></front>
                <body><sec><title>Methods</title><p>We counted cases.
                <table-wrap><label>Table 1</label><caption><p>Counts</p></caption><table>
                <tr><th colspan="2">Group</th><th>N</th></tr><tr><td>A</td><td>B</td><td>3</td></tr></table></table-wrap>
                </p><sec><title>Subgroups</title><p>None.</p>
                <fig><label>Figure 1</label><caption><p>A drawing.</p></caption></fig></sec></sec></body>
                <back><ref-list><title>References</title><ref><label>1</label><element-citation>
                <person-group><name><surname>Lee</surname><given-names>K</given-names></name></person-group>
                <article-title>A study</article-title><source>J Imag</source><year>2019</year>
                <pub-id pub-id-type="doi">10.5555/xyz</pub-id></element-citation></ref></ref-list></back></article>
                """;
        ParsedDocument d = TestData.parse(Format.JATS_XML, "a.nxml", xml).get(0);
        assertEquals("Liver injury with compound Z", d.metadata().title());
        assertEquals(List.of("Smith AB"), d.metadata().authors());
        assertEquals("Imaginary Pharmacology", d.metadata().journal());
        assertEquals("Nobody Press", d.metadata().publisher());
        assertEquals("2021-02-03", d.metadata().published());
        assertEquals(List.of("Abstract", "Methods", "Subgroups", "References"),
                d.sections().stream().map(ParsedDocument.Section::title).toList());
        assertEquals(List.of("Group", "Group", "N"),
                d.tables().get(0).rows().get(0).stream().map(Cell::text).toList());
        assertTrue(d.text().contains("We counted cases.\n\nTable 1 Counts\n\nGroup\tGroup\tN\nA\tB\t3"), d.text());
        assertTrue(d.text().contains("Figure 1 A drawing."));
        ParsedDocument.Reference r = d.references().get(0);
        assertEquals("Lee K. A study. J Imag. 2019. 10.5555/xyz", r.citation());
        assertEquals("10.5555/xyz", r.doi());
        assertEquals(2019, r.year());
        assertEquals("A study", r.title());
        TestData.assertOffsetsConsistent(d);
    }
}
