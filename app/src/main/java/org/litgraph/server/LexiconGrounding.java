package org.litgraph.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.litgraph.ingest.lexicon.TermGrounder;
import org.litgraph.query.answer.Grounding;

/**
 * Grounds query terms with ingest's lexicon and recogniser ({@link TermGrounder}), so questions and
 * search read a name the way extraction does. The lexicon takes seconds to load and is needed only
 * when the graph's own names leave a choice: it is loaded once per JVM, on first use, or ahead of
 * time in the background by {@link #preload()} (the server does, at start).
 */
public final class LexiconGrounding implements Grounding {
    private static final LexiconGrounding SHARED = new LexiconGrounding();
    private static CompletableFuture<TermGrounder> loading;

    private LexiconGrounding() {
    }

    /** The JVM's grounding (nothing is loaded until it is first used). */
    public static LexiconGrounding shared() {
        return SHARED;
    }

    /** Starts loading the lexicon in the background, if it has not started. */
    public static LexiconGrounding preload() {
        start(true);
        return SHARED;
    }

    private static synchronized CompletableFuture<TermGrounder> start(boolean background) {
        if (loading == null) {
            if (background) {
                loading = CompletableFuture.supplyAsync(TermGrounder::standard, r -> {
                    Thread t = new Thread(r, "litgraph-lexicon-load");
                    t.setDaemon(true);
                    t.start();
                });
            } else {
                CompletableFuture<TermGrounder> f = new CompletableFuture<>();
                loading = f;
                try {
                    f.complete(TermGrounder.standard());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }
        }
        return loading;
    }

    @Override
    public List<Grounded> ground(String term) {
        TermGrounder g;
        try {
            g = start(false).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot load the lexicon: " + e.getCause(), e.getCause());
        }
        return g.ground(term).stream().map(e -> new Grounded(e.id(), e.name(), e.kind().label())).toList();
    }
}
