package org.litgraph.ingest.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameKeysTest {
    private static long slowKey(String token) {
        StringBuilder b = new StringBuilder();
        NameKeys.normalise(token, 0, token.length(), b);
        return FeatureHash.of(b);
    }

    private static long key(String token) {
        NerTokenizer.Spans spans = new NerTokenizer.Spans(4);
        NerTokenizer.tokenize(token, 0, token.length(), spans);
        long[] out = new long[spans.size()];
        NameKeys.tokenKeys(token, spans, 0, spans.size(), out);
        return out[0];
    }

    @Test
    void fastPathGivesTheSameKeysAsFullNormalisation() {
        for (String w : List.of("aspirin", "Aspirins", "opacities", "series", "thrombosis", "Rats", "rat", "is", "bus",
                "glasses", "HbA1c", "IL2", "2", "x", "Tumours", "colours", "tumour", "haemorrhages", "oedema", "sulphate",
                "pharmacy", "serum", "caf\u00e9", "\u03b1", "NSAIDs", "dies", "pies", "aies", "toes", "ours", "yours")) {
            assertEquals(slowKey(w), key(w), w);
        }
    }

    @Test
    void variantsShareKeys() {
        assertEquals(NameKeys.key("haemorrhage"), NameKeys.key("hemorrhages"));
        assertEquals(NameKeys.key("TNF-\u03b1"), NameKeys.key("TNF alpha"));
        assertEquals(NameKeys.key("Crohn's disease"), NameKeys.key("crohn disease"));
        assertEquals(NameKeys.key("tumour"), NameKeys.key("Tumor"));
        assertEquals(NameKeys.key("cystitis"), NameKeys.key("Cystitis"));
        assertNotEquals(NameKeys.key("cystitis"), NameKeys.key("cystiti"));
        assertNotEquals(NameKeys.key("four"), NameKeys.key("for"));
    }
}
