package org.litgraph.ingest.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.EntityKind;

/** Grounding with the shipped lexicon (our own example sentences). */
class GroundingTest {
    private static final Lexicon LEXICON = Lexicon.defaultLexicon();
    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(LEXICON);

    static List<Mention> find(String text) {
        return RECOGNIZER.find(text, 0, text.length(), Map.of());
    }

    static Mention only(String text, String surface) {
        return find(text).stream().filter(m -> m.surface().equals(surface)).findFirst()
                .orElseThrow(() -> new AssertionError("no mention '" + surface + "' in: " + find(text)));
    }

    @Test
    void brandNamesGroundToTheirGenericDrugUnderItsMeshId() {
        Mention gleevec = only("She took Gleevec for two years.", "Gleevec");
        assertEquals("MESH:D000068877", gleevec.entry().id());
        assertEquals("imatinib", gleevec.entry().name());
        Mention keytruda = only("Keytruda was stopped after the second cycle.", "Keytruda");
        assertEquals("pembrolizumab", keytruda.entry().name());
        assertTrue(keytruda.entry().id().startsWith("MESH:C"), keytruda.entry().id()); // a MeSH supplementary record
        assertTrue(keytruda.entry().xrefs().contains("DRUGCENTRAL:4924"), keytruda.entry().xrefs()::toString);
        assertEquals("dasatinib", only("Sprycel was started.", "Sprycel").entry().name());
        assertEquals("moxifloxacin", only("Avelox was given orally.", "Avelox").entry().name());
        for (String drug : List.of("vedolizumab", "pranlukast", "pembrolizumab", "nilotinib", "eribulin")) {
            assertEquals(EntityKind.DRUG, only("We gave " + drug + " daily.", drug).entry().kind(), drug);
        }
    }

    @Test
    void olderMeshRecordsOfADrugAreCrossReferencesOfTheOneEntry() {
        LexiconEntry docetaxel = LEXICON.getByIdOrXref("MESH:C067311").orElseThrow();
        assertEquals("MESH:D000077143", docetaxel.id());
        assertEquals(List.of("MESH:D000077143"), LEXICON.lookup("docetaxel"));
    }

    @Test
    void groundsGeneOntologySynonymsToProcessesWithTheirHierarchy() {
        Mention m = only("Loss of the receptor reduced T lymphocyte proliferation in culture.", "T lymphocyte proliferation");
        assertEquals("GO:0042098", m.entry().id());
        assertEquals(EntityKind.PROCESS, m.entry().kind());
        assertEquals("T-cell proliferation", m.entry().name());
        assertFalse(m.entry().parents().isEmpty());
        // "inflammation" stays a condition: the GO synonym is refused for naming a MeSH condition
        assertEquals(EntityKind.CONDITION, only("Marked inflammation was seen.", "inflammation").entry().kind());
    }

    @Test
    void composesAProcessFromAnAnatomicalPhraseAndAProcessNoun() {
        Mention m = only("The receptor supports alveolar epithelial cell repair after injury.", "alveolar epithelial cell repair");
        assertEquals(EntityKind.PROCESS, m.entry().kind());
        assertEquals(m.entry(), LEXICON.get(m.entry().id()).orElseThrow(), "composed ids resolve again");
        Mention p = only("Smooth muscle cell proliferation was measured.", "Smooth muscle cell proliferation");
        assertEquals(EntityKind.PROCESS, p.entry().kind());
    }

    @Test
    void aGeneSymbolThatIsAlsoAWordNeedsGeneContext() {
        assertEquals("NCBIGene:847", only("Hepatic CAT activity fell by half.", "CAT").entry().id());
        assertTrue(find("The CAT scan of the chest was normal.").stream().noneMatch(m -> m.entry().id().equals("NCBIGene:847")));
        assertTrue(find("A cat scratched the child.").isEmpty(), () -> find("A cat scratched the child.").toString());
    }

    @Test
    void proceduresOrganismsCellLinesAndInitialsAreNotEntities() {
        List<Mention> ogtt = find("An oral glucose tolerance test was normal.");
        assertTrue(ogtt.stream().noneMatch(m -> m.entry().kind() == EntityKind.DRUG), ogtt::toString);
        assertEquals(EntityKind.DRUG, only("Intravenous glucose was given.", "glucose").entry().kind());
        List<Mention> mtb = find("Cultures grew Mycobacterium tuberculosis.");
        assertTrue(mtb.stream().noneMatch(m -> m.entry().kind() == EntityKind.CONDITION), mtb::toString);
        assertTrue(find("THP-1 cells were cultured.").isEmpty(), () -> find("THP-1 cells were cultured.").toString());
        assertTrue(find("Correspondence to Dr SE Jones.").isEmpty(), () -> find("Correspondence to Dr SE Jones.").toString());
    }

    @Test
    void genesHaveNcbiIdsAndFamiliesAsParents() {
        LexiconEntry pdgfrb = LEXICON.get("NCBIGene:5159").orElseThrow();
        assertTrue(pdgfrb.parents().contains("FPLX:PDGFR"), pdgfrb.parents()::toString);
        assertTrue(pdgfrb.parents().stream().anyMatch(p -> p.startsWith("HGNC.FAMILY:")), pdgfrb.parents()::toString);
        assertTrue(pdgfrb.xrefs().contains("HGNC:8804"));
        assertEquals("FPLX:PDGFR", only("Imatinib blocks the PDGF receptor.", "PDGF receptor").entry().id());
    }

    @Test
    void shipsDrugCentralMechanismsAsCuratedRows() {
        List<DrugTargets.Row> rows = DrugTargets.load();
        assertTrue(rows.stream().anyMatch(r -> r.drugId().equals("MESH:D000068877") && r.predicate().equals("INHIBITS")
                && r.targetId().equals("NCBIGene:5159") && r.mechanism() && r.source().equals("DrugCentral")), "imatinib -> PDGFRB");
        assertTrue(rows.stream().allMatch(r -> LEXICON.get(r.drugId()).isPresent() && LEXICON.get(r.targetId()).isPresent()));
    }
}
