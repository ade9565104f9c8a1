package org.litgraph.query.answer;

/** One statement (an Evidence node): the verbatim sentence and where it comes from. */
public record Statement(String id, String text, boolean negated, boolean hedged, double weight,
                        String documentId, String document, String sourceType) {
}
