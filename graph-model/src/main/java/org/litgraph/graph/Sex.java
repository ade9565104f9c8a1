package org.litgraph.graph;

/** Patient sex as the contract stores it. */
public enum Sex {
    FEMALE("female"),
    MALE("male");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
