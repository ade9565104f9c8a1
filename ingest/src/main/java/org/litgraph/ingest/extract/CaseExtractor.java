package org.litgraph.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.DocumentGraph.FieldSource;
import org.litgraph.graph.DocumentGraph.StatedCausality;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Sex;
import org.litgraph.ingest.format.ParsedDocument.Cell;
import org.litgraph.ingest.format.ParsedDocument.Table;
import org.litgraph.ingest.lexicon.Mention;

/**
 * Finds the patients a document describes and reads each as a pharmacovigilance assessor would:
 * one patient per column of a case table ("Case 1", "Patient 2" headers), and one per narrative
 * introduction — with an age in years, months or decades ("a 64-year-old woman", "a man in his 80s",
 * "a 4-month-old infant") or, when the document introduces nobody with an age, without one ("a
 * relatively young woman", "a patient who ...") — segmented by "Case N:" markers. For each it
 * reads sex (words and pronouns), the drugs given and their role (suspect, concomitant, treatment
 * of the reaction; analytes, procedures and devices are not drugs), dose with unit, frequency and
 * route, duration, time to onset from the start of the drug, reactions and seriousness, history
 * apart from presentation, dechallenge and rechallenge, the patient's own outcome and a causality
 * assessment the authors state; every field keeps the sentence (or table row) it was read from.
 * Sentences about "both patients" or "they" apply to every case of the document.
 */
final class CaseExtractor {
    private static final Pattern CASE_HEADER = Pattern.compile("(?i)\\b(?:case|patient|pt\\.?)\\s*#?\\s*(\\d{1,3})\\b");
    private static final Pattern CASE_MARKER = Pattern.compile("(?i)\\b(?:case|patient)\\s+(\\d{1,3})\\s*[:.)]");
    private static final Pattern AGE_SEX = Pattern.compile(
            "(?i)\\b(\\d{1,3})[- ](?:year|yr)s?[- ]old\\b(?:\\s+(?:[a-z]+\\s+){0,2}?(woman|man|female|male|girl|boy|lady|gentleman))?");
    private static final Pattern COLLECTIVE = Pattern.compile(
            "(?i)\\b(?:both|all|these|the two|the three|the four|two|three|four)\\s+(?:cases|patients)\\b|\\bthey\\b|\\bin both\\b|^\\W*(?:both|all)\\b(?!\\s+\\w+\\s+and\\b)");
    private static final Pattern DISCUSSION = Pattern.compile(
            "(?i)^\\W*(?:discussion|conclusions?|comments?|references|summary|evaluation)\\b[^:]{0,40}:");
    private static final Pattern NEGATED_DRUG = Pattern.compile("(?i)\\b(?:no|without|not|never|denied|denies)\\s+$");
    private static final Pattern SEX_WORD = Pattern.compile("(?i)\\b(female|male|woman|man|girl|boy)\\b");
    private static final Pattern LABEL_DEMOGRAPHICS = Pattern.compile(".*\\b(?:demograph\\w*|age|sex|gender|patient)\\b.*");
    private static final Pattern LABEL_SYMPTOMS = Pattern.compile(".*\\b(?:symptoms?|presentation|clinical features?|complaints?)\\b.*");
    private static final Pattern LABEL_FINDINGS = Pattern.compile(
            ".*\\b(?:findings?|radiolog\\w*|ct|hrct|imaging|histolog\\w*|patholog\\w*|biopsy)\\b.*");
    private static final Pattern LABEL_MANAGEMENT = Pattern.compile(".*\\b(?:management|treatment|intervention|therapy|action)\\b.*");
    private static final Pattern LABEL_OUTCOME = Pattern.compile(".*\\b(?:outcome|course|follow-up|resolution|result)\\b.*");
    private static final Pattern LABEL_CAUSALITY = Pattern.compile(".*\\b(?:causality|naranjo|imputability|who-umc|rucam)\\b.*");

    /** A drug a case received, as read so far. */
    static final class DrugDraft {
        String dose;
        String route;
        String frequency;
        String duration;
        boolean suspectCue;
        boolean exculpated;
        boolean treatment;
        boolean stated = true;
        int firstAt = Integer.MAX_VALUE;
    }

