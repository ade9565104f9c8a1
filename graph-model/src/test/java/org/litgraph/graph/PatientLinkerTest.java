package org.litgraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that decides whether two tellings are one patient. */
class PatientLinkerTest {
    private static PatientLinker.Facts facts(String id, String doc, Integer age, String sex, String dose, String onset,
                                             String outcome, Set<String> conditions) {
        return new PatientLinker.Facts(id, doc, age, sex, dose, onset, outcome, Set.of("drug:x"), conditions, conditions,
                Set.of(), Set.of());
    }

    @Test
    void shouldLinkTwoTellingsThatAgreeOnAgeSexReactionAndDose() {
        var a = facts("case:a", "doc:1", 58, "female", "100 mg daily", "5 months", "resolved", Set.of("C:effusion"));
        var b = facts("case:b", "doc:2", 59, "female", "100 mg/day", "about five months", null, Set.of("C:effusion"));
        PatientLinker.Judgement j = PatientLinker.judge(a, b);
        assertTrue(j.linked(), j::toString);
        assertEquals(6.5, j.score()); // age 2 + sex 1 + reaction 1.5 + dose 1 + onset 1
        assertTrue(j.basis().containsAll(java.util.List.of("drug", "age", "sex", "reaction", "dose", "onset")));
    }

    @Test
    void shouldKeepApartPatientsWhoDifferInSexOrAgeOrShareOnlyDrugSexAndReaction() {
        var a = facts("case:a", "doc:1", 58, "female", "100 mg daily", null, null, Set.of("C:effusion"));
        assertFalse(PatientLinker.judge(a, facts("case:b", "doc:2", 58, "male", "100 mg", null, null, Set.of("C:effusion"))).linked());
        assertFalse(PatientLinker.judge(a, facts("case:b", "doc:2", 64, "female", "100 mg", null, null, Set.of("C:effusion"))).linked());
        // same drug, sex, reaction; age two years apart and another dose
        assertFalse(PatientLinker.judge(a, facts("case:b", "doc:2", 60, "female", "140 mg", null, null, Set.of("C:effusion"))).linked());
        // same age and sex but another dose and another reaction
        assertFalse(PatientLinker.judge(a, facts("case:b", "doc:2", 58, "female", "140 mg", null, null, Set.of("C:rash"))).linked());
    }

    @Test
    void shouldNeverLinkTwoPatientsOfOneDocument() {
        var a = facts("case:a", "doc:1", 58, "female", "100 mg", null, null, Set.of("C:effusion"));
        var b = facts("case:b", "doc:1", 58, "female", "100 mg", null, null, Set.of("C:effusion"));
        assertFalse(PatientLinker.judge(a, b).linked());
    }

    @Test
    void shouldLinkACitedTellingWithoutAnAge() {
        var a = new PatientLinker.Facts("case:a", "doc:1", 58, "female", "100 mg", null, null, Set.of("drug:x"),
                Set.of("C:effusion"), Set.of("C:effusion"), Set.of(), Set.of());
        var b = new PatientLinker.Facts("case:b", "doc:2", null, "female", null, null, null, Set.of("drug:x"),
                Set.of("C:effusion"), Set.of("C:effusion"), Set.of("doc:1"), Set.of());
        PatientLinker.Judgement j = PatientLinker.judge(a, b);
        assertTrue(j.linked(), j::toString);
        assertTrue(j.basis().contains("citation"));
    }

    @Test
    void shouldNormaliseDosesOnsetsAndOutcomes() {
        assertEquals("400 mg", PatientLinker.doseKey("400mg once a day"));
        assertEquals(PatientLinker.onsetKey("about 2 months"), PatientLinker.onsetKey("8 weeks"));
        assertEquals("died", PatientLinker.outcomeKind("She died of respiratory failure"));
        assertEquals("recovered", PatientLinker.outcomeKind("complete resolution"));
        assertEquals("not recovered", PatientLinker.outcomeKind("fibrosis still present after 29 months"));
    }
}
