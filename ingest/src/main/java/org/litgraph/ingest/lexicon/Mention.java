package org.litgraph.ingest.lexicon;

/** A span of document text grounded to a lexicon entry; offsets are into the document text. */
public record Mention(int start, int end, String surface, LexiconEntry entry) {
}
