package org.litgraph.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.litgraph.ingest.format.PlainTextParser;

/** Markdown headings and markers are markup, not statements: no evidence quotes them (issue 11). */
class MarkupStatementsTest {
    private static final Path CORPUS = Path.of(System.getProperty("litgraph.root", "..")).resolve("examples/corpus");

    @Test
    void shouldQuoteNoHeadingListMarkerOrBoldMarkerAsEvidence() throws Exception {
        Path p = CORPUS.resolve("vendor-note-imatinib-lung-toxicity.txt");
        String raw = Files.readString(p);
        DocumentGraph g = DocumentExtractor.standard().extract(new PlainTextParser().parse(p.toString(), raw));
        assertFalse(g.evidence().isEmpty());
        for (EvidenceItem e : g.evidence()) {
            assertFalse(e.text().startsWith("#") || e.text().startsWith("- ") || e.text().contains("**"), e::text);
            assertFalse(e.text().startsWith("Key points"), e::text); // the "## Key points: ..." heading
        }
        // the statements under the bullets are still read, without their markers
        assertTrue(g.evidence().stream().anyMatch(e -> e.text().startsWith("PDGFR plays a role")), g.evidence()::toString);
    }
}
