package org.litgraph.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Sex;
import org.litgraph.ingest.format.ParsedDocument.Cell;
import org.litgraph.ingest.format.ParsedDocument.Table;
import org.litgraph.ingest.lexicon.Mention;

/**
 * Finds the patients a document describes: one per column of a case table ("Case 1", "Patient 2"
 * headers), and one per narrative introduction ("a 64-year-old woman"), segmented by "Case N:"
 * markers. Reads age, sex, doses, time to onset, symptoms, findings, management, outcome,
 * dechallenge and rechallenge from what the text states; sentences about "both patients" or
 * "they" apply to every case of the document.
 */
final class CaseExtractor {
    private static final Pattern CASE_HEADER = Pattern.compile("(?i)\\b(?:case|patient|pt\\.?)\\s*#?\\s*(\\d{1,3})\\b");
    private static final Pattern CASE_MARKER = Pattern.compile("(?i)\\b(?:case|patient)\\s+(\\d{1,3})\\s*[:.)]");
    private static final Pattern INTRO = Pattern.compile(
            "(?i)\\b(\\d{1,3})[- ](?:year|yr)s?[- ]old\\s+(?:[a-z]+\\s+){0,2}?"
                    + "(woman|man|female|male|girl|boy|lady|gentleman|patient|child|infant|adult)\\b");
    private static final Pattern AGE_SEX = Pattern.compile(
            "(?i)\\b(\\d{1,3})[- ](?:year|yr)s?[- ]old\\b(?:\\s+(?:[a-z]+\\s+){0,2}?(woman|man|female|male|girl|boy|lady|gentleman))?");
    private static final Pattern DOSE = Pattern.compile(
            "(?i)\\b\\d+(?:[.,]\\d+)?\\s*(?:mg|g|µg|mcg|mg/m2|mg/m²|mg/kg|iu|units)"
                    + "(?:\\s*/\\s*(?:day|d|week|wk|m2|kg)|\\s+(?:daily|once daily|twice daily|per day|a day|weekly|bid|qd))?");
    private static final Pattern ONSET = Pattern.compile(
            "(?i)(?:~|approximately |about |after |within |for )?\\b(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several)"
                    + "[- ](?:days?|weeks?|months?|years?)\\b(?![- ]old)");
    private static final Pattern COLLECTIVE = Pattern.compile(
            "(?i)\\b(?:both|all|these|the two|the three|the four|two|three|four)\\s+(?:cases|patients)\\b|\\bthey\\b|\\bin both\\b|^\\W*(?:both|all)\\b(?!\\s+\\w+\\s+and\\b)");
    private static final Pattern DISCUSSION = Pattern.compile(
            "(?i)^\\W*(?:discussion|conclusions?|comments?|references|summary|evaluation)\\b[^:]{0,40}:");
    private static final Pattern STOPPED = Pattern.compile("(?i)\\b(?:discontinu\\w*|d/c|withdraw\\w*|withdrawn|stopp\\w*|cessation|interrupt\\w*|held)\\b");
    private static final Pattern BETTER = Pattern.compile("(?i)\\b(?:resolv\\w*|resolution|improv\\w*|recover\\w*|reversible|regress\\w*|subsid\\w*|disappear\\w*)\\b");
    private static final Pattern NOT_BETTER = Pattern.compile("(?i)\\b(?:irreversible|persist\\w*|no improvement|did not improve|progress\\w*|worsen\\w*|fatal)\\b");
    private static final Pattern RECHALLENGE = Pattern.compile("(?i)\\bre-?(?:challeng\\w*|introduc\\w*|start\\w*|administ\\w*|exposure)\\b|\\bresum\\w*");
    private static final Pattern RECURRED = Pattern.compile("(?i)\\b(?:recur\\w*|relaps\\w*|reappear\\w*|flare\\w*|worsen\\w*)\\b");
    private static final Pattern TOLERATED = Pattern.compile("(?i)\\b(?:successful\\w*|tolerat\\w*|no recurrence|without recurrence|uneventful)\\b");
    private static final Pattern DIED = Pattern.compile("(?i)\\b(?:died|death|deceased|fatal|passed away)\\b");
    private static final Pattern NEGATED_DRUG = Pattern.compile("(?i)\\b(?:no|without|not|never)\\s+$");
    private static final Pattern ONSET_CUE = Pattern.compile(
            "(?i)\\b(?:develop\\w*|onset|suffer\\w*|present\\w*|after starting|after initiat\\w*)\\b");
    private static final Pattern SHE = Pattern.compile("(?i)\\b(?:she|her)\\b");
    private static final Pattern HE = Pattern.compile("(?i)\\b(?:he|his|him)\\b");
    private static final Pattern SEX_WORD = Pattern.compile("(?i)\\b(female|male|woman|man|girl|boy)\\b");
    private static final Pattern IRREVERSIBLE = Pattern.compile("(?i)irreversible");
    private static final Pattern LABEL_DEMOGRAPHICS = Pattern.compile(".*\\b(?:demograph\\w*|age|sex|gender|patient)\\b.*");
    private static final Pattern LABEL_SYMPTOMS = Pattern.compile(".*\\b(?:symptoms?|presentation|clinical features?|complaints?)\\b.*");
    private static final Pattern LABEL_FINDINGS = Pattern.compile(
            ".*\\b(?:findings?|radiolog\\w*|ct|hrct|imaging|histolog\\w*|patholog\\w*|biopsy)\\b.*");
    private static final Pattern LABEL_MANAGEMENT = Pattern.compile(".*\\b(?:management|treatment|intervention|therapy|action)\\b.*");
    private static final Pattern LABEL_OUTCOME = Pattern.compile(".*\\b(?:outcome|course|follow-up|resolution|result)\\b.*");

