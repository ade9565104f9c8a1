package org.litgraph.ingest.relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * What the relation model reads of one document: its text, its sentences (offsets into the
 * text) and its grounded entity mentions (offsets, kind, id). {@code titleEnd} is the end of
 * the title when the text starts with one (PubTator convention: title, one space, abstract),
 * else 0. Mentions are kept sorted by start; each lies inside the text.
 */
public record DocumentView(String text, int titleEnd, List<Span> sentences, List<Entity> entities) {

    /** A character range {@code [start, end)} of the text. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }

        public boolean overlaps(Span o) {
            return start < o.end && o.start < end;
        }

        public boolean contains(Span o) {
            return start <= o.start && o.end <= end;
        }
    }

    /** One grounded mention: a drug/chemical, target/gene, process or condition, with its concept id. */
    public record Entity(int start, int end, EntityKind kind, String id) {
        public Entity {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad mention [" + start + ", " + end + ")");
            }
        }

        public Span span() {
            return new Span(start, end);
        }
    }

    public DocumentView {
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(sentences);
        List<Entity> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end).thenComparing(Entity::id));
        for (Entity e : sorted) {
            if (e.end() > text.length()) {
                throw new IllegalArgumentException("mention beyond the text: " + e);
            }
        }
        entities = List.copyOf(sorted);
    }

    /**
     * A view whose sentences are found by the project's {@link SentenceSplitter}; when
     * {@code titleEnd > 0} the title is a sentence of its own.
     */
    public static DocumentView of(String text, int titleEnd, List<Entity> entities) {
        return new DocumentView(text, titleEnd, split(text, titleEnd), entities);
    }

    /** The title (when there is one) as one sentence, then the rest split by {@link SentenceSplitter}. */
    public static List<Span> split(String text, int titleEnd) {
        List<Span> out = new ArrayList<>();
        int from = 0;
        if (titleEnd > 0) {
            out.add(new Span(0, titleEnd));
            from = Math.min(text.length(), titleEnd + 1);
        }
        String rest = text.substring(from);
        for (Sentence s : SentenceSplitter.split(rest)) {
            out.add(new Span(s.start() + from, s.end() + from));
        }
        return out;
    }

    /** The same text and sentences with other mentions. */
    public DocumentView withEntities(List<Entity> other) {
        return new DocumentView(text, titleEnd, sentences, other);
    }

    String slice(Span s) {
        return text.substring(s.start(), s.end());
    }
}
