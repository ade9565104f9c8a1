package org.litgraph.graph;

/** The store could not be opened or reached; the message says why in words a user can act on. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