    /** What a case accumulates while the document is read. */
    static final class Draft {
        final String key;
        String label;
        Integer age;
        String ageText;
        String ageGroup;
        Sex sex;
        boolean aged;
        String dose;
        String timeToOnset;
        final Set<String> symptoms = new LinkedHashSet<>();
        String findings;
        String management;
        String outcome;
        String seriousness;
        Challenge dechallenge;
        Challenge rechallenge;
        StatedCausality stated;
        final Map<String, DrugDraft> drugs = new LinkedHashMap<>();
        final Set<String> conditions = new LinkedHashSet<>();
        final Set<String> reactions = new LinkedHashSet<>();
        final Set<String> history = new LinkedHashSet<>();
        final Set<String> cites = new LinkedHashSet<>();
        final StringBuilder text = new StringBuilder();
        final List<FieldSource> sources = new ArrayList<>();
        /** The case's sentences (document offsets and text), for the Naranjo answers. */
        final List<Object[]> sentences = new ArrayList<>();
        Object[] firstReport;
        Object[] previouslyReported;
        /** a drug was stopped in the previous sentence, and nothing said yet what followed */
        boolean pendingStop;
        boolean pendingRestart;
        boolean anyDrugSeen;
        /** drugs named only as analytes, procedures or devices */
        final Set<String> notDrugs = new LinkedHashSet<>();

        Draft(String key) {
            this.key = key;
        }

        DrugDraft drug(String id) {
            return drugs.computeIfAbsent(id, k -> new DrugDraft());
        }

        void appendText(String s) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(s.strip());
        }

        void source(String field, String value, int start, int end, int sentenceStart, int sentenceEnd, String sentence) {
            if (value == null) {
                return;
            }
            for (FieldSource f : sources) {
                if (f.field().equals(field) && f.start() == start && f.end() == end) {
                    return;
                }
            }
            sources.add(new FieldSource(field, value, start, end, sentenceStart, sentenceEnd, sentence));
        }

