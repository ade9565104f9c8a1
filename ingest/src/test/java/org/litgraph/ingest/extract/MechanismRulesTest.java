package org.litgraph.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.EntityRecognizer;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;

/**
 * The cue patterns for mechanism links where no annotated corpus exists: target REGULATES process,
 * process LEADS_TO condition, drug INHIBITS process. Sentences written for this test.
 */
class MechanismRulesTest {
    private static final Lexicon LEXICON = Lexicon.of(List.of(
            entry("NCBIGene:2475", EntityKind.TARGET, "mTOR"),
            entry("NCBIGene:23411", EntityKind.TARGET, "SIRT1"),
            entry("NCBIGene:50943", EntityKind.TARGET, "FOXP3"),
            entry("NCBIGene:5728", EntityKind.TARGET, "PTEN"),
            entry("GO:0006914", EntityKind.PROCESS, "autophagy"),
            entry("GO:0042098", EntityKind.PROCESS, "T cell proliferation"),
            entry("GO:0001525", EntityKind.PROCESS, "angiogenesis"),
            entry("GO:0006915", EntityKind.PROCESS, "apoptotic process", "apoptosis"),
            entry("GO:0006412", EntityKind.PROCESS, "translation", "protein synthesis"),
            entry("MESH:D020123", EntityKind.DRUG, "sirolimus", "rapamycin"),
            entry("MESH:D016572", EntityKind.DRUG, "cyclosporine"),
            entry("MESH:D000068258", EntityKind.DRUG, "bevacizumab"),
            entry("MESH:D019636", EntityKind.CONDITION, "neurodegenerative diseases"),
            entry("MESH:D009202", EntityKind.CONDITION, "cardiomyopathies", "cardiomyopathy"),
            entry("MESH:D006505", EntityKind.CONDITION, "hepatitis")));
    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(LEXICON);
    private static final RelationExtractor RULES = RelationExtractor.standard();

    private static LexiconEntry entry(String id, EntityKind kind, String name, String... synonyms) {
        return new LexiconEntry(id, kind, name, List.of(synonyms), List.of(), null);
    }

    /** "SUBJECT PREDICATE OBJECT [negated] [hedged]" for every statement of one sentence. */
    private static List<String> statements(String sentence) {
        List<Mention> ms = RECOGNIZER.find(sentence, 0, sentence.length(), Map.of());
        List<String> out = new ArrayList<>();
        for (RelationExtractor.Found f : RULES.extract(sentence, 0, ms)) {
            out.add(ms.get(f.subject()).entry().name() + " " + f.predicate() + " " + ms.get(f.object()).entry().name()
                    + (f.negated() ? " negated" : "") + (f.hedged() ? " hedged" : ""));
        }
        return out;
    }

    @Test
    void targetRegulatesProcess() {
        assertEquals(List.of("FOXP3 REGULATES T cell proliferation"), statements("In these cells FOXP3 regulates T cell proliferation."));
        assertEquals(List.of("mTOR REGULATES autophagy"), statements("Autophagy is tightly controlled by mTOR in fed cells."));
        assertEquals(List.of("SIRT1 REGULATES autophagy"), statements("Loss of SIRT1 impairs autophagy in aged neurons."));
        assertEquals(List.of("SIRT1 REGULATES autophagy"), statements("We examined the role of SIRT1 in autophagy of muscle cells."));
        assertEquals(List.of("mTOR REGULATES apoptotic process"), statements("The kinase mTOR is a central regulator of apoptosis here."));
        assertEquals(List.of("PTEN REGULATES angiogenesis"), statements("PTEN-dependent angiogenesis was lower in the mutant."));
    }

    @Test
    void coordinationGivesOneStatementPerObject() {
        List<String> found = statements("mTOR controls autophagy and protein synthesis.");
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.contains("mTOR REGULATES autophagy"));
        assertTrue(found.contains("mTOR REGULATES translation"));
    }

    @Test
    void processLeadsToCondition() {
        assertEquals(List.of("autophagy LEADS_TO neurodegenerative diseases"),
                statements("Disruption of autophagy leads to neurodegenerative disease in the model."));
        assertEquals(List.of("autophagy LEADS_TO cardiomyopathies"),
                statements("A cardiomyopathy resulting from defective autophagy developed in the knockout mice."));
        assertEquals(List.of("apoptotic process LEADS_TO hepatitis"), statements("Apoptosis-mediated hepatitis was prevented."));
        assertEquals(List.of("autophagy LEADS_TO neurodegenerative diseases"),
                statements("Impaired autophagy plays a central role in the development of neurodegenerative diseases."));
    }

    @Test
    void drugInhibitsProcess() {
        assertEquals(List.of("sirolimus INHIBITS T cell proliferation"), statements("Rapamycin suppresses T cell proliferation."));
        assertEquals(List.of("cyclosporine INHIBITS T cell proliferation"),
                statements("Cyclosporine markedly reduced T cell proliferation in vitro."));
        assertEquals(List.of("bevacizumab INHIBITS angiogenesis"), statements("Angiogenesis was strongly inhibited by bevacizumab."));
    }

    @Test
    void negationAndSpeculationAreMarked() {
        assertEquals(List.of("PTEN REGULATES autophagy negated"), statements("PTEN did not regulate autophagy in this model."));
        assertEquals(List.of("mTOR REGULATES angiogenesis hedged"), statements("mTOR may control angiogenesis in tumours."));
    }

    @Test
    void noStatementWithoutACue() {
        assertTrue(statements("mTOR and autophagy were both measured at day three.").isEmpty());
        assertFalse(statements("Rapamycin was given after angiogenesis assays were done.").stream()
                .anyMatch(s -> s.contains(Predicate.INHIBITS.name())));
    }
}
