package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlParserTest {
    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Site | Page</title>
            <meta name="citation_title" content="Tendon pain during therapy with drug K">
            <meta name="citation_doi" content="doi:10.9999/made.up.1">
            <meta name="citation_pmid" content="555">
            <meta name="citation_journal_title" content="Journal of Invented Cases">
            <meta name="citation_publication_date" content="2022/04/01">
            <meta name="citation_author" content="Nguyen, T"><meta name="citation_author" content="Okafor, C">
            <meta name="dc.publisher" content="Example House">
            <script>var tracking = "TRACKER";</script><style>.x{}</style></head>
            <body><header>SITE HEADER</header><nav><a href="/">HOME MENU</a></nav>
            <div class="cookie-banner">We use COOKIES</div>
            <div id="breadcrumbs">Home &gt; Journals</div>
            <article>
              <h1>Tendon pain during therapy with drug K</h1>
              <div class="share-bar">SHARE ON SOCIAL</div>
              <h2>Case</h2><p>A runner developed heel pain on day <b>five</b>.</p>
              <ul><li>Pain resolved after stopping.</li></ul>
              <table><caption>Table 1. Timeline</caption><tr><th colspan="2">Day</th></tr>
              <tr><td>1</td><td>5</td></tr></table>
              <h2>References</h2>
              <ol><li>Author A. An older report. J Inv. 2019;1:2. doi: 10.9999/old.2.</li>
              <li>Author B. Another, <a href="https://doi.org/10.9999/linked.3">link</a>. PMID: 12345</li></ol>
            </article>
            <aside>RELATED SIDEBAR</aside><footer>SITE FOOTER</footer></body></html>
            """;

    @Test
    void shouldKeepTheArticleAndDropPageFurniture() throws Exception {
        ParsedDocument d = TestData.parse(Format.HTML, "p.html", PAGE).get(0);
        for (String junk : List.of("SITE HEADER", "HOME MENU", "COOKIES", "Journals", "SHARE ON", "TRACKER",
                "SIDEBAR", "SITE FOOTER")) {
            assertFalse(d.text().contains(junk), junk + " in " + d.text());
        }
        assertTrue(d.text().startsWith("Tendon pain during therapy with drug K\n\nCase\n\n"
                + "A runner developed heel pain on day five.\n\nPain resolved after stopping."), d.text());
        assertEquals(List.of("Tendon pain during therapy with drug K", "Case", "References"),
                d.sections().stream().map(ParsedDocument.Section::title).toList());
        assertEquals(List.of("Day", "Day"), d.tables().get(0).rows().get(0).stream().map(ParsedDocument.Cell::text).toList());
        assertEquals("Table 1. Timeline", d.tables().get(0).caption());
        TestData.assertOffsetsConsistent(d);
    }

    @Test
    void shouldReadCitationMetaTagsAndTheReferenceList() throws Exception {
        ParsedDocument d = TestData.parse(Format.HTML, "p.html", PAGE).get(0);
        ParsedDocument.Metadata m = d.metadata();
        assertEquals("Tendon pain during therapy with drug K", m.title());
        assertEquals("10.9999/made.up.1", m.doi());
        assertEquals("555", m.pmid());
        assertEquals("Journal of Invented Cases", m.journal());
        assertEquals(2022, m.year());
        assertEquals(List.of("Nguyen, T", "Okafor, C"), m.authors());
        assertEquals("Example House", m.publisher());
        assertEquals(2, d.references().size());
        assertEquals("10.9999/old.2", d.references().get(0).doi());
        assertEquals(2019, d.references().get(0).year());
        assertEquals("10.9999/linked.3", d.references().get(1).doi());
        assertEquals("12345", d.references().get(1).pmid());
    }

    @Test
    void shouldSurviveDeeplyNestedMarkup() throws Exception {
        String html = "<html><body>" + "<div>".repeat(50_000) + "<p>deep text</p>" + "</div>".repeat(50_000)
                + "</body></html>";
        ParsedDocument d = TestData.parse(Format.HTML, "deep.html", html).get(0);
        assertTrue(d.text().contains("deep text"));
    }

    @Test
    void shouldReadTheSharedPubMedHtmlPage() throws Exception {
        ParsedDocument d = TestData.parse(Format.HTML,
                TestData.data("pubmed/debian-python-biopython-doc/pubmed3.html")).get(0);
        assertEquals("PmFetch response", d.metadata().title());
        assertTrue(d.text().contains("19304878"), "the preformatted record is kept");
        assertTrue(d.text().contains("\n"), "preformatted line breaks are kept");
    }
}
