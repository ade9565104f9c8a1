package org.litgraph.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.litgraph.ingest.lexicon.TermGrounder;
import org.litgraph.query.answer.Grounding;

/**
 * Grounds query terms with ingest's lexicon and recogniser ({@link TermGrounder}), so questions and
 * search read a name the way extraction does. The lexicon takes a few seconds to load: it is
 * loaded once per JVM, in the background from the first {@link #shared()} call (the CLI calls it
 * before opening the store, the server at start), and the first grounding waits for it.
 */
public final class LexiconGrounding implements Grounding {
    private static volatile CompletableFuture<TermGrounder> loading;
    private static final LexiconGrounding SHARED = new LexiconGrounding();

    private LexiconGrounding() {
    }

    /** The JVM's grounding; starts loading the lexicon in the background if it has not started. */
    public static LexiconGrounding shared() {
        if (loading == null) {
            synchronized (LexiconGrounding.class) {
                if (loading == null) {
                    loading = CompletableFuture.supplyAsync(TermGrounder::standard, r -> {
                        Thread t = new Thread(r, "litgraph-lexicon-load");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }
        return SHARED;
    }

    @Override
    public List<Grounded> ground(String term) {
        TermGrounder g;
        try {
            g = loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot load the lexicon: " + e.getCause(), e.getCause());
        }
        return g.ground(term).stream().map(e -> new Grounded(e.id(), e.name(), e.kind().label())).toList();
    }
}
