package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quantitative findings as stated in a sentence: percentages, "n of N", incidences, patient counts. */
final class Quantities {
    private static final String NUM = "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final Pattern[] PATTERNS = {
        // "10% of cases", "3.5 % of patients", "in 10%"
        Pattern.compile("(?i)\\b\\d+(?:[.,]\\d+)?\\s?%(?:\\s+of\\s+(?:the\\s+)?[\\p{L}-]+(?:\\s+[\\p{L}-]+)?)?"),
        // "one out of four elderly patients", "3 of 12 patients", "2/10 patients"
        Pattern.compile("(?i)\\b" + NUM + "\\s+(?:out\\s+)?of\\s+(?:the\\s+)?" + NUM + "(?:\\s+[\\p{L}-]+){0,2}"),
        Pattern.compile("(?i)\\b\\d+\\s?/\\s?\\d+\\s+(?:patients|cases|subjects|participants)"),
        // "incidence of 2.1%", "very low incidence", "incidence rate of ..."
        Pattern.compile("(?i)\\b(?:(?:very\\s+)?(?:low|high|rare|higher|lower)\\s+)?incidences?(?:\\s+rates?)?(?:\\s+of\\s+(?:[^,.;]|(?<=\\d)[.,](?=\\d)){1,40})?"),
        // "12 patients", "n = 45"
        Pattern.compile("(?i)\\b\\d+\\s+(?:patients|cases|subjects|participants|women|men|children)\\b"),
        Pattern.compile("(?i)\\bn\\s?=\\s?\\d+"),
    };

    private Quantities() {
    }

    /** The verbatim fragments, in order of appearance, without overlaps. */
    static List<String> find(String text) {
        if (text == null) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (spans.stream().noneMatch(x -> s < x[1] && e > x[0])) {
                    spans.add(new int[] {s, e});
                }
            }
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        return spans.stream().map(x -> text.substring(x[0], x[1]).strip()).toList();
    }
}
