package org.litgraph.ingest.text;

/** A sentence (or a heading, bullet or table row) with offsets into the document text. */
public record Sentence(int start, int end, String text, boolean tableRow) {
}
