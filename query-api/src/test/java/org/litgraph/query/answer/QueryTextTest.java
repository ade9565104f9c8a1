package org.litgraph.query.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure text handling of answers and search: quantities as stated, escaping, highlighting, age bands. */
class QueryTextTest {

    @Test
    void shouldKeepQuantitativeFragmentsVerbatim() {
        assertEquals(List.of("One out of four elderly patients"),
                Quantities.find("One out of four elderly patients treated with X developed infections"));
        assertEquals(List.of("10% of cases"), Quantities.find("reaching severe levels in 10% of cases 3"));
        assertEquals(List.of("very low incidence"), Quantities.find("occur at very low incidence during X therapy 2"));
        assertEquals(List.of("incidence of 2.1 per 100"), Quantities.find("an incidence of 2.1 per 100"));
        assertEquals(List.of(), Quantities.find("no numbers here"));
    }

    @Test
    void shouldEscapeLuceneSyntaxInExpansionsAndUserWords() {
        String q = CaseSearch.lucene(new CaseSearch.All(List.of(
                new CaseSearch.Leaf(new CaseSearch.Term("x", null, List.of("STI-571", "imatinib"), false)),
                new CaseSearch.Leaf(new CaseSearch.Term("AND", null, List.of("a:b) OR (c"), false)))));
        assertEquals("(+(\"sti 571\" OR imatinib) +\"a\\:b or c\")", q);
        CaseSearch.parse(q); // parses
    }

    @Test
    void shouldMarkMatchesInTextAndHtml() {
        var query = CaseSearch.parse("imatinib OR \"lung disease\"");
        String text = CaseSearch.highlight(query, "Imatinib <b> caused lung disease.", false);
        assertTrue(text.contains("[[Imatinib]]") && text.contains("[[lung]] [[disease]]"), text);
        String html = CaseSearch.highlight(query, "Imatinib <b> caused lung disease.", true);
        assertTrue(html.contains("<mark>Imatinib</mark>") && html.contains("&lt;b&gt;"), html);
    }

    @Test
    void shouldBandAges() {
        assertEquals("0-17", CaseSearch.ageBand(17));
        assertEquals("18-44", CaseSearch.ageBand(44));
        assertEquals("45-64", CaseSearch.ageBand(64));
        assertEquals("65+", CaseSearch.ageBand(73));
        assertEquals(null, CaseSearch.ageBand(null));
    }
}
