package org.litgraph.ingest.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.relation.DocumentView.Entity;

/** The shipped model loads and states deterministic, provenanced relations; text written for this test. */
class RelationModelTest {
    private static final String TITLE = "Acute hepatitis after nimesulide: a case report";
    private static final String TEXT = TITLE + " A 54-year-old woman developed acute hepatitis two weeks after starting "
            + "nimesulide for back pain. Liver enzymes returned to normal once the drug was withdrawn.";

    private static DocumentView view() {
        return DocumentView.of(TEXT, TITLE.length(), List.of(
                mention("hepatitis", 0, EntityKind.CONDITION, "MESH:D006505"),
                mention("nimesulide", 0, EntityKind.DRUG, "MESH:C012655"),
                mention("hepatitis", 1, EntityKind.CONDITION, "MESH:D006505"),
                mention("nimesulide", 1, EntityKind.DRUG, "MESH:C012655"),
                mention("back pain", 0, EntityKind.CONDITION, "MESH:D001416")));
    }

    /** The n-th occurrence of a phrase as a mention. */
    private static Entity mention(String phrase, int nth, EntityKind kind, String id) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = TEXT.indexOf(phrase, at + 1);
        }
        return new Entity(at, at + phrase.length(), kind, id);
    }

    @Test
    void statesTheAdverseEffectWithItsEvidence() {
        RelationModel model = RelationModel.standard();
        List<RelationStatement> st = model.predict(view());
        RelationStatement causes = st.stream()
                .filter(s -> s.predicate() == Predicate.CAUSES && s.objectId().equals("MESH:D006505"))
                .findFirst().orElseThrow(() -> new AssertionError("no CAUSES hepatitis in " + st));
        assertEquals("MESH:C012655", causes.subjectId());
        assertFalse(causes.negated());
        assertTrue(causes.score() > 0 && causes.score() <= 1);
        // verbatim provenance: the evidence range holds both mentions
        assertTrue(causes.evidenceStart() <= causes.subjectStart() && causes.subjectEnd() <= causes.evidenceEnd());
        assertTrue(causes.evidenceStart() <= causes.objectStart() && causes.objectEnd() <= causes.evidenceEnd());
        assertEquals("nimesulide", TEXT.substring(causes.subjectStart(), causes.subjectEnd()));
        assertEquals("hepatitis", TEXT.substring(causes.objectStart(), causes.objectEnd()));
        String evidence = causes.evidence(TEXT);
        assertTrue(evidence.contains("nimesulide") && evidence.contains("hepatitis"), evidence);
        assertEquals(RelationStatement.Source.MODEL, causes.source());
    }

    @Test
    void predictionIsDeterministic() {
        RelationModel model = RelationModel.standard();
        assertEquals(model.predict(view()), model.predict(view()));
        assertTrue(model.learns(EntityKind.DRUG, EntityKind.CONDITION));
        assertTrue(model.learns(EntityKind.TARGET, EntityKind.CONDITION));
        assertFalse(model.learns(EntityKind.TARGET, EntityKind.PROCESS), "target -> process stays with the cue patterns");
        assertTrue(model.learnedPredicates().contains(Predicate.TREATS));
    }

    @Test
    void noStatementWithoutBothKinds() {
        DocumentView onlyDrug = DocumentView.of(TEXT, TITLE.length(), List.of(mention("nimesulide", 0, EntityKind.DRUG,
                "MESH:C012655")));
        assertTrue(RelationModel.standard().predict(onlyDrug).isEmpty());
    }
}
