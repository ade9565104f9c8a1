package org.litgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.DocumentGraph.Causality;

/**
 * The Naranjo adverse drug reaction probability scale, scored from what a case's text states.
 * A question the text does not answer scores 0 ("do not know") and is recorded as unanswered,
 * so a low score from silence can be told apart from a low score from evidence against.
 */
final class Naranjo {
    private static final Pattern ALTERNATIVES_EXCLUDED = Pattern.compile(
            "(?i)\\b(?:exclud\\w*|ruled out|rule out|no other (?:cause|explanation)|negative (?:cultures?|work-?up)|"
                    + "without evidence of infection)\\b");
    private static final Pattern ALTERNATIVES_PRESENT = Pattern.compile(
            "(?i)\\b(?:alternative (?:cause|explanation)|could also be (?:due|attributed) to|confound\\w*|"
                    + "another cause)\\b");
    private static final Pattern PLACEBO = Pattern.compile("(?i)\\bplacebo\\b");
    private static final Pattern TOXIC_LEVEL = Pattern.compile(
            "(?i)\\b(?:toxic|supratherapeutic|elevated|high)\\s+(?:serum |plasma |blood )?(?:levels?|concentrations?)\\b");
    private static final Pattern DOSE_RELATED = Pattern.compile(
            "(?i)\\bdose[- ](?:dependent|related)\\b|\\b(?:improved|resolved|lessened) (?:after|with|on) (?:a )?dose reduction\\b|"
                    + "\\bworsened (?:after|with|on) (?:a )?dose increase\\b");
    private static final Pattern PREVIOUS_EXPOSURE = Pattern.compile(
            "(?i)\\b(?:previous(?:ly)?|prior) (?:exposure|episode|reaction|course)s?\\b[^.]{0,60}\\b(?:similar|same)\\b");
    private static final Pattern OBJECTIVE = Pattern.compile(
            "(?i)\\b(?:CT|HRCT|computed tomography|radiograph\\w*|x-ray|biopsy|histolog\\w*|patholog\\w*|lavage|"
                    + "laboratory|serum|imaging|opacit\\w*|spirometry|diffusing capacity)\\b");

    private Naranjo() {
    }

    /**
     * @param drugId         the suspected drug
     * @param caseText       what the document says of this patient
     * @param findings       the findings the document lists for the patient, or null
     * @param onsetStated    whether the reaction is said to follow the drug (time to onset stated)
     * @param previousReport whether the document reports this drug causing this reaction elsewhere
     */
    static Causality score(String drugId, String caseText, String findings, boolean onsetStated,
                           boolean previousReport, Challenge dechallenge, Challenge rechallenge) {
        List<String> answers = new ArrayList<>();
        int score = 0;
        int answered = 0;
        String text = caseText == null ? "" : caseText;
        if (previousReport) {
            score += 1;
            answered++;
            answers.add("Q1 previous conclusive reports: yes (+1)");
        }
        if (onsetStated) {
            score += 2;
            answered++;
            answers.add("Q2 appeared after the drug was given: yes (+2)");
        }
        if (dechallenge == Challenge.POSITIVE) {
            score += 1;
            answered++;
            answers.add("Q3 improved when the drug was stopped: yes (+1)");
        } else if (dechallenge == Challenge.NEGATIVE) {
            answered++;
            answers.add("Q3 improved when the drug was stopped: no (0)");
        }
        if (rechallenge == Challenge.POSITIVE) {
            score += 2;
            answered++;
            answers.add("Q4 reappeared on re-administration: yes (+2)");
        } else if (rechallenge == Challenge.NEGATIVE) {
            score -= 1;
            answered++;
            answers.add("Q4 reappeared on re-administration: no (-1)");
        }
        if (ALTERNATIVES_PRESENT.matcher(text).find()) {
            score -= 1;
            answered++;
            answers.add("Q5 alternative causes: yes (-1)");
        } else if (ALTERNATIVES_EXCLUDED.matcher(text).find()) {
            score += 2;
            answered++;
            answers.add("Q5 alternative causes: excluded (+2)");
        }
        if (PLACEBO.matcher(text).find()) {
            answers.add("Q6 placebo: mentioned, not scored (0)");
        }
        if (TOXIC_LEVEL.matcher(text).find()) {
            score += 1;
            answered++;
            answers.add("Q7 toxic concentration detected: yes (+1)");
        }
        if (DOSE_RELATED.matcher(text).find()) {
            score += 1;
            answered++;
            answers.add("Q8 dose-related: yes (+1)");
        }
        if (PREVIOUS_EXPOSURE.matcher(text).find()) {
            score += 1;
            answered++;
            answers.add("Q9 similar reaction on previous exposure: yes (+1)");
        }
        if ((findings != null && !findings.isBlank()) || OBJECTIVE.matcher(text).find()) {
            score += 1;
            answered++;
            answers.add("Q10 confirmed by objective evidence: yes (+1)");
        }
        return new Causality(drugId, score, category(score), answered, answers);
    }

    static String category(int score) {
        if (score >= 9) {
            return "definite";
        }
        if (score >= 5) {
            return "probable";
        }
        if (score >= 1) {
            return "possible";
        }
        return "doubtful";
    }
}
