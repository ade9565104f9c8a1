package org.litgraph.query;

/** A query was stopped because it ran past its time limit. */
public final class QueryTimeout extends RuntimeException {
    public QueryTimeout(String message, Throwable cause) {
        super(message, cause);
    }
}