        void dropSources(String field) {
            sources.removeIf(f -> f.field().equals(field));
        }
    }

    /** Citation numbers found in a header or sentence, resolved by the caller. */
    interface Citations {
        List<String> in(String text);
    }

    /** Supplies, for a table, the adverse events the document discussed before it. */
    interface TablesContext {
        Set<String> conditionsBefore(int offset);
    }

    List<Draft> extract(String text, List<Table> tables, List<AnalyzedSentence> sentences,
                        Map<Integer, List<Mention>> mentionsByOffset, String mainDrug,
                        Citations citations, TablesContext context) {
        List<Draft> drafts = new ArrayList<>();
        for (Table table : tables) {
            drafts.addAll(fromTable(text, table, mentionsByOffset, mainDrug, citations, context));
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
            into.ageText = d.ageText;
        }
        into.ageGroup = first(into.ageGroup, d.ageGroup);
        if (into.sex == null) {
            into.sex = d.sex;
        }
        into.dose = first(into.dose, d.dose);
        into.timeToOnset = first(into.timeToOnset, d.timeToOnset);
        into.symptoms.addAll(d.symptoms);
        into.findings = first(into.findings, d.findings);
        into.management = first(into.management, d.management);
        into.outcome = first(into.outcome, d.outcome);
        into.seriousness = first(into.seriousness, d.seriousness);
        into.dechallenge = into.dechallenge != null ? into.dechallenge : d.dechallenge;
        into.rechallenge = into.rechallenge != null ? into.rechallenge : d.rechallenge;
        into.stated = into.stated != null ? into.stated : d.stated;
        d.drugs.forEach((id, x) -> {
            DrugDraft y = into.drugs.get(id);
            if (y == null) {
                into.drugs.put(id, x);
            } else {
                y.dose = first(y.dose, x.dose);
                y.route = first(y.route, x.route);
                y.frequency = first(y.frequency, x.frequency);
                y.duration = first(y.duration, x.duration);
                y.suspectCue |= x.suspectCue;
                y.exculpated |= x.exculpated;
                y.treatment &= x.treatment;
            }
        });
        into.conditions.addAll(d.conditions);
        into.reactions.addAll(d.reactions);
        into.history.addAll(d.history);
        into.cites.addAll(d.cites);
        into.sources.addAll(d.sources);
        into.sentences.addAll(d.sentences);
        into.firstReport = into.firstReport != null ? into.firstReport : d.firstReport;
        into.previouslyReported = into.previouslyReported != null ? into.previouslyReported : d.previouslyReported;
        if (d.text.length() > 0) {
            into.appendText(d.text.toString());
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    // ---------------------------------------------------------------- tables

    private List<Draft> fromTable(String text, Table table, Map<Integer, List<Mention>> mentionsByOffset, String mainDrug,
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
                d.aged = true;
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
            int rowStart = row.get(0).start();
            int rowEnd = row.get(row.size() - 1).end();
            String rowText = rowEnd > rowStart && rowEnd <= text.length() ? text.substring(rowStart, rowEnd) : row.get(0).text();
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
                d.sentences.add(new Object[] {rowStart, rowEnd, rowText});
                List<Mention> cellMentions = mentionsByOffset.getOrDefault(cell.start(), List.of());
                if (LABEL_DEMOGRAPHICS.matcher(label).matches()) {
                    ageSex(v, d);
                    d.source("age", d.age == null ? null : String.valueOf(d.age), cell.start(), cell.end(), rowStart, rowEnd, rowText);
                    d.source("sex", d.sex == null ? null : d.sex.label(), cell.start(), cell.end(), rowStart, rowEnd, rowText);
                }
                if (label.contains("dose") || label.contains("dosage")) {
                    String drug = labelMentions.stream().filter(m -> m.entry().kind() == EntityKind.DRUG)
                            .map(m -> m.entry().id()).findFirst().orElse(mainDrug);
                    CaseReading.Dose dm = CaseReading.dose(v, 0, v.length());
                    String dose = dm != null ? dm.text() : v;
                    if (drug != null) {
                        DrugDraft x = d.drug(drug);
                        x.dose = first(x.dose, dose);
                        if (dm != null) {
                            x.frequency = first(x.frequency, dm.frequency());
                            x.route = first(x.route, dm.route());
                        }
                        x.suspectCue = true;
                        x.firstAt = Math.min(x.firstAt, cell.start());
                    }
                    if (d.dose == null) {
                        d.dose = dose;
                        d.source("dose", dose, cell.start(), cell.end(), rowStart, rowEnd, rowText);
                    }
                } else if (label.contains("onset") || label.contains("time to") || label.contains("latency")) {
                    d.timeToOnset = v;
                    d.source("timeToOnset", v, cell.start(), cell.end(), rowStart, rowEnd, rowText);
                } else if (LABEL_SYMPTOMS.matcher(label).matches()) {
                    for (String s : v.split("[,;]")) {
                        if (!s.isBlank()) {
                            d.symptoms.add(s.strip());
                        }
                    }
                    d.source("reaction", v, cell.start(), cell.end(), rowStart, rowEnd, rowText);
                } else if (LABEL_FINDINGS.matcher(label).matches()) {
                    d.findings = v;
                } else if (LABEL_MANAGEMENT.matcher(label).matches()) {
                    d.management = v;
                    d.source("management", v, cell.start(), cell.end(), rowStart, rowEnd, rowText);
                    managementDrugs(v, cell.start(), cellMentions, d, mainDrug);
                } else if (LABEL_CAUSALITY.matcher(label).matches()) {
                    CaseReading.Stated st = CaseReading.stated(row.get(0).text() + " " + v);
                    if (st != null) {
                        d.stated = new StatedCausality(st.scale(), st.score(), st.category(), v.strip());
                        d.source("statedCausality", v.strip(), cell.start(), cell.end(), rowStart, rowEnd, rowText);
                    }
                } else if (LABEL_OUTCOME.matcher(label).matches()) {
                    d.outcome = v;
                    d.source("outcome", v, cell.start(), cell.end(), rowStart, rowEnd, rowText);
                }
                for (Mention m : cellMentions) {
                    if (m.entry().kind() == EntityKind.CONDITION && !negatedBefore(v, m.start() - cell.start())) {
                        d.conditions.add(m.entry().id());
                    }
                }
                challengesInCell(v, cell.start(), rowStart, rowEnd, rowText, d);
            }
        }
        for (Draft d : columns.values()) {
            d.conditions.addAll(topic);
            d.reactions.addAll(topic);
        }
        return new ArrayList<>(columns.values());
    }

    /** Dechallenge and rechallenge from a table cell (management, outcome). */
    private static void challengesInCell(String v, int cellStart, int rowStart, int rowEnd, String rowText, Draft d) {
        for (String part : v.split(";")) {
            int off = cellStart + v.indexOf(part);
            CaseReading.Found<Challenge> re = CaseReading.rechallenge(part);
            if (re != null && d.rechallenge == null) {
                d.rechallenge = re.value();
                d.source("rechallenge", re.value().label(), off + re.start(), off + re.end(), rowStart, rowEnd, rowText);
            }
            CaseReading.Found<Challenge> de = CaseReading.dechallenge(part);
            if (de == null && d.dechallenge == null && re == null && d.management != null && CaseReading.stopped(d.management)) {
                // the management row says the drug was stopped; the outcome row says what followed
                CaseReading.Found<Boolean> course = CaseReading.course(part);
                if (course != null) {
                    de = new CaseReading.Found<>(course.value() ? Challenge.POSITIVE : Challenge.NEGATIVE, course.start(), course.end());
                }
            }
            if (de != null && d.dechallenge == null) {
                d.dechallenge = de.value();
                d.source("dechallenge", de.value().label(), off + de.start(), off + de.end(), rowStart, rowEnd, rowText);
            }
        }
    }

    private static void managementDrugs(String v, int cellStart, List<Mention> mentions, Draft d, String mainDrug) {
        for (Mention m : mentions) {
            if (m.entry().kind() != EntityKind.DRUG) {
                continue;
            }
            int at = m.start() - cellStart;
            if (negatedBefore(v, at)) {
                continue;
            }
            DrugDraft x = d.drug(m.entry().id());
            x.firstAt = Math.min(x.firstAt, m.start());
            String after = v.substring(Math.min(v.length(), m.end() - cellStart));
            boolean stoppedHere = after.matches("(?is)^\\s*(?:d/c|discontinued|stopped|withdrawn|held).*");
            if (stoppedHere || m.entry().id().equals(mainDrug)) {
                x.suspectCue = true;
            } else {
                // a management cell names what was done about the reaction: a new drug there treats it,
                // unless it replaces the suspect ("switch to nilotinib"), which makes it the next exposure
                x.treatment = !v.substring(0, Math.max(0, at)).matches("(?is).*\\b(?:switch(?:ed)? to|changed to|replaced (?:by|with))\\s*$");
            }
            CaseReading.Dose dm = CaseReading.dose(v, Math.min(v.length(), m.end() - cellStart), Math.min(v.length(), m.end() - cellStart + 30));
            if (dm != null) {
                x.dose = first(x.dose, dm.text());
            }
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
            d.ageText = m.group().strip();
            d.ageGroup = CaseReading.group(d.age);
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
            case "woman", "female", "girl", "lady", "pregnant woman", "primigravida", "multigravida" -> Sex.FEMALE;
            case "man", "male", "boy", "gentleman" -> Sex.MALE;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- narrative

    private List<Draft> fromNarrative(List<AnalyzedSentence> sentences, String mainDrug) {
        List<Draft> drafts = new ArrayList<>();
        List<AnalyzedSentence> collective = new ArrayList<>();
        Draft current = null;
        String currentSection = null;
        boolean anyAged = false;
        for (AnalyzedSentence s : sentences) {
            if (!s.sentence().tableRow() && CaseReading.agedPatient(s.text()) != null) {
                anyAged = true;
                break;
            }
        }
        for (AnalyzedSentence s : sentences) {
            if (s.sentence().tableRow()) {
                continue;
            }
            String text = s.text();
            if (current != null && (!Objects.equals(s.section(), currentSection) || DISCUSSION.matcher(text).find())) {
                current = null;
            }
            CaseReading.Patient intro = CaseReading.agedPatient(text);
            if (intro == null && !anyAged && drafts.isEmpty()) {
                intro = CaseReading.agelessPatient(text);
            }
            if (intro != null) {
                Matcher marker = CASE_MARKER.matcher(text);
                boolean numbered = marker.find() && marker.start() < 40;
                Sex sex = intro.sex() != null ? intro.sex() : CaseReading.pronounSex(text.substring(intro.end()));
                final Integer age = intro.age();
                final Sex fs = sex;
                Draft d = drafts.stream().filter(x -> Objects.equals(age, x.age) && (fs == x.sex || fs == null || x.sex == null))
                        .findFirst().orElse(null);
                if (d == null) {
                    String key = numbered ? "case-" + marker.group(1) : age != null ? "age-" + age + "-" + sex : "patient-" + sex;
                    d = new Draft(key);
                    d.age = age;
                    d.ageText = intro.ageText();
                    d.ageGroup = intro.ageGroup();
                    d.sex = sex;
                    d.aged = intro.aged();
                    d.label = numbered ? "Case " + marker.group(1)
                            : age != null ? intro.ageText() + " " + (sex == null ? "patient" : sex.label())
                            : (intro.ageText() != null ? intro.ageText() : sex == null ? "patient" : sex.label());
                    int a = s.start() + intro.start();
                    int b = s.start() + intro.end();
                    d.source("age", age == null ? null : String.valueOf(age), a, b, s.start(), s.end(), text);
                    d.source("ageGroup", intro.ageGroup(), a, b, s.start(), s.end(), text);
                    if (sex != null) {
                        d.source("sex", sex.label(), a, b, s.start(), s.end(), text);
                    }
                    drafts.add(d);
                } else if (d.sex == null && sex != null) {
                    d.sex = sex;
                    d.source("sex", sex.label(), s.start() + intro.start(), s.start() + intro.end(), s.start(), s.end(), text);
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
                    Sex p = CaseReading.pronounSex(text);
                    if (p != null) {
                        current.sex = p;
                        Matcher pm = (p == Sex.FEMALE ? Pattern.compile("(?i)\\b(?:she|her|herself)\\b")
                                : Pattern.compile("(?i)\\b(?:he|his|him|himself)\\b")).matcher(text);
                        if (pm.find()) {
                            current.source("sex", p.label(), s.start() + pm.start(), s.start() + pm.end(), s.start(), s.end(), text);
                        }
                    }
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
        }
        return drafts;
    }

    /** Reads one sentence of a case's narrative into the draft. */
    private static void read(AnalyzedSentence s, Draft d, String mainDrug) {
        String text = s.text();
        int base = s.start();
        d.appendText(text);
        d.sentences.add(new Object[] {s.start(), s.end(), text});
        boolean reactionBefore = !d.reactions.isEmpty();
        // 1. drugs
        List<Mention> drugsHere = new ArrayList<>();
        for (Mention m : s.mentions()) {
            if (m.entry().kind() != EntityKind.DRUG) {
                continue;
            }
            int at = m.start() - base;
            int end = m.end() - base;
            if (negatedBefore(text, at)) {
                continue;
            }
            if (CaseReading.notADrug(text, m.surface(), at, end)) {
                d.notDrugs.add(m.entry().id());
                continue;
            }
            String after = text.substring(Math.min(text.length(), end));
            CaseReading.Dose dose = CaseReading.dose(text, end, Math.min(text.length(), end + 45));
            if (dose != null && text.substring(end, dose.start()).matches("(?s).*[.;].*")) {
                dose = null;
            }
            boolean given = dose != null || m.entry().id().equals(mainDrug) || exposureCue(text, at, after)
                    || CaseReading.suspectCue(text, at, end);
            if (!given) {
                continue; // named, not given: "carbon monoxide diffusing capacity", "arterial oxygen"
            }
            drugsHere.add(m);
            DrugDraft x = d.drug(m.entry().id());
            boolean isNew = x.firstAt == Integer.MAX_VALUE;
            x.firstAt = Math.min(x.firstAt, m.start());
            if (CaseReading.suspectCue(text, at, end)) {
                x.suspectCue = true;
            }
            if (CaseReading.exculpated(text, at, end)) {
                x.exculpated = true;
            }
            if (isNew && reactionBefore && !x.suspectCue && (CaseReading.treatmentCue(text, at) || CaseReading.givenFor(text, end)
                    || CaseReading.startedAfter(text, end))) {
                x.treatment = true;
            }
            if (dose != null && x.dose == null) {
                x.dose = dose.text();
                x.frequency = first(x.frequency, dose.frequency());
                x.route = first(x.route, dose.route());
                d.source("dose:" + m.entry().id(), dose.text(), base + dose.start(), base + dose.end(), s.start(), s.end(), text);
                if (dose.frequency() != null) {
                    int fi = text.indexOf(dose.frequency(), dose.start());
                    d.source("frequency:" + m.entry().id(), dose.frequency(), base + fi, base + fi + dose.frequency().length(), s.start(), s.end(), text);
                }
            }
            int windowEnd = Math.min(text.length(), end + 60);
            if (x.frequency == null) {
                CaseReading.Found<String> f = CaseReading.frequency(text, end, windowEnd);
                if (f != null && dose != null) {
                    x.frequency = f.value();
                    d.source("frequency:" + m.entry().id(), f.value(), base + f.start(), base + f.end(), s.start(), s.end(), text);
                }
            }
            if (x.route == null) {
                CaseReading.Found<String> r = CaseReading.route(text, Math.max(0, at - 25), windowEnd);
                if (r != null) {
                    x.route = r.value();
                    d.source("route:" + m.entry().id(), r.value(), base + r.start(), base + r.end(), s.start(), s.end(), text);
                }
            }
            if (x.duration == null) {
                CaseReading.Found<String> du = CaseReading.duration(text, end, windowEnd);
                if (du != null) {
                    x.duration = du.value();
                    d.source("duration:" + m.entry().id(), du.value(), base + du.start(), base + du.end(), s.start(), s.end(), text);
                }
            }
        }
        // 2. conditions: history apart from presentation
        for (Mention m : s.mentions()) {
            if (m.entry().kind() != EntityKind.CONDITION) {
                continue;
            }
            int at = m.start() - base;
            if (negatedBefore(text, at) || EXCLUDED_BEFORE.matcher(text.substring(Math.max(0, at - 30), at)).find()
                    || EXCLUDED_AFTER.matcher(text.substring(Math.min(text.length(), m.end() - base))).find()) {
                continue;
            }
            boolean indication = d.reactions.isEmpty() && !d.conditions.contains(m.entry().id())
                    && !drugsHere.isEmpty() && drugsHere.get(0).start() < m.start()
                    && INDICATION_BEFORE.matcher(text.substring(Math.max(0, at - 30), at)).find();
            if ((indication || CaseReading.history(text, at, m.end() - base)) && !d.reactions.contains(m.entry().id())) {
                d.history.add(m.entry().id());
            } else if (!d.history.contains(m.entry().id()) || d.anyDrugSeen) {
                d.conditions.add(m.entry().id());
                if (ONSET_WORDS.matcher(text).find()) {
                    if (d.reactions.add(m.entry().id())) {
                        d.source("reaction", m.entry().name(), m.start(), m.end(), s.start(), s.end(), text);
                    }
                }
            }
        }
        boolean drugStartedBefore = d.anyDrugSeen || !drugsHere.isEmpty();
        d.anyDrugSeen |= !drugsHere.isEmpty();
        // 3. time to onset, from the start of the drug
        if (d.timeToOnset == null) {
            CaseReading.Found<String> o = CaseReading.onset(text, drugStartedBefore);
            if (o != null) {
                d.timeToOnset = o.value();
                d.source("timeToOnset", o.value(), base + o.start(), base + o.end(), s.start(), s.end(), text);
            }
        }
        // 4. seriousness
        CaseReading.Found<String> serious = CaseReading.seriousness(text);
        if (serious != null && d.seriousness == null && (d.anyDrugSeen || !d.conditions.isEmpty())) {
            d.seriousness = "serious (" + serious.value() + ")";
            d.source("seriousness", d.seriousness, base + serious.start(), base + serious.end(), s.start(), s.end(), text);
        }
        // 5. dechallenge and rechallenge (a restart is a rechallenge, not a dechallenge)
        CaseReading.Found<Challenge> re = CaseReading.rechallenge(text);
        if (re != null) {
            if (d.rechallenge == null || d.rechallenge == Challenge.NOT_DONE) {
                d.rechallenge = re.value();
                d.dropSources("rechallenge");
                d.source("rechallenge", re.value().label(), base + re.start(), base + re.end(), s.start(), s.end(), text);
            }
            d.pendingRestart = false;
        } else if (d.pendingRestart) {
            CaseReading.Found<Challenge> after = CaseReading.afterRestart(text);
            if (after != null && d.rechallenge == null) {
                d.rechallenge = after.value();
                d.source("rechallenge", after.value().label(), base + after.start(), base + after.end(), s.start(), s.end(), text);
            }
            d.pendingRestart = false;
        } else if (CaseReading.restarted(text)) {
            d.pendingRestart = true;
        }
        // a dechallenge is read before any restart the sentence goes on to ("...disappeared after X was stopped; she was re-challenged...")
        String beforeRestart = re == null || re.value() == Challenge.NOT_DONE ? text : text.substring(0, re.start());
        if (!beforeRestart.isBlank()) {
            CaseReading.Found<Challenge> de = CaseReading.dechallenge(beforeRestart);
            if (de != null) {
                if (d.dechallenge == null || d.dechallenge == Challenge.NOT_DONE && de.value() != Challenge.NOT_DONE) {
                    d.dechallenge = de.value();
                    d.dropSources("dechallenge");
                    d.source("dechallenge", de.value().label(), base + de.start(), base + de.end(), s.start(), s.end(), text);
                }
                d.pendingStop = false;
            } else if (d.pendingStop && d.dechallenge == null) {
                CaseReading.Found<Boolean> course = CaseReading.course(text);
                if (course != null) {
                    d.dechallenge = course.value() ? Challenge.POSITIVE : Challenge.NEGATIVE;
                    d.source("dechallenge", d.dechallenge.label(), base + course.start(), base + course.end(), s.start(), s.end(), text);
                }
                d.pendingStop = false;
            } else if (CaseReading.stopped(beforeRestart) && re == null) {
                d.pendingStop = true;
            } else {
                d.pendingStop = false;
            }
        }
        // 6. outcome of this patient
        CaseReading.Found<String> outcome = CaseReading.outcome(text);
        if (outcome != null && (d.anyDrugSeen || !d.conditions.isEmpty())) {
            boolean stronger = d.outcome == null || outcome.value().equals("died")
                    || (d.outcome.equals("improved") && !outcome.value().equals("improved"));
            if (stronger && !"died".equals(d.outcome)) {
                d.outcome = outcome.value();
                d.dropSources("outcome");
                d.source("outcome", outcome.value(), base + outcome.start(), base + outcome.end(), s.start(), s.end(), text);
            }
        }
        // 7. stated causality; Naranjo question 1
        CaseReading.Stated st = CaseReading.stated(text);
        if (st != null && d.stated == null) {
            String verbatim = text.substring(st.start(), st.end());
            d.stated = new StatedCausality(st.scale(), st.score(), st.category(), verbatim);
            d.source("statedCausality", verbatim, base + st.start(), base + st.end(), s.start(), s.end(), text);
        }
        if (d.firstReport == null) {
            CaseReading.Found<Boolean> fr = CaseReading.firstReport(text);
            if (fr != null) {
                d.firstReport = new Object[] {s.start(), s.end(), text};
            }
        }
        if (d.previouslyReported == null) {
            CaseReading.Found<Boolean> pr = CaseReading.previouslyReported(text);
            if (pr != null) {
                d.previouslyReported = new Object[] {s.start(), s.end(), text};
            }
        }
    }

    /** A condition the text rules out ("lavage excluded infection", "infection was ruled out") is not the patient's. */
    private static final Pattern EXCLUDED_BEFORE = Pattern.compile(
            "(?i)\\b(?:excluded|exclude|ruled out|rule out|negative for|no evidence of|absence of|free of)\\s+(?:\\w+\\s+){0,2}$");
    private static final Pattern EXCLUDED_AFTER = Pattern.compile("(?i)^\\s*(?:was|were|had been)\\s+(?:excluded|ruled out)\\b");

    /** "... on methotrexate for rheumatoid arthritis": the condition the drug was given for. */
    private static final Pattern INDICATION_BEFORE = Pattern.compile("(?i)\\bfor\\s+(?:(?:his|her|their|the|a|an|known|chronic|active|"
            + "severe|refractory|recurrent|suspected|presumed|latent|newly diagnosed|metastatic|advanced)\\s+){0,3}$");

    private static final Pattern ONSET_WORDS = Pattern.compile(
            "(?i)\\b(?:develop\\w*|onset|appear\\w*|noted|noticed|occurr\\w*|presented|complain\\w*|suffer\\w*|experienc\\w*|"
                    + "admitted|diagnos\\w*|induced|associated|revealed|showed|consistent with|due to|caused|after|following|"
                    + "while|during)\\b");

    private static final Pattern EXPOSED_BEFORE = Pattern.compile(
            "(?i)\\b(?:treated with|treatment with|therapy with|received|receiving|receive|given|administered|started|"
                    + "starting|initiated|taking|took|on|switched to|switch to|changed to|combined with|plus|followed by|"
                    + "dose of|course of|courses of|regimen of|adjuvant|under treatment with|exposed to|exposure to|"
                    + "ingest\\w*|overdose of|prescribed|injection of|infusion of|use of|using)\\b[^.;]{0,25}$");
    private static final Pattern EXPOSED_AFTER = Pattern.compile(
            "(?i)^\\W{0,3}(?:therapy|treatment|regimen|injections?|infusions?|tablets?|was (?:started|given|administered|discontinued|stopped|withdrawn|restarted|resumed|initiated|added|begun|reintroduced)|"
                    + "were (?:started|given|administered|discontinued|stopped|added))\\b");

    /** Whether a drug named in a case's narrative reads as given to the patient. */
    private static boolean exposureCue(String text, int at, String after) {
        String before = text.substring(Math.max(0, at - 60), at);
        return EXPOSED_BEFORE.matcher(before).find() || EXPOSED_AFTER.matcher(after).find();
    }

    /**
     * A necessary condition for COLLECTIVE, in one pass: one of its words ("cases", "patients",
     * "they", "both", "all") occurs, ASCII case-insensitively as the pattern matches them.
     */
    static boolean mayBeCollective(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            switch (text.charAt(i) | 0x20) {
                case 'c' -> {
                    if (text.regionMatches(true, i, "cases", 0, 5)) {
                        return true;
                    }
                }
                case 'p' -> {
                    if (text.regionMatches(true, i, "patients", 0, 8)) {
                        return true;
                    }
                }
                case 't' -> {
                    if (text.regionMatches(true, i, "they", 0, 4)) {
                        return true;
                    }
                }
                case 'b' -> {
                    if (text.regionMatches(true, i, "both", 0, 4)) {
                        return true;
                    }
                }
                case 'a' -> {
                    if (text.regionMatches(true, i, "all", 0, 3)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Lexicon names of drugs and conditions, for the record's readable fields. */
    interface Names {
        String name(String id);
    }

    /**
     * The case as the graph stores it: exposures with roles (the suspect is the drug the text
     * blames — "X-induced", stopped for the reaction, subject of the document's CAUSES statements —
     * never a drug given to treat the reaction nor one the authors argue against; with no drug
     * stated for the patient the document's main drug is assumed and marked inferred), Naranjo
     * computed beside the authors' stated assessment, and every field's source.
     */
    static org.litgraph.graph.DocumentGraph.CaseRecord record(String caseId, Draft d, String mainDrug,
                                                               Map<String, Integer> drugRoleCauses,
                                                               java.util.function.Predicate<String> reportedElsewhere,
                                                               Names names) {
        List<org.litgraph.graph.DocumentGraph.Exposure> exposures = new ArrayList<>();
        String suspect = null;
        int best = 0;
        int bestAt = Integer.MAX_VALUE;
        for (Map.Entry<String, DrugDraft> e : d.drugs.entrySet()) {
            DrugDraft x = e.getValue();
            if (x.exculpated || (x.treatment && !x.suspectCue)) {
                continue;
            }
            int score = (x.suspectCue ? 4 : 0) + (drugRoleCauses.containsKey(e.getKey()) ? 2 : 0)
                    + (e.getKey().equals(mainDrug) ? 1 : 0);
            if (score > best || score == best && score > 0 && x.firstAt < bestAt) {
                best = score;
                bestAt = x.firstAt;
                suspect = e.getKey();
            }
        }
        boolean inferred = false;
        if (suspect == null && mainDrug != null && !d.notDrugs.contains(mainDrug)
                && (!d.drugs.containsKey(mainDrug) || !d.drugs.get(mainDrug).treatment)
                && d.drugs.values().stream().allMatch(x -> x.treatment || x.exculpated)) {
            DrugDraft x = d.drug(mainDrug);
            x.stated = false;
            suspect = mainDrug;
            inferred = true;
        }
        List<String> otherDrugs = new ArrayList<>();
        for (Map.Entry<String, DrugDraft> e : d.drugs.entrySet()) {
            DrugDraft x = e.getValue();
            String role = e.getKey().equals(suspect) ? "suspect" : x.treatment && !x.suspectCue ? "treatment" : "concomitant";
            exposures.add(new org.litgraph.graph.DocumentGraph.Exposure(e.getKey(), x.dose, role, x.route, x.frequency,
                    x.duration, !x.stated));
            if (!e.getKey().equals(suspect)) {
                String n = names.name(e.getKey());
                if (n != null) {
                    otherDrugs.add(n);
                }
            }
        }
        // the case's dose: the suspect drug's (never a dose of a drug given for the reaction), else a table's dose row
        String dose = suspect != null && d.drugs.get(suspect).dose != null ? d.drugs.get(suspect).dose : d.dose;
        List<FieldSource> sources = new ArrayList<>();
        for (FieldSource f : d.sources) {
            String field = f.field();
            int colon = field.indexOf(':');
            if (colon > 0) {
                String drug = field.substring(colon + 1);
                String base = field.substring(0, colon);
                if (drug.equals(suspect)) {
                    sources.add(new FieldSource(base, f.value(), f.start(), f.end(), f.sentenceStart(), f.sentenceEnd(), f.sentence()));
                }
                continue;
            }
            sources.add(f);
        }
        if (inferred) {
            sources.removeIf(f -> f.field().equals("dose"));
            dose = null;
        }
        List<String> reactionNames = new ArrayList<>();
        for (String r : d.reactions) {
            String n = names.name(r);
            if (n != null) {
                reactionNames.add(n);
            }
        }
        List<String> conditions = new ArrayList<>(d.conditions);
        conditions.removeAll(d.history.stream().filter(h -> !d.reactions.contains(h)).toList());
        org.litgraph.graph.DocumentGraph.Causality causality = suspect == null ? null
                : Naranjo.score(suspect, d, reportedElsewhere.test(suspect));
        org.litgraph.graph.DocumentGraph.Details details = new org.litgraph.graph.DocumentGraph.Details(d.ageText, d.ageGroup,
                List.copyOf(d.reactions), reactionNames, d.seriousness, List.copyOf(d.history), d.stated, sources);
        return new org.litgraph.graph.DocumentGraph.CaseRecord(caseId, d.label, d.age, d.sex, dose, d.timeToOnset,
                List.copyOf(d.symptoms), d.findings, d.management, d.outcome, d.dechallenge, d.rechallenge, otherDrugs,
                exposures, conditions, d.text.toString(), List.copyOf(d.cites), causality, details);
    }
}
