package org.litgraph.ingest.cases;

/**
 * What a span of a case-report sentence is, in PHEE's annotation scheme (Sun et al. 2022): the
 * event's arguments (drug, effect, the subject's age, gender and population, the treatment's dose,
 * route, frequency, duration and time elapsed), the words that trigger an adverse or therapeutic
 * event, and the cues of negation, speculation and severity.
 */
public enum Role {
    DRUG("Drug"),
    EFFECT("Effect"),
    AGE("Age"),
    GENDER("Gender"),
    POPULATION("Population"),
    DOSE("Dosage"),
    ROUTE("Route"),
    FREQUENCY("Freq"),
    DURATION("Duration"),
    TIME_ELAPSED("Time_elapsed"),
    ADVERSE_TRIGGER("Adverse_event"),
    THERAPEUTIC_TRIGGER("Potential_therapeutic_event"),
    NEGATION("Negation_cue"),
    SPECULATION("Speculation_cue"),
    SEVERITY("Severity_cue");

    private final String brat;

    Role(String brat) {
        this.brat = brat;
    }

    /** The brat entity type PHEE uses for this role. */
    public String brat() {
        return brat;
    }

    /** The role of a PHEE brat type, or null for types the tagger does not learn (Subject, Treatment, ...). */
    public static Role ofBrat(String type) {
        for (Role r : values()) {
            if (r.brat.equals(type)) {
                return r;
            }
        }
        return null;
    }

    /** The argument roles scored on PHEE (triggers and cues are not arguments). */
    public boolean argument() {
        return ordinal() <= TIME_ELAPSED.ordinal();
    }
}
