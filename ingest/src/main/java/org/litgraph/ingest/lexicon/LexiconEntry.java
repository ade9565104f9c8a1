package org.litgraph.ingest.lexicon;

import java.util.List;
import org.litgraph.graph.EntityKind;

/**
 * One grounded concept: a CURIE id, its kind, a preferred name, synonyms and broader concepts.
 * {@code xrefs} are other identifiers of the same concept (an older MeSH record, a DrugCentral or RxNorm id,
 * an HGNC id); {@code guarded} are those of its names (all also in {@code synonyms} or the name) that ground
 * text only with supporting context, such as a gene symbol that is also an English word or a common
 * abbreviation ("CAT", "SET").
 */
public record LexiconEntry(String id, EntityKind kind, String name, List<String> synonyms, List<String> parents,
                           String symbol, List<String> xrefs, List<String> guarded) {
    public LexiconEntry {
        synonyms = List.copyOf(synonyms);
        parents = List.copyOf(parents);
        xrefs = List.copyOf(xrefs);
        guarded = List.copyOf(guarded);
    }

    public LexiconEntry(String id, EntityKind kind, String name, List<String> synonyms, List<String> parents,
                        String symbol) {
        this(id, kind, name, synonyms, parents, symbol, List.of(), List.of());
    }
}
