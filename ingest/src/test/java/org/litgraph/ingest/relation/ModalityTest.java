package org.litgraph.ingest.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Negation and speculation scope relative to a statement's two mentions; sentences written for this test. */
class ModalityTest {
    /** The modality of the statement between the first occurrences of {@code a} and {@code b} in the sentence. */
    private static Modality of(String sentence, String a, String b) {
        int as = sentence.indexOf(a);
        int bs = sentence.indexOf(b);
        if (as < 0 || bs < 0) {
            throw new IllegalArgumentException("mention not in sentence");
        }
        return Modality.of(sentence, as, as + a.length(), bs, bs + b.length());
    }

    @Test
    void negationBetweenTheMentionsReachingTheSecond() {
        assertTrue(of("The new drug did not cause hepatitis in any patient.", "new drug", "hepatitis").negated());
        assertTrue(of("Hepatitis was not caused by the new drug.", "Hepatitis", "new drug").negated());
    }

    @Test
    void negationCoveringBothMentions() {
        Modality m = of("The physicians excluded exogenous insulin as a cause of the hypoglycaemia.", "insulin", "hypoglycaemia");
        assertTrue(m.negated());
        assertEquals("excluded", m.negationCue());
        assertTrue(of("No adverse effects of metformin were observed during the trial.", "adverse effects", "metformin").negated());
        assertTrue(of("Lithium-induced tremor was ruled out by the neurologist.", "Lithium", "tremor").negated());
    }

    @Test
    void openPossibilityIsHedgedNotNegated() {
        Modality m = of("A contribution of the statin to the myopathy cannot be excluded.", "statin", "myopathy");
        assertFalse(m.negated());
        assertTrue(m.hedged());
        assertTrue(of("The new drug may cause neutropenia.", "new drug", "neutropenia").hedged());
        assertTrue(of("Whether amiodarone causes thyroiditis remains to be seen.", "amiodarone", "thyroiditis").hedged());
    }

    @Test
    void pseudoTriggersAndTerminatorsStopNegation() {
        assertFalse(of("Warfarin not only prolonged the bleeding time but also caused hematuria.", "Warfarin", "hematuria").negated());
        assertFalse(of("The rash was no longer visible once valproate was withdrawn.", "rash", "valproate").negated());
        assertFalse(of("Cough was reported with enalapril; fever was not.", "Cough", "enalapril").negated());
        assertFalse(of("Enalapril caused cough, but no angioedema was seen.", "Enalapril", "cough").negated());
    }

    @Test
    void negationOfALaterEventDoesNotReachBack() {
        assertFalse(of("Methotrexate was stopped and the rash did not recur.", "Methotrexate", "rash").negated());
    }

    @Test
    void plainStatementsAndSingleMentions() {
        Modality m = of("Ibuprofen caused gastric bleeding in two patients.", "Ibuprofen", "gastric bleeding");
        assertEquals(Modality.NONE, m);
        String s = "There was no fever.";
        assertTrue(Modality.of(s, s.indexOf("fever"), s.indexOf("fever") + 5).negated());
        Modality.Sentence once = Modality.analyse("Clozapine probably caused the myocarditis.");
        assertTrue(Modality.of(once, 0, 9, 31, 42).hedged());
    }
}
