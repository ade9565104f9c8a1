package org.litgraph.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static final String NOTE = """
            # Drug X and the kidney: a short note

            ## FAQ: drug X-induced nephritis

            ---

            - Drug X inhibits a transporter in the proximal tubule.
            * Its inhibition may lead to tubular injury.
            1. Stop the drug when creatinine rises.

            **Why?** Most patients recover within weeks.
            """;

    @Test
    void shouldYieldNoSentenceForMarkdownHeadingsOrRules() {
        List<Sentence> s = SentenceSplitter.split(NOTE);
        assertTrue(s.stream().noneMatch(x -> x.text().startsWith("#") || x.text().contains("FAQ")), s::toString);
        assertTrue(s.stream().noneMatch(x -> x.text().startsWith("-")), s::toString);
        assertTrue(s.stream().noneMatch(x -> x.text().contains("a short note")), s::toString);
    }

    @Test
    void shouldKeepListMarkersAndLeadingEmphasisOutsideTheSentenceSpan() {
        List<Sentence> s = SentenceSplitter.split(NOTE);
        List<String> texts = s.stream().map(Sentence::text).toList();
        assertTrue(texts.contains("Drug X inhibits a transporter in the proximal tubule."), texts::toString);
        assertTrue(texts.contains("Its inhibition may lead to tubular injury."), texts::toString);
        assertTrue(texts.contains("Stop the drug when creatinine rises."), texts::toString);
        assertTrue(texts.contains("Most patients recover within weeks."), texts::toString);
        for (Sentence x : s) {
            assertEquals(NOTE.substring(x.start(), x.end()), x.text(), "offsets must span the text");
            assertFalse(x.text().startsWith("*") || x.text().startsWith("1."), x::text);
        }
    }

    @Test
    void shouldNotMistakeAMinusNumberOrAComparisonForAMarker() {
        String t = "Levels fell by 5 mg/dl.\n> 50% of patients improved.\n3.5 years later none had relapsed.";
        List<String> texts = SentenceSplitter.split(t).stream().map(Sentence::text).toList();
        assertEquals(List.of("Levels fell by 5 mg/dl.", "> 50% of patients improved.", "3.5 years later none had relapsed."), texts);
    }
}