    /** What a case accumulates while the document is read. */
    static final class Draft {
        final String key;
        String label;
        Integer age;
        Sex sex;
        String dose;
        String timeToOnset;
        final Set<String> symptoms = new LinkedHashSet<>();
        String findings;
        String management;
        String outcome;
        Challenge dechallenge;
        Challenge rechallenge;
        final Map<String, String> exposures = new LinkedHashMap<>(); // drug id -> dose
        final Set<String> conditions = new LinkedHashSet<>();
        final Set<String> cites = new LinkedHashSet<>();
        final StringBuilder text = new StringBuilder();

        Draft(String key) {
            this.key = key;
        }

        void expose(String drugId, String doseText) {
            String old = exposures.get(drugId);
            if (old == null || doseText != null) {
                exposures.put(drugId, doseText != null ? doseText : old);
            }
        }

        void appendText(String s) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(s.strip());
        }
    }

    /** Citation numbers found in a header or sentence, resolved by the caller. */
    interface Citations {
        List<String> in(String text);
    }

    List<Draft> extract(String text, List<Table> tables, List<AnalyzedSentence> sentences,
                        Map<Integer, List<Mention>> mentionsByOffset, String mainDrug,
                        Citations citations, TablesContext context) {
        List<Draft> drafts = new ArrayList<>();
        for (Table table : tables) {
            drafts.addAll(fromTable(table, mentionsByOffset, mainDrug, citations, context));
        }
        drafts = mergeByKey(drafts);
        List<Draft> narrative = fromNarrative(sentences, mainDrug);
        for (Draft n : narrative) {
            Draft same = drafts.stream().filter(d -> d.age != null && d.age.equals(n.age) && d.sex == n.sex)
                    .findFirst().orElse(null);
            if (same == null) {
                drafts.add(n);
            } else {
                merge(same, n);
            }
        }
        return drafts;
    }

    /** Supplies, for a table, the adverse events the document discussed before it. */
    interface TablesContext {
        Set<String> conditionsBefore(int offset);
    }

    private static List<Draft> mergeByKey(List<Draft> drafts) {
        Map<String, Draft> byKey = new LinkedHashMap<>();
        for (Draft d : drafts) {
            Draft old = byKey.putIfAbsent(d.key, d);
            if (old != null) {
                merge(old, d);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static void merge(Draft into, Draft d) {
        if (into.age == null) {
            into.age = d.age;
        }
        if (into.sex == null) {
            into.sex = d.sex;
        }
        into.dose = first(into.dose, d.dose);
        into.timeToOnset = first(into.timeToOnset, d.timeToOnset);
        into.symptoms.addAll(d.symptoms);
        into.findings = first(into.findings, d.findings);
        into.management = first(into.management, d.management);
        into.outcome = first(into.outcome, d.outcome);
        into.dechallenge = into.dechallenge != null ? into.dechallenge : d.dechallenge;
        into.rechallenge = into.rechallenge != null ? into.rechallenge : d.rechallenge;
        d.exposures.forEach(into::expose);
        into.conditions.addAll(d.conditions);
        into.cites.addAll(d.cites);
        if (d.text.length() > 0) {
            into.appendText(d.text.toString());
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    // ---------------------------------------------------------------- tables

    private List<Draft> fromTable(Table table, Map<Integer, List<Mention>> mentionsByOffset, String mainDrug,
                                  Citations citations, TablesContext context) {
        List<List<Cell>> rows = table.rows();
        if (rows.size() < 2) {
            return List.of();
        }
        List<Cell> header = rows.get(0);
        Map<Integer, Draft> columns = new LinkedHashMap<>();
        for (int c = 1; c < header.size(); c++) {
            Matcher m = CASE_HEADER.matcher(header.get(c).text());
            if (m.find()) {
                Draft d = new Draft("case-" + m.group(1));
                d.label = "Case " + m.group(1);
                d.cites.addAll(citations.in(header.get(c).text()));
                d.appendText(header.get(c).text() + ":");
                columns.put(c, d);
            }
        }
        if (columns.isEmpty()) {
            return List.of();
        }
        Set<String> topic = context.conditionsBefore(table.start());
        for (int r = 1; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            if (row.isEmpty()) {
                continue;
            }
            String label = row.get(0).text().toLowerCase(Locale.ROOT);
            List<Mention> labelMentions = mentionsByOffset.getOrDefault(row.get(0).start(), List.of());
            for (Map.Entry<Integer, Draft> col : columns.entrySet()) {
                if (col.getKey() >= row.size()) {
                    continue;
                }
                Cell cell = row.get(col.getKey());
                Draft d = col.getValue();
                String v = cell.text();
                if (v.isBlank()) {
                    continue;
                }
                d.appendText(row.get(0).text() + ": " + v + ";");
                List<Mention> cellMentions = mentionsByOffset.getOrDefault(cell.start(), List.of());
                if (LABEL_DEMOGRAPHICS.matcher(label).matches()) {
                    ageSex(v, d);
                }
                if (label.contains("dose") || label.contains("dosage")) {
                    String drug = labelMentions.stream().filter(m -> m.entry().kind() == EntityKind.DRUG)
                            .map(m -> m.entry().id()).findFirst().orElse(mainDrug);
                    Matcher dm = DOSE.matcher(v);
                    String dose = dm.find() ? dm.group() : v;
                    if (drug != null) {
                        d.expose(drug, dose);
                    }
                    d.dose = first(d.dose, dose);
                } else if (label.contains("onset") || label.contains("time to") || label.contains("latency")) {
                    d.timeToOnset = v;
                } else if (LABEL_SYMPTOMS.matcher(label).matches()) {
                    for (String s : v.split("[,;]")) {
                        if (!s.isBlank()) {
                            d.symptoms.add(s.strip());
                        }
                    }
                } else if (LABEL_FINDINGS.matcher(label).matches()) {
                    d.findings = v;
                } else if (LABEL_MANAGEMENT.matcher(label).matches()) {
                    d.management = v;
                    exposures(v, cell.start(), cellMentions, d);
                } else if (LABEL_OUTCOME.matcher(label).matches()) {
                    d.outcome = v;
                }
                for (Mention m : cellMentions) {
                    if (m.entry().kind() == EntityKind.CONDITION && !negatedBefore(v, m.start() - cell.start())) {
                        d.conditions.add(m.entry().id());
                    }
                }
            }
        }
        for (Draft d : columns.values()) {
            d.conditions.addAll(topic);
            challenges(String.join(" ; ", nonNull(d.management, d.outcome, d.text.toString())), d);
        }
        return new ArrayList<>(columns.values());
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static void exposures(String v, int cellStart, List<Mention> mentions, Draft d) {
        for (Mention m : mentions) {
            if (m.entry().kind() != EntityKind.DRUG) {
                continue;
            }
            int at = m.start() - cellStart;
            if (negatedBefore(v, at)) {
                continue;
            }
            String after = v.substring(Math.min(v.length(), m.end() - cellStart));
            Matcher dm = DOSE.matcher(after);
            d.expose(m.entry().id(), dm.lookingAt() || (dm.find() && dm.start() < 12) ? dm.group() : null);
        }
    }

    private static boolean negatedBefore(String text, int at) {
        int from = Math.max(0, at - 12);
        return NEGATED_DRUG.matcher(text.substring(from, Math.max(from, Math.min(at, text.length())))).find();
    }

    private static void ageSex(String v, Draft d) {
        Matcher m = AGE_SEX.matcher(v);
        if (m.find()) {
            d.age = Integer.valueOf(m.group(1));
            if (m.group(2) != null) {
                d.sex = sex(m.group(2));
            }
        }
        if (d.sex == null) {
            Matcher s = SEX_WORD.matcher(v);
            if (s.find()) {
                d.sex = sex(s.group(1));
            }
        }
    }

    static Sex sex(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "woman", "female", "girl", "lady" -> Sex.FEMALE;
            case "man", "male", "boy", "gentleman" -> Sex.MALE;
            default -> null;
        };
    }

    /** Dechallenge and rechallenge from what management and outcome say. */
    static void challenges(String s, Draft d) {
        if (d.dechallenge == null && STOPPED.matcher(s).find()) {
            if (NOT_BETTER.matcher(s).find() && !BETTER.matcher(IRREVERSIBLE.matcher(s).replaceAll("")).find()) {
                d.dechallenge = Challenge.NEGATIVE;
            } else if (BETTER.matcher(IRREVERSIBLE.matcher(s).replaceAll("")).find()) {
                d.dechallenge = Challenge.POSITIVE;
            } else if (NOT_BETTER.matcher(s).find()) {
                d.dechallenge = Challenge.NEGATIVE;
            }
        }
        Matcher re = RECHALLENGE.matcher(s);
        if (d.rechallenge == null && re.find()) {
            String around = s.substring(Math.max(0, re.start() - 60), Math.min(s.length(), re.end() + 60));
            if (RECURRED.matcher(around).find()) {
                d.rechallenge = Challenge.POSITIVE;
            } else if (TOLERATED.matcher(around).find()) {
                d.rechallenge = Challenge.NEGATIVE;
            }
        }
    }

    // ---------------------------------------------------------------- narrative

    private List<Draft> fromNarrative(List<AnalyzedSentence> sentences, String mainDrug) {
        List<Draft> drafts = new ArrayList<>();
        List<AnalyzedSentence> collective = new ArrayList<>();
        Draft current = null;
        String currentSection = null;
        for (AnalyzedSentence s : sentences) {
            if (s.sentence().tableRow()) {
                continue;
            }
            String text = s.text();
            if (current != null && (!java.util.Objects.equals(s.section(), currentSection) || DISCUSSION.matcher(text).find())) {
                current = null;
            }
            // INTRO needs "<digits>[- ]y...": test for that cheaply before running the regexes
            Matcher intro = hasAgeCue(text) ? INTRO.matcher(text) : null;
            boolean hasIntro = intro != null && intro.find();
            if (hasIntro) {
                Matcher marker = CASE_MARKER.matcher(text);
                Draft d;
                Integer age = Integer.valueOf(intro.group(1));
                Sex sex = sex(intro.group(2));
                if (sex == null) {
                    sex = pronounSex(text);
                }
                final Sex fs = sex;
                d = drafts.stream().filter(x -> age.equals(x.age) && fs == x.sex).findFirst().orElse(null);
                if (d == null) {
                    d = new Draft(marker.find(0) && marker.start() < 40 ? "case-" + marker.group(1) : "age-" + age + "-" + sex);
                    d.age = age;
                    d.sex = sex;
                    d.label = marker.find(0) && marker.start() < 40 ? "Case " + marker.group(1)
                            : age + "-year-old " + (sex == null ? "patient" : sex.label());
                    drafts.add(d);
                }
                current = d;
                currentSection = s.section();
            }
            boolean isCollective = mayBeCollective(text) && COLLECTIVE.matcher(text).find();
            if (isCollective) {
                collective.add(s);
            }
            if (current != null) {
                if (current.sex == null) {
                    current.sex = pronounSex(text);
                }
                if (!isCollective) {
                    read(s, current, mainDrug);
                }
            }
        }
        for (Draft d : drafts) {
            for (AnalyzedSentence s : collective) {
                read(s, d, mainDrug);
            }
            if (d.exposures.isEmpty() && mainDrug != null) {
                d.expose(mainDrug, null);
            }
        }
        return drafts;
    }

    /** Whether {@code text} has a digit followed by '-' or ' ' and then 'y' (needed by INTRO). */
    static boolean hasAgeCue(String text) {
        for (int i = 0, n = text.length() - 2; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                char sep = text.charAt(i + 1);
                char y = text.charAt(i + 2);
                if ((sep == '-' || sep == ' ') && (y == 'y' || y == 'Y')) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A necessary condition for COLLECTIVE, in one pass: one of its words ("cases", "patients",
     * "they", "both", "all") occurs, ASCII case-insensitively as the pattern matches them.
     */
    static boolean mayBeCollective(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            switch (text.charAt(i) | 0x20) {
                case 'c' -> {
                    if (at(text, i, "cases")) {
                        return true;
                    }
                }
                case 'p' -> {
                    if (at(text, i, "patients")) {
                        return true;
                    }
                }
                case 't' -> {
                    if (at(text, i, "they")) {
                        return true;
                    }
                }
                case 'b' -> {
                    if (at(text, i, "both")) {
                        return true;
                    }
                }
                case 'a' -> {
                    if (at(text, i, "all")) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static boolean at(String text, int i, String lower) {
        return text.regionMatches(true, i, lower, 0, lower.length());
    }

    private static Sex pronounSex(String text) {
        if (SHE.matcher(text).find()) {
            return Sex.FEMALE;
        }
        if (HE.matcher(text).find()) {
            return Sex.MALE;
        }
        return null;
    }

    /** Reads one sentence of a case's narrative into the draft. */
    private static final Pattern EXPOSED_BEFORE = Pattern.compile(
            "(?i)\\b(?:treated with|treatment with|therapy with|received|receiving|receive|given|administered|started|"
                    + "starting|initiated|taking|took|on|switched to|switch to|changed to|combined with|plus|followed by|"
                    + "dose of|course of|courses of|regimen of|adjuvant|under treatment with|exposed to|exposure to)\\b[^.;]{0,25}$");
    private static final Pattern EXPOSED_AFTER = Pattern.compile(
            "(?i)^\\W{0,3}(?:therapy|treatment|regimen|was (?:started|given|administered|discontinued|stopped|withdrawn|restarted|resumed)|"
                    + "were (?:started|given|administered|discontinued|stopped))\\b");

    /** Whether a drug named in a case's narrative reads as given to the patient. */
    private static boolean exposureCue(String text, int at, String after) {
        String before = text.substring(Math.max(0, at - 60), at);
        return EXPOSED_BEFORE.matcher(before).find() || EXPOSED_AFTER.matcher(after).find();
    }

    private static void read(AnalyzedSentence s, Draft d, String mainDrug) {
        String text = s.text();
        d.appendText(text);
        for (Mention m : s.mentions()) {
            int at = m.start() - s.start();
            if (negatedBefore(text, at)) {
                continue;
            }
            if (m.entry().kind() == EntityKind.DRUG) {
                String after = text.substring(Math.min(text.length(), m.end() - s.start()));
                Matcher dm = DOSE.matcher(after);
                String dose = dm.find() && dm.start() < 40 ? dm.group() : null;
                if (dose == null && !m.entry().id().equals(mainDrug) && !exposureCue(text, at, after)) {
                    continue; // named, not given: "carbon monoxide diffusing capacity", "arterial oxygen"
                }
                d.expose(m.entry().id(), dose);
                if (dose != null && d.dose == null) {
                    d.dose = dose;
                }
            } else if (m.entry().kind() == EntityKind.CONDITION) {
                d.conditions.add(m.entry().id());
            }
        }
        if (d.timeToOnset == null && ONSET_CUE.matcher(text).find()) {
            Matcher o = ONSET.matcher(text);
            if (o.find()) {
                d.timeToOnset = o.group().strip();
            }
        }
        if (DIED.matcher(text).find()) {
            d.outcome = "died";
        } else if (d.outcome == null && BETTER.matcher(text).find()) {
            d.outcome = "improved";
        }
        challenges(text, d);
    }
}
