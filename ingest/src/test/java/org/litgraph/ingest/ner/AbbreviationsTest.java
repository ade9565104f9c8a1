package org.litgraph.ingest.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.ingest.ner.Abbreviations.Abbreviation;

class AbbreviationsTest {
    @Test
    void findsLongFormBeforeShortForm() {
        String text = "We measured the low-density lipoprotein (LDL) of each dog. The LDL fell later.";
        List<Abbreviation> found = Abbreviations.find(text);
        assertEquals(1, found.size());
        Abbreviation a = found.get(0);
        assertEquals("LDL", a.shortForm());
        assertEquals("low-density lipoprotein", a.longForm());
        assertEquals(text.indexOf("low-"), a.longStart());
        assertEquals(text.indexOf(" (LDL)"), a.longEnd());
        assertEquals(text.indexOf("LDL"), a.shortStart());
        assertEquals(text.indexOf("LDL") + 3, a.shortEnd());
    }

    @Test
    void longFormIsTheShortestWindowWhoseWordsStartTheLetters() {
        // the first letter must start a word: "the heart failure" would be wrong, "heart failure" right
        String text = "Patients with the heart failure (HF) and acute kidney injury (AKI) were excluded.";
        List<Abbreviation> found = Abbreviations.find(text);
        assertEquals(2, found.size());
        assertEquals("heart failure", found.get(0).longForm());
        assertEquals("acute kidney injury", found.get(1).longForm());
    }

    @Test
    void shortFormBeforeLongFormWhenTheBracketHoldsMoreWords() {
        String text = "Levels of CRP (C-reactive protein) rose in all rabbits.";
        List<Abbreviation> found = Abbreviations.find(text);
        assertEquals(1, found.size());
        assertEquals("CRP", found.get(0).shortForm());
        assertEquals("C-reactive protein", found.get(0).longForm());
        assertEquals(text.indexOf("CRP"), found.get(0).shortStart());
    }

    @Test
    void rejectsBracketsThatAreNoDefinitions() {
        assertTrue(Abbreviations.find("The rate fell (p < 0.05) in the second week (see table).").isEmpty());
        assertTrue(Abbreviations.find("Twelve rats (n = 12) were weighed daily (Figure 2).").isEmpty());
        // letters not found in order in the preceding words
        assertTrue(Abbreviations.find("The blue tablets (XYZ) were counted.").isEmpty());
    }

    @Test
    void resolvesShortFormOccurrencesThroughoutTheDocument() {
        String text = "Early NSAID use was common. A non-steroidal anti-inflammatory drug (NSAID) was given; "
                + "two NSAIDs were compared.";
        DocumentContext ctx = new DocumentContext(text, Abbreviations.find(text), new int[1]);
        int first = text.indexOf("NSAID");
        int plural = text.indexOf("NSAIDs");
        assertEquals(0, ctx.shortFormAt(first, first + 5));
        assertEquals(0, ctx.shortFormAt(plural, plural + 6));
        assertEquals(-1, ctx.shortFormAt(text.indexOf("use"), text.indexOf("use") + 3));
        assertEquals(0, ctx.longFormCovering(text.indexOf("anti-inflammatory")));
    }
}
