package org.litgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.DocumentGraph.Causality;
import org.litgraph.graph.DocumentGraph.FieldSource;

/**
 * The Naranjo adverse drug reaction probability scale, scored from what a case's text states.
 * A question the text does not answer scores 0 ("do not know") and is recorded as unanswered,
 * so a low score from silence can be told apart from a low score from evidence against. Each
 * answer keeps the sentence that answered it ({@link Causality#answerSentences()}, same order).
 * A document that calls itself the first report answers question 1 with no.
 */
final class Naranjo {
    private static final Pattern ALTERNATIVES_EXCLUDED = Pattern.compile(
            "(?i)\\b(?:exclud\\w*|ruled out|rule out|no other (?:cause|explanation)|negative (?:cultures?|work-?up|serolog\\w*)|"
                    + "without evidence of infection)\\b");
    private static final Pattern ALTERNATIVES_PRESENT = Pattern.compile(
            "(?i)\\b(?:alternative (?:cause|explanation)|could also be (?:due|attributed) to|confound\\w*|"
                    + "another cause|cannot be excluded|could not be excluded|may also have contributed)\\b");
    private static final Pattern PLACEBO = Pattern.compile("(?i)\\bplacebo\\b");
    private static final Pattern TOXIC_LEVEL = Pattern.compile(
            "(?i)\\b(?:toxic|supratherapeutic|elevated|high)\\s+(?:serum |plasma |blood |trough )?(?:drug )?(?:levels?|concentrations?)\\b");
    private static final Pattern DOSE_RELATED = Pattern.compile(
            "(?i)\\bdose[- ](?:dependent|related)\\b|\\b(?:improved|resolved|lessened|abated) (?:after|with|on) (?:a )?dose reduction\\b|"
                    + "\\bworsened (?:after|with|on) (?:a )?dose increase\\b");
    private static final Pattern PREVIOUS_EXPOSURE = Pattern.compile(
            "(?i)\\b(?:previous(?:ly)?|prior) (?:exposure|episode|reaction|course)s?\\b[^.]{0,60}\\b(?:similar|same)\\b");
    private static final Pattern OBJECTIVE = Pattern.compile(
            "(?i)\\b(?:CT|HRCT|computed tomography|radiograph\\w*|x-ray|biopsy|histolog\\w*|patholog\\w*|lavage|"
                    + "laboratory|serum|imaging|opacit\\w*|spirometry|diffusing capacity|MRI|echocardiograph\\w*|ECG|"
                    + "electrocardiogra\\w*)\\b");

    private Naranjo() {
    }

    /** Scores the case of {@code d} for {@code drugId}; {@code previousReport}: the document reports it outside the case. */
    static Causality score(String drugId, CaseExtractor.Draft d, boolean previousReport) {
        List<String> answers = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        int score = 0;
        int answered = 0;
        if (d.firstReport != null) {
            answered++;
            answers.add("Q1 previous conclusive reports: no, first report (0)");
            sentences.add((String) d.firstReport[2]);
        } else if (d.previouslyReported != null || previousReport) {
            score += 1;
            answered++;
            answers.add("Q1 previous conclusive reports: yes (+1)");
            sentences.add(d.previouslyReported != null ? (String) d.previouslyReported[2]
                    : "(the document states the reaction outside this case)");
        }
        if (d.timeToOnset != null) {
            score += 2;
            answered++;
            answers.add("Q2 appeared after the drug was given: yes (+2)");
            sentences.add(source(d, "timeToOnset"));
        }
        if (d.dechallenge == Challenge.POSITIVE) {
            score += 1;
            answered++;
            answers.add("Q3 improved when the drug was stopped: yes (+1)");
            sentences.add(source(d, "dechallenge"));
        } else if (d.dechallenge == Challenge.NEGATIVE) {
            answered++;
            answers.add("Q3 improved when the drug was stopped: no (0)");
            sentences.add(source(d, "dechallenge"));
        }
        if (d.rechallenge == Challenge.POSITIVE) {
            score += 2;
            answered++;
            answers.add("Q4 reappeared on re-administration: yes (+2)");
            sentences.add(source(d, "rechallenge"));
        } else if (d.rechallenge == Challenge.NEGATIVE) {
            score -= 1;
            answered++;
            answers.add("Q4 reappeared on re-administration: no (-1)");
            sentences.add(source(d, "rechallenge"));
        }
        String alt = first(d, ALTERNATIVES_PRESENT);
        String excluded = alt == null ? first(d, ALTERNATIVES_EXCLUDED) : null;
        if (alt != null) {
            score -= 1;
            answered++;
            answers.add("Q5 alternative causes: yes (-1)");
            sentences.add(alt);
        } else if (excluded != null) {
            score += 2;
            answered++;
            answers.add("Q5 alternative causes: excluded (+2)");
            sentences.add(excluded);
        }
        String placebo = first(d, PLACEBO);
        if (placebo != null) {
            answers.add("Q6 placebo: mentioned, not scored (0)");
            sentences.add(placebo);
        }
        String toxic = first(d, TOXIC_LEVEL);
        if (toxic != null) {
            score += 1;
            answered++;
            answers.add("Q7 toxic concentration detected: yes (+1)");
            sentences.add(toxic);
        }
        String doseRelated = first(d, DOSE_RELATED);
        if (doseRelated != null) {
            score += 1;
            answered++;
            answers.add("Q8 dose-related: yes (+1)");
            sentences.add(doseRelated);
        }
        String previous = first(d, PREVIOUS_EXPOSURE);
        if (previous != null) {
            score += 1;
            answered++;
            answers.add("Q9 similar reaction on previous exposure: yes (+1)");
            sentences.add(previous);
        }
        String objective = first(d, OBJECTIVE);
        if ((d.findings != null && !d.findings.isBlank()) || objective != null) {
            score += 1;
            answered++;
            answers.add("Q10 confirmed by objective evidence: yes (+1)");
            sentences.add(objective != null ? objective : d.findings);
        }
        return new Causality(drugId, score, category(score), answered, answers, sentences);
    }

    private static String source(CaseExtractor.Draft d, String field) {
        for (FieldSource f : d.sources) {
            if (f.field().equals(field)) {
                return f.sentence();
            }
        }
        return "";
    }

    private static String first(CaseExtractor.Draft d, Pattern p) {
        for (Object[] s : d.sentences) {
            String text = (String) s[2];
            if (p.matcher(text).find()) {
                return text;
            }
        }
        return null;
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
