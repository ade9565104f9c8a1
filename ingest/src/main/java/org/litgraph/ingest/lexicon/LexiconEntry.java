package org.litgraph.ingest.lexicon;

import java.util.List;
import org.litgraph.graph.EntityKind;

/** One grounded concept: a CURIE id, its kind, a preferred name, synonyms and broader concepts. */
public record LexiconEntry(String id, EntityKind kind, String name, List<String> synonyms, List<String> parents,
                           String symbol) {
    public LexiconEntry {
        synonyms = List.copyOf(synonyms);
        parents = List.copyOf(parents);
    }
}
