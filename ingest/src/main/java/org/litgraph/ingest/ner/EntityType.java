package org.litgraph.ingest.ner;

import org.litgraph.graph.EntityKind;

/**
 * The mention types the tagger learns. Chemicals, diseases and genes become graph entities; cell
 * lines, species and sequence variants are learned only so that they stop being mistaken for
 * drugs or genes ("THP-1", "mice", "V600E"), and are never grounded.
 */
public enum EntityType {
    CHEMICAL("Chemical", EntityKind.DRUG),
    DISEASE("Disease", EntityKind.CONDITION),
    GENE("Gene", EntityKind.TARGET),
    CELL_LINE("CellLine", null),
    SPECIES("Species", null),
    VARIANT("Variant", null),
    /** Biological processes (GO): not learned; lexicon matches pass through where no tagged mention overlaps. */
    PROCESS("Process", EntityKind.PROCESS);

    private final String label;
    private final EntityKind kind;

    EntityType(String label, EntityKind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** The PubTator type name litgraph writes ({@code Chemical}, {@code Disease}, {@code Gene}, ...). */
    public String label() {
        return label;
    }

    /** The graph entity kind this type grounds to, or null for the types that never become entities. */
    public EntityKind kind() {
        return kind;
    }

    /** True for the types that become graph entities. */
    public boolean grounded() {
        return kind != null;
    }

    /** The type a lexicon kind's names are tagged as (processes have no tagger type). */
    public static EntityType of(EntityKind kind) {
        return switch (kind) {
            case DRUG -> CHEMICAL;
            case CONDITION -> DISEASE;
            case TARGET -> GENE;
            case PROCESS -> PROCESS;
        };
    }

    /** Maps a corpus type name (BC5CDR, BioRED, PHEE) to a tagger type, or null when not learned. */
    public static EntityType fromCorpus(String name) {
        return switch (name) {
            case "Chemical", "ChemicalEntity", "Drug" -> CHEMICAL;
            case "Disease", "DiseaseOrPhenotypicFeature" -> DISEASE;
            case "Gene", "GeneOrGeneProduct" -> GENE;
            case "CellLine" -> CELL_LINE;
            case "Species", "OrganismTaxon" -> SPECIES;
            case "Variant", "SequenceVariant", "DNAMutation", "ProteinMutation", "SNP" -> VARIANT;
            default -> null;
        };
    }
}
