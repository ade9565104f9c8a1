package org.litgraph.ingest.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped tagger with the shipped lexicon on sentences written for this test. */
class MentionFinderTest {
    private static final MentionFinder FINDER = MentionFinder.standard();

    private static List<FoundMention> of(String text, EntityType type) {
        return FINDER.findAll(text).stream().filter(m -> m.type() == type).toList();
    }

    @Test
    void shortFormsTakeTheirLongFormsEntity() {
        String text = "We gave cyclophosphamide (CPM) to forty rats. After two weeks CPM had caused bladder bleeding in most.";
        List<FoundMention> chems = of(text, EntityType.CHEMICAL);
        FoundMention longForm = chems.stream().filter(m -> m.text().equals("cyclophosphamide")).findFirst().orElseThrow();
        assertTrue(longForm.id().startsWith("MESH:"), longForm.toString());
        List<FoundMention> shortForms = chems.stream().filter(m -> m.text().equals("CPM")).toList();
        assertEquals(2, shortForms.size(), chems.toString());
        for (FoundMention m : shortForms) {
            assertEquals(longForm.ids(), m.ids());
            assertEquals(text.indexOf("CPM", m.start()), m.start());
        }
    }

    @Test
    void aDrugTheLexiconLacksGetsALitgraphId() {
        String text = "Two patients treated with oral zelvoratinib developed severe hepatitis within a month.";
        FoundMention drug = of(text, EntityType.CHEMICAL).stream().filter(m -> m.text().equals("zelvoratinib"))
                .findFirst().orElseThrow(() -> new AssertionError(FINDER.findAll(text).toString()));
        assertEquals(List.of("LG:drug/zelvoratinib"), drug.ids());
        assertEquals(FoundMention.Source.TAGGER, drug.source());
        assertTrue(of(text, EntityType.DISEASE).stream().anyMatch(m -> m.text().equals("hepatitis")));
    }

    @Test
    void offsetsPointAtTheMentionText() {
        String text = "Title words.\nA second line names haloperidol and tardive dyskinesia.";
        for (FoundMention m : FINDER.findAll(text)) {
            assertEquals(m.text(), text.substring(m.start(), m.end()));
        }
        assertFalse(FINDER.findAll(text).isEmpty());
    }
}
