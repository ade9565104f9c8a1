package org.litgraph.ingest.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;

/**
 * The {@link MentionFinder} as the extraction pipeline's mention step: found mentions of the graph's
 * entity kinds as lexicon {@link Mention}s. A mention grounded to a litgraph id ({@code LG:drug/...})
 * gets an entry of its own, named from the id, so a drug the vocabulary lacks becomes a Drug entity
 * like any other. Thread-safe.
 */
public final class LexiconMentions {
    private final MentionFinder finder;
    private final Lexicon lexicon;
    private final ConcurrentHashMap<String, LexiconEntry> litgraphEntries = new ConcurrentHashMap<>();

    public LexiconMentions(MentionFinder finder, Lexicon lexicon) {
        this.finder = finder;
        this.lexicon = lexicon;
    }

    /** The shipped tagger over this lexicon (the tagger's weights are loaded once and shared). */
    public static LexiconMentions of(Lexicon lexicon) {
        MentionFinder f = lexicon == Lexicon.defaultLexicon() ? MentionFinder.standard()
                : MentionFinder.load(lexicon, MentionFinder.Policy.defaults());
        return new LexiconMentions(f, lexicon);
    }

    public MentionFinder finder() {
        return finder;
    }

    public DocumentContext context(String text) {
        return finder.context(text);
    }

    /** Mentions of drugs, targets, conditions and processes in {@code text[from, to)}, in text order. */
    public List<Mention> find(String text, int from, int to, DocumentContext ctx) {
        List<FoundMention> found = finder.find(text, from, to, ctx);
        List<Mention> out = new ArrayList<>(found.size());
        for (FoundMention m : found) {
            EntityKind kind = m.type().kind();
            if (kind == null || m.ids().isEmpty()) {
                continue;
            }
            entry(m.ids().get(0), kind).ifPresent(e -> out.add(new Mention(m.start(), m.end(), m.text(), e)));
        }
        return out;
    }

    /** The lexicon entry of an id, or the entry of a litgraph id a mention was grounded to. */
    public Optional<LexiconEntry> entry(String id) {
        Optional<LexiconEntry> e = lexicon.get(id);
        return e.isPresent() ? e : Optional.ofNullable(litgraphEntries.get(id));
    }

    private Optional<LexiconEntry> entry(String id, EntityKind kind) {
        Optional<LexiconEntry> e = lexicon.get(id);
        if (e.isPresent() || !id.startsWith("LG:")) {
            return e;
        }
        return Optional.of(litgraphEntries.computeIfAbsent(id, k -> {
            String name = k.substring(k.indexOf('/') + 1).replace('-', ' ');
            return new LexiconEntry(k, kind, name, List.of(), List.of(), null);
        }));
    }
}
