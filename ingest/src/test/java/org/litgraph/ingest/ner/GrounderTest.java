package org.litgraph.ingest.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;

class GrounderTest {
    // a made-up lexicon: ids and names invented for the test
    private static final Lexicon LEXICON = Lexicon.of(List.of(
            entry("MESH:D900001", EntityKind.CONDITION, "Hemorrhage", "bleeding"),
            entry("MESH:D900002", EntityKind.DRUG, "Zentaplatin"),
            entry("MESH:D900003", EntityKind.DRUG, "Valproic Acid"),
            entry("NCBIGene:90004", EntityKind.TARGET, "TNF-alpha", "tumour necrosis factor alpha"),
            entry("MESH:D900005", EntityKind.CONDITION, "Kidney Failure"),
            entry("MESH:D900006", EntityKind.CONDITION, "Lymphoblastic Leukemia", "ALL"),
            entry("MESH:D900007", EntityKind.CONDITION, "Lung Neoplasms"),
            entry("MESH:D900008", EntityKind.DRUG, "Potassium", "K")));
    private static final Grounder GROUNDER = new Grounder(new DictionaryMatcher(LEXICON));

    private static LexiconEntry entry(String id, EntityKind kind, String name, String... synonyms) {
        return new LexiconEntry(id, kind, name, List.of(synonyms), List.of(), null);
    }

    private static String id(String surface, EntityKind kind) {
        List<LexiconEntry> found = GROUNDER.ground(surface, kind);
        return found.isEmpty() ? Grounder.lgId(surface, kind) : found.get(0).id();
    }

    @Test
    void groundsNormalisedVariantsToTheLexicon() {
        assertEquals("MESH:D900001", id("haemorrhages", EntityKind.CONDITION)); // British spelling, plural
        assertEquals("MESH:D900002", id("zentaplatin hydrochloride", EntityKind.DRUG)); // salt word
        assertEquals("MESH:D900002", id("Zentaplatin", EntityKind.DRUG));
        assertEquals("MESH:D900003", id("valproate", EntityKind.DRUG)); // -ate as -ic acid
        assertEquals("NCBIGene:90004", id("TNF-\u03b1", EntityKind.TARGET)); // Greek letter spelt out
        assertEquals("NCBIGene:90004", id("TNFalpha", EntityKind.TARGET)); // hyphen removed
        assertEquals("NCBIGene:90004", id("tumor necrosis factor-alpha", EntityKind.TARGET));
        assertEquals("MESH:D900005", id("renal failure", EntityKind.CONDITION)); // organ adjective
        assertEquals("MESH:D900005", id("acute renal failure", EntityKind.CONDITION)); // course modifier
        assertEquals("MESH:D900007", id("lung cancer", EntityKind.CONDITION));
    }

    @Test
    void namesTheLexiconLacksGetStableLitgraphIds() {
        assertEquals("LG:drug/quorbitamab", id("Quorbitamab", EntityKind.DRUG));
        assertEquals("LG:drug/quorbitamab", id("quorbitamab", EntityKind.DRUG));
        assertEquals("LG:drug/anti-xq7-antibody", id("anti-XQ7 antibodies", EntityKind.DRUG));
        assertEquals("LG:condition/blue-toe-syndrome", id("Blue-toe syndrome", EntityKind.CONDITION));
        assertEquals("LG:drug/2,4-dinitrotoluol", id("2,4-dinitrotoluol", EntityKind.DRUG));
        // a name of another kind does not ground: the tagger's type decides
        assertTrue(GROUNDER.ground("Zentaplatin", EntityKind.CONDITION).isEmpty());
    }

    @Test
    void shortCapitalNamesNeedTheSameCapitalsUnlessTheTaggerTypedTheSpan() {
        DictionaryMatcher matcher = new DictionaryMatcher(LEXICON);
        // dictionary matching in running text: "all" is not acute lymphoblastic leukaemia
        assertTrue(matcher.lookup("all").isEmpty());
        assertEquals("MESH:D900006", matcher.lookup("ALL").get(0).id());
        // grounding a span the tagger typed as a condition may ignore the capitals ("Sox2" for SOX2)
        assertEquals("MESH:D900006", id("ALL", EntityKind.CONDITION));
        assertEquals("MESH:D900006", id("all", EntityKind.CONDITION));
        assertEquals("MESH:D900008", id("K", EntityKind.DRUG));
    }
}
