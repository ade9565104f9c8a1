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
        // "hypersensitivity" names Drug Hypersensitivity (what extraction picks) and Hypersensitivity
        List<LexiconEntry> h = GROUNDER.ground("hypersensitivity");
        assertEquals("MESH:D004342", h.get(0).id(), h::toString);
        assertTrue(h.stream().anyMatch(e -> e.id().equals("MESH:D006967")), h::toString);
        assertEquals("MESH:D000068877", GROUNDER.ground("Gleevec").get(0).id());
        assertTrue(GROUNDER.ground("no such name at all").isEmpty());
    }

    @Test
    void shouldAgreeWithTheRecogniserOnEveryTermItGrounds() {
        EntityRecognizer recognizer = new EntityRecognizer(LEXICON);
        for (String term : List.of("hypersensitivity", "dyskinesia", "Hepatitis", "pneumonitis", "ILD", "Gleevec", "STI571",
                "pleural effusion", "pleural effusions",
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
