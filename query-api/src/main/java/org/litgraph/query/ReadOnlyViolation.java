package org.litgraph.query;

/** A query given to a read-only entry point would write; it was refused before it ran. */
public class ReadOnlyViolation extends RuntimeException {
    public ReadOnlyViolation(String message) {
        super(message);
    }
}
