package org.litgraph.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.Sex;

/** The assessor's wordings, one by one, on sentences written for this test. */
class CaseReadingTest {
    @Test
    void shouldReadPatientsFromAnyDescription() {
        CaseReading.Patient p = CaseReading.agedPatient("A man in his 80s on warfarin was admitted with melena.");
        assertEquals(80, p.age());
        assertEquals(Sex.MALE, p.sex());
        assertEquals("elderly", p.ageGroup());
        CaseReading.Patient infant = CaseReading.agedPatient("A 4-month-old infant was given an antibiotic intravenously.");
        assertEquals(0, infant.age());
        assertEquals("infant", infant.ageGroup());
        assertEquals(52, CaseReading.agedPatient("We saw a woman aged 52 with a rash.").age());
        assertNull(CaseReading.agedPatient("Patients aged 18 to 65 years were enrolled."), "a population, not a patient");
        assertNull(CaseReading.agedPatient("She had a 10-year history of asthma."), "a history, not an age");
        CaseReading.Patient young = CaseReading.agelessPatient("A relatively young woman developed jaundice after starting the drug.");
        assertEquals(Sex.FEMALE, young.sex());
        assertEquals("young adult", young.ageGroup());
        assertNull(CaseReading.agelessPatient("A patient on this drug should be monitored for jaundice."), "advice, not a case");
    }

    @Test
    void shouldReadDosesWholeAndNeverALabValue() {
        String s = "She took the drug 100 mg twice daily orally for six weeks.";
        CaseReading.Dose d = CaseReading.dose(s, 0, s.length());
        assertEquals("100 mg twice daily", d.text());
        assertEquals("twice daily", d.frequency());
        assertEquals("orally", d.route());
        assertNull(CaseReading.dose("The lactate was 3.5 mg/dL on arrival.", 0, 37));
        assertEquals("six weeks", CaseReading.duration(s, 0, s.length()).value());
        assertTrue(CaseReading.notADrug("He underwent argon plasma coagulation of the lesion.", "argon", 14, 19));
        assertTrue(CaseReading.notADrug("Her bilirubin rose to 8 mg/dL.", "bilirubin", 4, 13));
        assertFalse(CaseReading.notADrug("He received lithium 300 mg daily.", "lithium", 12, 19));
    }

    @Test
    void shouldReadDechallengeAndRechallengeInTheirWordings() {
        assertEquals(Challenge.POSITIVE, CaseReading.dechallenge("The rash faded within days of stopping the antibiotic.").value());
        assertEquals(Challenge.NEGATIVE, CaseReading.dechallenge("The drug was withdrawn but the neuropathy did not improve.").value());
        assertEquals(Challenge.NOT_DONE, CaseReading.dechallenge("The drug was continued at the same dose.").value());
        assertEquals(Challenge.NEGATIVE, CaseReading.rechallenge("It was restarted without recurrence.").value());
        assertEquals(Challenge.POSITIVE, CaseReading.rechallenge("On re-exposure the fever returned within hours.").value());
        assertEquals(Challenge.NEGATIVE, CaseReading.rechallenge("The agent was reintroduced and tolerated well.").value());
        assertEquals(Challenge.NOT_DONE, CaseReading.rechallenge("The drug was not restarted.").value());
        assertEquals(Challenge.NOT_DONE, CaseReading.rechallenge("No rechallenge was attempted.").value());
        assertEquals(Challenge.NEGATIVE, CaseReading.rechallenge("A successful re-challenge followed.").value());
    }

    @Test
    void shouldReadOnlyThisPatientsOutcome() {
        assertNull(CaseReading.outcome("Drug-induced pneumonitis is a potentially fatal complication."));
        assertEquals("died", CaseReading.outcome("He died of respiratory failure two weeks later.").value());
        assertEquals("improved", CaseReading.outcome("She responded dramatically to corticosteroids.").value());
        assertEquals("recovered", CaseReading.outcome("The patient made a full recovery.").value());
        assertEquals("not recovered", CaseReading.outcome("The optic neuropathy was irreversible.").value());
    }

    @Test
    void shouldKeepTheAuthorsStatedCausalityVerbatim() {
        String s = "Causality was assessed with a Naranjo score of 9 (definite).";
        CaseReading.Stated st = CaseReading.stated(s);
        assertEquals("Naranjo", st.scale());
        assertEquals(9, st.score());
        assertEquals("definite", st.category());
        assertTrue(s.substring(st.start(), st.end()).contains("score of 9 (definite)"), s.substring(st.start(), st.end()));
        CaseReading.Stated who = CaseReading.stated("By the WHO-UMC criteria the reaction was probable.");
        assertEquals("WHO-UMC", who.scale());
        assertEquals("probable", who.category());
        assertNotNull(CaseReading.firstReport("To our knowledge this is the first reported case of this reaction."));
        assertNull(CaseReading.previouslyReported("This is the first report of such a reaction."));
    }

    @Test
    void shouldTellHistoryFromPresentation() {
        String s = "He had been treated for tuberculosis 18 years earlier and now presented with pneumonitis.";
        int tb = s.indexOf("tuberculosis");
        assertTrue(CaseReading.history(s, tb, tb + "tuberculosis".length()));
        int pn = s.indexOf("pneumonitis");
        assertFalse(CaseReading.history(s, pn, pn + "pneumonitis".length()));
    }
}
