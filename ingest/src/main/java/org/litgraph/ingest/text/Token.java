package org.litgraph.ingest.text;

/** A normalised token with its character offsets in the analysed text. */
public record Token(String term, int start, int end) {
}
