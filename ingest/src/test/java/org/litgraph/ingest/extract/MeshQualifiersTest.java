package org.litgraph.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;

class MeshQualifiersTest {
    private static final Lexicon LEXICON = Lexicon.of(List.of(
            new LexiconEntry("MESH:D1", EntityKind.DRUG, "Amiodarone", List.of(), List.of(), null),
            new LexiconEntry("MESH:D2", EntityKind.CONDITION, "Lung Diseases, Interstitial", List.of(), List.of(), null),
            new LexiconEntry("MESH:D3", EntityKind.CONDITION, "Atrial Fibrillation", List.of(), List.of(), null)));

    @Test
    void shouldReadCausesAndTreatsFromQualifiedHeadingsWithVerbatimSpans() {
        String text = "Title\n\nMeSH terms\n\n  • Amiodarone / adverse effects*\n  • Amiodarone / therapeutic use\n"
                + "  • Atrial Fibrillation / drug therapy\n  • Humans\n  • Lung Diseases, Interstitial / chemically induced*\n";
        List<MeshQualifiers.Found> found = MeshQualifiers.find(text, LEXICON);
        assertEquals(2, found.size(), found::toString);
        MeshQualifiers.Found causes = found.stream().filter(f -> f.predicate() == Predicate.CAUSES).findFirst().orElseThrow();
        assertEquals("MESH:D2", causes.object().entry().id());
        assertEquals("Amiodarone / adverse effects*", text.substring(causes.subject().start(), causes.subject().end()));
        MeshQualifiers.Found treats = found.stream().filter(f -> f.predicate() == Predicate.TREATS).findFirst().orElseThrow();
        assertEquals("MESH:D3", treats.object().entry().id());
    }

    @Test
    void shouldFindNothingWithoutAMeshBlock() {
        assertEquals(List.of(), MeshQualifiers.find("Amiodarone / adverse effects\nLung Diseases, Interstitial / chemically induced", LEXICON));
    }
}
