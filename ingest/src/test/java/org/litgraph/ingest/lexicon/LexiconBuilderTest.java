package org.litgraph.ingest.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconBuilderTest {
    /** ../shared beside the repository; the tests that build from it are skipped without it. */
    static Path shared() {
        Path shared = Path.of(System.getProperty("litgraph.shared", "../../shared"));
        assumeTrue(Files.isDirectory(shared.resolve("data/vocab/mesh2024")), "../shared is not beside the repository");
        return shared;
    }

    @Test
    void buildsTheSameBytesTwice(@TempDir Path tmp) throws Exception {
        Path shared = shared();
        Path a = tmp.resolve("a/org/litgraph/ingest/lexicon/vocab.tsv.gz");
        Path b = tmp.resolve("b/org/litgraph/ingest/lexicon/vocab.tsv.gz");
        LexiconBuilder.build(shared, a, 3000);
        LexiconBuilder.build(shared, b, 3000);
        for (String f : List.of("lexicon/vocab.tsv.gz", "lexicon/drugs/drugs.tsv.gz", "lexicon/drugs/drug-targets.tsv.gz")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a/org/litgraph/ingest/" + f)),
                    Files.readAllBytes(tmp.resolve("b/org/litgraph/ingest/" + f)), f);
        }
    }

    @Test
    void knowsMeshNamesWithoutTraining() {
        assertTrue(Lexicon.defaultLexicon().lookup("hypertension").contains("MESH:D006973"));
    }

    @Test
    void takesTheInitialsOfConditionNamesForGeneAliasFiltering() {
        assertEquals("CML", LexiconBuilder.initials("Chronic Myeloid Leukemia"));
        assertEquals("ALL", LexiconBuilder.initials("Acute Lymphoblastic Leukemia"));
        assertEquals(null, LexiconBuilder.initials("Hypertension"));
    }

    @Test
    void readsInvertedMeshNamesInNaturalOrder() {
        assertEquals("Interstitial Lung Diseases", LexiconBuilder.naturalOrder("Lung Diseases, Interstitial"));
        assertEquals(null, LexiconBuilder.naturalOrder("Hypertension"));
    }

    @Test
    void refusesGeneAliasesThatAreWordsOrTooShort() {
        assertFalse(LexiconBuilder.usableGeneAlias("ALL"));
        assertFalse(LexiconBuilder.usableGeneAlias("AB"));
        assertFalse(LexiconBuilder.usableGeneAlias("Was"));
        assertTrue(LexiconBuilder.usableGeneAlias("BCR1"));
    }

    @Test
    void writesCompoundCellModifiersWithAHyphenAndSpellsBritishVariants() {
        assertEquals("T-cell proliferation", LexiconBuilder.displayProcessName("T cell proliferation"));
        assertEquals("natural killer cell activation", LexiconBuilder.displayProcessName("natural killer cell activation"));
        assertEquals("B-cell receptor signaling pathway", LexiconBuilder.displayProcessName("B cell receptor signaling pathway"));
        assertEquals(List.of("haemolytic anaemia"), LexiconBuilder.britishVariants("Hemolytic Anemia"));
    }

    @Test
    void mapsDrugCentralActionsToPredicates() {
        assertEquals("INHIBITS", LexiconBuilder.predicate("inhibitor"));
        assertEquals("INHIBITS", LexiconBuilder.predicate("antagonist"));
        assertEquals("ACTIVATES", LexiconBuilder.predicate("positive allosteric modulator"));
        assertEquals("BINDS", LexiconBuilder.predicate("antibody binding"));
        assertEquals("BINDS", LexiconBuilder.predicate(""));
    }

    @Test
    void shipsAHierarchyOfConditionsAndKeepsDiseaseAbbreviationsOffGenes() {
        Lexicon l = Lexicon.defaultLexicon();
        LexiconEntry ild = l.get("MESH:D017563").orElseThrow();
        assertTrue(ild.parents().contains("MESH:D008171"), ild.toString());
        assertTrue(l.lookup("interstitial lung diseases").contains("MESH:D017563"));
        LexiconEntry bcr = l.get("NCBIGene:613").orElseThrow();
        assertFalse(bcr.synonyms().contains("ALL") || bcr.synonyms().contains("CML"), bcr.toString());
    }
}
