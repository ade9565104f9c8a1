package org.litgraph.ingest.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.litgraph.ingest.relation.DocumentView.Span;
import org.litgraph.ingest.relation.RelationEvaluator.Score;
import org.litgraph.ingest.relation.RelationEvaluator.SpanPair;

/** The evaluator's arithmetic. */
class RelationEvaluatorTest {
    @Test
    void setComparisonAndF1() {
        Score s = RelationEvaluator.compare(Set.of("a\tb", "c\td", "e\tf"), Set.of("a\tb", "x\ty"));
        assertEquals(new Score(1, 1, 2), s);
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(1.0 / 3, s.recall(), 1e-12);
        assertEquals(0.4, s.f1(), 1e-12);
        assertEquals(0.0, new Score(0, 0, 4).f1());
        assertEquals(0.0, new Score(0, 0, 0).precision());
    }

    @Test
    void unorderedPairs() {
        assertEquals(RelationEvaluator.unordered("MESH:D2", "MESH:D1"), RelationEvaluator.unordered("MESH:D1", "MESH:D2"));
    }

    @Test
    void spanPairsMatchOneToOneByOverlapAndType() {
        List<SpanPair> gold = List.of(new SpanPair(new Span(0, 5), new Span(10, 20), "CAUSES"),
                new SpanPair(new Span(0, 5), new Span(30, 40), "CAUSES"));
        List<SpanPair> predicted = List.of(
                new SpanPair(new Span(2, 4), new Span(15, 16), "CAUSES"),   // overlaps the first
                new SpanPair(new Span(1, 3), new Span(12, 14), "CAUSES"),   // the first again: already used
                new SpanPair(new Span(0, 5), new Span(30, 40), "TREATS"));  // wrong type
        assertEquals(new Score(1, 2, 1), RelationEvaluator.compareSpans(gold, predicted));
    }
}
