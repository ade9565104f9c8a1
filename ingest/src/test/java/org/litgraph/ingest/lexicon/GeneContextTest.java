package org.litgraph.ingest.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.EntityKind;

/** The gene-context check on a small lexicon of our own. */
class GeneContextTest {
    private static final EntityRecognizer R = new EntityRecognizer(Lexicon.of(List.of(
            new LexiconEntry("G:1", EntityKind.TARGET, "SET", List.of("SET nuclear proto-oncogene"), List.of(), "SET",
                    List.of(), List.of("SET")),
            new LexiconEntry("G:2", EntityKind.TARGET, "ABCB1", List.of(), List.of(), "ABCB1"))));

    static List<String> ids(String text) {
        return R.find(text, 0, text.length(), Map.of()).stream().map(m -> m.entry().id()).toList();
    }

    @Test
    void aGuardedSymbolNeedsAGeneWordNearby() {
        assertEquals(List.of(), ids("We SET the dose at noon."));
        assertEquals(List.of("G:1"), ids("Expression of SET rose."));
        assertEquals(List.of("G:1"), ids("SET protein levels rose."));
        assertEquals(List.of(), ids("Results of SET were pooled across the sites of the trial in Ohio."));
    }

    @Test
    void anotherTargetInTheSentenceOrTheFullNameInTheDocumentIsContextToo() {
        assertEquals(List.of("G:1", "G:2"), ids("SET and ABCB1 were both high."));
        String doc = "The SET nuclear proto-oncogene was studied. Later, SET was high.";
        int second = doc.indexOf("Later");
        assertEquals(List.of("G:1"), R.find(doc, second, doc.length(), Map.of()).stream().map(m -> m.entry().id()).toList());
    }

    @Test
    void unguardedNamesNeedNoContext() {
        assertEquals(List.of("G:2"), ids("ABCB1 was high."));
    }
}
