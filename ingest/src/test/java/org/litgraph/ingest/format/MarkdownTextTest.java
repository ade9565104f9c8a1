package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @Test
    void shouldDropBoldMarkersAndKeepLinkWords() {
        assertEquals("Lung injury from drug X appears within weeks.",
                MarkdownText.render("Lung injury from **drug X** appears within weeks."));
        assertEquals("Write to the support team today.",
                MarkdownText.render("Write to [the support team](https://example.org/contact) today."));
        assertEquals("2 * 3 = 6 and a_b_c stay", MarkdownText.render("2 * 3 = 6 and a_b_c stay"));
        assertEquals("cites [1] [3]", MarkdownText.render("cites [1] [3]"));
    }

    @Test
    void shouldGiveAPlainTextDocumentItsRenderedTextSoOffsetsStayHonest() {
        String raw = "# Drug X and the kidney\n\n**What is known?** Drug X causes **nephritis** in some patients.\n";
        ParsedDocument d = new PlainTextParser().parse("note.md", raw);
        assertFalse(d.text().contains("**"), d.text());
        assertTrue(d.text().contains("What is known? Drug X causes nephritis in some patients."), d.text());
        assertEquals("Drug X and the kidney", d.metadata().title());
    }
}
