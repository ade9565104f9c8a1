package org.litgraph.graph;

/** How a piece of evidence was extracted; sets its base weight in a claim's confidence. */
public enum EvidenceMethod {
    /** A cue pattern over one sentence (e.g. "X-induced Y", "treatment of Y with X"). */
    SENTENCE_PATTERN(0.6),
    /** A row or cell of a table describing cases. */
    TABLE(0.6),
    /** A MeSH heading/qualifier pair of a PubMed record (e.g. chemically induced + adverse effects). */
    MESH_QUALIFIER(0.5),
    /** An annotation supplied with the input (PubTator/BioC relation). */
    SUPPLIED_ANNOTATION(0.7),
    /**
     * A statistical relation model over the whole document (trained on annotated corpora); its
     * evidence is the sentence, or smallest run of sentences, naming both entities.
     */
    RELATION_MODEL(0.5),
    /** Co-occurrence in a title that carries no cue of its own direction (weak). */
    CO_OCCURRENCE(0.2);

    private final double baseWeight;

    EvidenceMethod(double baseWeight) {
        this.baseWeight = baseWeight;
    }

    public double baseWeight() {
        return baseWeight;
    }
}
