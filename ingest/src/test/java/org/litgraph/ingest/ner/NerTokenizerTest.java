package org.litgraph.ingest.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerTokenizerTest {
    private static List<String> tokens(String text, int from, int to) {
        NerTokenizer.Spans spans = new NerTokenizer.Spans(4);
        NerTokenizer.tokenize(text, from, to, spans);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            // offsets must point at the token's own characters in the original text
            out.add(spans.start(i) + ":" + text.substring(spans.start(i), spans.end(i)));
        }
        return out;
    }

    @Test
    void splitsHyphensSlashesAndBracketsKeepingOffsets() {
        String text = "Mice given 5-FU/leucovorin (LV) had IL-2-dependent rashes.";
        assertEquals(List.of("0:Mice", "5:given", "11:5", "12:-", "13:FU", "15:/", "16:leucovorin", "27:(", "28:LV", "30:)",
                "32:had", "36:IL", "38:-", "39:2", "40:-", "41:dependent", "51:rashes", "57:."), tokens(text, 0, text.length()));
    }

    @Test
    void tokenisesARangeWithDocumentOffsets() {
        String text = "Title here. Low-dose drug A, then TNF-\u03b1 rose.";
        assertEquals(List.of("12:Low", "15:-", "16:dose", "21:drug", "26:A", "27:,"), tokens(text, 12, 28));
        // Greek letters are word characters; an apostrophe is a token of its own
        assertEquals(List.of("34:TNF", "37:-", "38:\u03b1", "40:rose", "44:."), tokens(text, 33, text.length()));
        assertEquals(List.of("0:Crohn", "5:'", "6:s"), tokens("Crohn's", 0, 7));
    }

    @Test
    void nonBreakingSpacesAndLineBreaksSeparateTokens() {
        String text = "dose\u00a010\u00a0mg\nonce";
        assertEquals(List.of("0:dose", "5:10", "8:mg", "11:once"), tokens(text, 0, text.length()));
    }
}
