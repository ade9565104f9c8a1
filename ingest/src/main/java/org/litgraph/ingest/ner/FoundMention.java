package org.litgraph.ingest.ner;

import java.util.List;

/**
 * A mention found in document text: offsets into the text, the surface, its type, the ids it is
 * grounded to (lexicon CURIEs, or one {@code LG:} id for a name the lexicon lacks; empty for the
 * types that are never grounded), and a confidence in [0, 1].
 *
 * @param source how it was found: the tagger alone, the tagger and the lexicon, the lexicon with the
 *               tagger's consent, or a short form resolved to its long form
 */
public record FoundMention(int start, int end, String text, EntityType type, List<String> ids, double score,
                           Source source) {
    public enum Source { TAGGER, TAGGER_AND_LEXICON, LEXICON, ABBREVIATION }

    public FoundMention {
        ids = List.copyOf(ids);
    }

    /** The first id, or null. */
    public String id() {
        return ids.isEmpty() ? null : ids.get(0);
    }
}
