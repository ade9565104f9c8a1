package org.litgraph.graph;

/**
 * Outcome of stopping (dechallenge) or restarting (rechallenge) a drug, as the source states it.
 * Positive means the reaction abated on dechallenge, or came back on rechallenge.
 */
public enum Challenge {
    POSITIVE("positive"),
    NEGATIVE("negative"),
    NOT_DONE("not done");

    private final String label;

    Challenge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
