package org.litgraph.ingest.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A query term grounds to what extraction grounds the same words to (issue 11). */
class TermGrounderTest {
    private static final Lexicon LEXICON = Lexicon.defaultLexicon();
    private static final TermGrounder GROUNDER = new TermGrounder(LEXICON);

    @Test
    void shouldPutTheRecognisersChoiceFirstAndKeepTheOthers() {
        List<LexiconEntry> pneumonitis = GROUNDER.ground("pneumonitis");
        assertEquals("MESH:D017563", pneumonitis.get(0).id(), pneumonitis::toString); // interstitial lung disease
        assertTrue(pneumonitis.stream().anyMatch(e -> e.id().equals("MESH:D011014")), pneumonitis::toString); // pneumonia
        assertEquals("MESH:D000068877", GROUNDER.ground("Gleevec").get(0).id());
        assertTrue(GROUNDER.ground("no such name at all").isEmpty());
    }

    @Test
    void shouldAgreeWithTheRecogniserOnEveryTermItGrounds() {
        EntityRecognizer recognizer = new EntityRecognizer(LEXICON);
        for (String term : List.of("pneumonitis", "ILD", "Gleevec", "STI571", "pleural effusion", "pleural effusions",
                "lung disease", "pulmonary hypertension", "PH", "cold", "infection", "rash", "hepatitis B",
                "tuberculosis", "fibrosis", "amiodarone pneumonitis")) {
            List<Mention> m = recognizer.find(term, 0, term.length(), Map.of());
            List<LexiconEntry> g = GROUNDER.ground(term);
            if (m.size() == 1 && m.get(0).start() == 0 && m.get(0).end() == term.length()) {
                assertEquals(m.get(0).entry().id(), g.get(0).id(), term);
            } else {
                assertTrue(g.isEmpty() || m.isEmpty(), term + ": " + m + " / " + g);
            }
        }
    }
}
