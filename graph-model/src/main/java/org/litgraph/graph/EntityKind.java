package org.litgraph.graph;

import java.util.Locale;

/** The kinds of grounded entity the graph holds; each is a node label that also carries {@code :Entity}. */
public enum EntityKind {
    DRUG("Drug"),
    TARGET("Target"),
    PROCESS("Process"),
    CONDITION("Condition");

    private final String label;

    EntityKind(String label) {
        this.label = label;
    }

    /** The Neo4j label, as written in the graph contract. */
    public String label() {
        return label;
    }

    /** Parses a label or enum name, case-insensitively. */
    public static EntityKind parse(String text) {
        for (EntityKind kind : values()) {
            if (kind.label.equalsIgnoreCase(text.trim()) || kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown entity kind: " + text
                + " (expected one of drug, target, process, condition)");
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
