package org.litgraph.ingest.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grounds a query term exactly as extraction grounds the same words in a document: the lexicon's
 * candidates for the term's normalised key, and among them the entry the {@link EntityRecognizer}
 * picks for that surface (its abbreviation rule included) first. Questions and search use it, so
 * that "pneumonitis" means in a query what it means in the statements extracted from text.
 */
public final class TermGrounder {
    private final Lexicon lexicon;

    public TermGrounder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Over the lexicon shipped with litgraph (loaded once per JVM). */
    public static TermGrounder standard() {
        return new TermGrounder(Lexicon.defaultLexicon());
    }

    /** The entries {@code term} names as a whole, the one extraction would pick first; empty if none. */
    public List<LexiconEntry> ground(String term) {
        String t = term == null ? "" : term.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        List<LexiconEntry> candidates = new ArrayList<>();
        for (String id : lexicon.lookup(t)) {
            lexicon.get(id).ifPresent(candidates::add);
        }
        if (candidates.size() <= 1) {
            return candidates;
        }
        // the recogniser's choice for this very surface, over just these candidates (same order, same rules)
        Optional<LexiconEntry> picked = new EntityRecognizer(Lexicon.of(candidates)).find(t, 0, t.length(), Map.of())
                .stream().filter(m -> m.start() == 0 && m.end() == t.length()).map(Mention::entry).findFirst();
        if (picked.isEmpty()) {
            return candidates;
        }
        List<LexiconEntry> out = new ArrayList<>(candidates.size());
        out.add(picked.get());
        candidates.stream().filter(e -> !e.id().equals(picked.get().id())).forEach(out::add);
        return out;
    }
}
