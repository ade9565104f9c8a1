package org.litgraph.query.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.query.answer.EvidenceQuestion.Item;
import org.litgraph.query.answer.EvidenceQuestion.Stance;

/** Labels and contradictions of evidence statements, without a graph (issue 11). */
class EvidenceLabelsTest {
    private static final Entity DRUG = new Entity("D1", "drug x", "Drug", List.of());

    private static Item item(String id, String predicate, boolean negated, String conditionId, String relation) {
        return new Item(id, predicate, negated, false, 0.6, "text " + id, conditionId, "condition " + conditionId, relation,
                EvidenceQuestion.stance(relation, predicate, negated, "CAUSES", "TREATS"), "doc-" + id, "Document " + id,
                "review", List.of(), List.of(), null);
    }

    @Test
    void shouldLabelByPredicateNegationAndHierarchy() {
        assertEquals(Stance.SUPPORTING, EvidenceQuestion.stance("exact", "CAUSES", false, "CAUSES", "TREATS"));
        assertEquals(Stance.SUPPORTING, EvidenceQuestion.stance("narrower", "CAUSES", false, "CAUSES", "TREATS"));
        assertEquals(Stance.CONTRADICTING, EvidenceQuestion.stance("exact", "CAUSES", true, "CAUSES", "TREATS"));
        assertEquals(Stance.CONTRADICTING, EvidenceQuestion.stance("exact", "TREATS", false, "CAUSES", "TREATS"));
        assertEquals(Stance.NEUTRAL, EvidenceQuestion.stance("exact", "TREATS", true, "CAUSES", "TREATS"));
        assertEquals(Stance.BROADER, EvidenceQuestion.stance("broader", "CAUSES", false, "CAUSES", "TREATS"));
        assertEquals(Stance.BROADER, EvidenceQuestion.stance("broader", "CAUSES", true, "CAUSES", "TREATS"));
        assertTrue(!item("b", "CAUSES", false, "C0", "broader").supports("CAUSES"), "a broader statement never supports");
    }

    @Test
    void shouldPairOnlyStatementsAboutTheSameConditionThatStillConflictAfterNegation() {
        List<Item> items = List.of(
                item("1", "CAUSES", false, "C1", "exact"),
                item("2", "CAUSES", true, "C1", "exact"),     // denies 1: a conflict
                item("3", "TREATS", false, "C2", "narrower"), // treats another (narrower) condition: no pair with 1
                item("4", "TREATS", true, "C1", "exact"),     // denies treating: survives negation as no claim at all
                item("5", "CAUSES", false, "C3", "narrower"),
                item("6", "TREATS", false, "C3", "narrower")); // causes and treats the same condition: a conflict
        List<EvidenceQuestion.Contradiction> c = EvidenceQuestion.contradictions(DRUG, "CAUSES", "TREATS", items);
        assertEquals(2, c.size(), c::toString);
        assertEquals("denied", c.get(0).kind());
        assertEquals(List.of("1"), c.get(0).asserting());
        assertEquals(List.of("2"), c.get(0).conflicting());
        assertTrue(c.get(0).reason().contains("say drug x causes condition C1") && c.get(0).reason().contains("say it does not"),
                c.get(0).reason());
        assertEquals("opposite", c.get(1).kind());
        assertEquals("C3", c.get(1).conditionId());
        assertTrue(c.stream().noneMatch(x -> x.items().contains("3") || x.items().contains("4")), c::toString);
    }
}
