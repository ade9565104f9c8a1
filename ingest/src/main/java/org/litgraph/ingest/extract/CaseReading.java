package org.litgraph.ingest.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.Sex;

/**
 * The wordings a pharmacovigilance assessor reads in a case narrative, as small pure functions:
 * who the patient is (age in years, months or decades, age group, sex), doses with unit, frequency
 * and route, durations and time to onset, dechallenge and rechallenge, the patient's outcome, and
 * a causality assessment the authors state. Each returns where in the sentence it read the value,
 * so every case field keeps its source.
 */
final class CaseReading {
    private CaseReading() {
    }

    /** A value read from a sentence and the sentence-relative offsets of the words that state it. */
    record Found<T>(T value, int start, int end) {
    }

    // ------------------------------------------------------------------ patients

    /** Who is introduced: age (years; 0 under one year), the age as written, the age group, sex. */
    record Patient(Integer age, String ageText, String ageGroup, Sex sex, int start, int end, boolean aged) {
    }

    private static final String NOUN = "(?:woman|man|female|male|girl|boy|lady|gentleman|patient|child|infant|neonate|newborn|"
            + "baby|toddler|adolescent|teenager|adult|individual|person|pregnant woman|primigravida|multigravida)";
    private static final String DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties";
    private static final Pattern AGE = Pattern.compile(
            "(?i)\\b(?:(?<years>\\d{1,3})[- ]?(?:year|yr)s?[- ]?old"
                    + "|(?<months>\\d{1,2})[- ](?:month|mo)s?[- ]old"
                    + "|(?<weeks>\\d{1,2})[- ](?:week|wk|day)s?[- ]old"
                    + "|(?<years2>\\d{1,3})\\s*(?:years? of age|y/o\\b|yo\\b|-y-o\\b|years?,)"
                    + "|aged (?<years3>\\d{1,3})\\b(?![- ](?:to|and|-)\\s*\\d)"
                    + "|in (?<pron>his|her|their) (?<when>early |mid-?|late )?(?:(?<decade>[1-9]0)'?s|(?<decadeWord>"
                    + DECADE_WORDS + ")))");
    private static final Pattern INDIVIDUAL = Pattern.compile(
            "(?i)\\b(?:a|an|one|the|our|this)\\s+(?:[a-z-]+\\s+){0,3}?(?<noun>" + NOUN + ")\\b(?!s\\b|\\s+(?:population|patients))");
    private static final Pattern NEAR_NOUN = Pattern.compile("(?i)\\b(?<noun>" + NOUN + ")(?<plural>s|ren)?\\b");
    private static final Pattern PLURAL_NOUN = Pattern.compile(
            "(?i)\\b(?:women|men|females|males|girls|boys|patients|children|infants|neonates|adults|subjects|individuals|persons|people)\\b");
    private static final Pattern CASE_CONTEXT = Pattern.compile(
            "(?i)\\b(?:report\\w*|describ\\w*|present\\w*|admitted|referred|develop\\w*|was (?:treated|started|given|diagnosed)|"
                    + "received|receiving|had been|was taking|complain\\w*|case of|came to|visited|experienced)\\b");
    private static final Pattern GENERIC = Pattern.compile(
            "(?i)\\b(?:should|must|may be|might|can be|could be|at risk|risk of|in whom|any patient|each patient|every patient|"
                    + "a patient population|if a patient|when a patient)\\b");
    private static final Pattern SHE = Pattern.compile("(?i)\\b(?:she|her|herself)\\b");
    private static final Pattern HE = Pattern.compile("(?i)\\b(?:he|his|him|himself)\\b");

    /** The patient a sentence introduces with an age ("a 64-year-old woman", "a man in his 80s", "a 4-month-old infant"). */
    static Patient agedPatient(String s) {
        if (!mayHaveAge(s)) {
            return null;
        }
        Matcher m = AGE.matcher(s);
        while (m.find()) {
            Integer age = null;
            String group;
            if (m.group("years") != null || m.group("years2") != null || m.group("years3") != null) {
                String y = m.group("years") != null ? m.group("years") : m.group("years2") != null ? m.group("years2") : m.group("years3");
                age = Integer.valueOf(y);
                if (age > 120) {
                    continue;
                }
                group = group(age);
            } else if (m.group("months") != null || m.group("weeks") != null) {
                int months = m.group("months") != null ? Integer.parseInt(m.group("months")) : 0;
                age = months / 12;
                group = months < 12 ? (m.group("weeks") != null && m.group().toLowerCase(Locale.ROOT).contains("day") ? "neonate" : "infant") : group(age);
            } else {
                int decade = m.group("decade") != null ? Integer.parseInt(m.group("decade")) : decadeWord(m.group("decadeWord"));
                age = decade;
                group = decade >= 60 ? "elderly" : decade >= 20 ? "adult" : "adolescent";
            }
            // the person: a noun in the same phrase, before ("a woman aged 64", "a man in his 80s") or after
            int from = Math.max(0, m.start() - 45);
            int to = Math.min(s.length(), m.end() + 45);
            Sex sex = null;
            boolean individual = false;
            Matcher after = NEAR_NOUN.matcher(s).region(m.end(), to);
            if (after.find() && !s.substring(m.end(), after.start()).matches(".*[.;:].*")) {
                individual = after.group("plural") == null;
                sex = CaseExtractor.sex(after.group("noun"));
            }
            if (!individual) {
                Matcher before = NEAR_NOUN.matcher(s).region(from, m.start());
                String last = null;
                boolean plural = false;
                while (before.find()) {
                    last = before.group("noun");
                    plural = before.group("plural") != null;
                }
                if (last != null && !plural) {
                    individual = true;
                    sex = CaseExtractor.sex(last);
                } else if (last == null && m.group("years2") == null && !PLURAL_NOUN.matcher(s.substring(from, to)).find()) {
                    // "a 64-year-old with lupus"
                    individual = s.substring(from, m.start()).matches("(?is).*\\b(?:a|an)\\s*$");
                }
            }
            if (!individual) {
                continue;
            }
            if (sex == null && m.group("pron") != null) {
                sex = m.group("pron").equalsIgnoreCase("her") ? Sex.FEMALE : m.group("pron").equalsIgnoreCase("his") ? Sex.MALE : null;
            }
            String noun = nounGroup(s.substring(m.start(), to));
            if (noun != null && age != null && age < 18 && !noun.equals("adult")) {
                group = age < 1 ? group : noun.equals("infant") || noun.equals("neonate") ? noun : group;
            }
            return new Patient(age, m.group().strip(), group, sex, m.start(), m.end(), true);
        }
        return null;
    }

    /** A patient introduced without an age ("a relatively young woman", "an elderly man", "a patient with ..."). */
    static Patient agelessPatient(String s) {
        Matcher m = INDIVIDUAL.matcher(s);
        while (m.find()) {
            String phrase = m.group();
            if (GENERIC.matcher(s).find() || !CASE_CONTEXT.matcher(s).find()) {
                return null;
            }
            if (phrase.toLowerCase(Locale.ROOT).startsWith("the ") || phrase.toLowerCase(Locale.ROOT).startsWith("this ")
                    || phrase.toLowerCase(Locale.ROOT).startsWith("our ")) {
                continue; // "the patient" refers back; it introduces no one
            }
            Sex sex = CaseExtractor.sex(m.group("noun"));
            String lower = phrase.toLowerCase(Locale.ROOT);
            String group = lower.matches(".*\\b(?:elderly|old|older|aged|geriatric)\\b.*") ? "elderly"
                    : lower.matches(".*\\b(?:young|younger)\\b.*") ? "young adult"
                    : lower.matches(".*\\bmiddle-aged\\b.*") ? "adult" : nounGroup(lower);
            if (sex == null) {
                sex = pronounSex(s.substring(m.end()));
            }
            return new Patient(null, group == null ? null : phrase.strip(), group, sex, m.start(), m.end(), false);
        }
        return null;
    }

    private static String nounGroup(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches("(?s).*\\b(?:neonate|newborn)\\b.*")) {
            return "neonate";
        }
        if (t.matches("(?s).*\\b(?:infant|baby)\\b.*")) {
            return "infant";
        }
        if (t.matches("(?s).*\\b(?:child|toddler|boy|girl)\\b.*")) {
            return "child";
        }
        if (t.matches("(?s).*\\b(?:adolescent|teenager)\\b.*")) {
            return "adolescent";
        }
        return null;
    }

    static String group(int age) {
        if (age < 1) {
            return "infant";
        }
        if (age < 12) {
            return "child";
        }
        if (age < 18) {
            return "adolescent";
        }
        return age >= 65 ? "elderly" : "adult";
    }

    private static int decadeWord(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "twenties" -> 20;
            case "thirties" -> 30;
            case "forties" -> 40;
            case "fifties" -> 50;
            case "sixties" -> 60;
            case "seventies" -> 70;
            case "eighties" -> 80;
            default -> 90;
        };
    }

    /** A cheap necessary condition for {@link #AGE}: a digit or "in his/her". */
    static boolean mayHaveAge(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("in his ") || l.contains("in her ") || l.contains("in their ");
    }

    static Sex pronounSex(String text) {
        Matcher she = SHE.matcher(text);
        Matcher he = HE.matcher(text);
        boolean f = she.find();
        boolean m = he.find();
        if (f && (!m || she.start() < he.start())) {
            return Sex.FEMALE;
        }
        return m ? Sex.MALE : null;
    }

    // ------------------------------------------------------------------ drugs that are not drugs

    private static final Pattern ANALYTE = Pattern.compile(
            "(?i)^(?:bilirubin|creatinine|lactate|lactic acid|glucose|potassium|sodium|calcium|chloride|bicarbonate|magnesium|"
                    + "phosphate|phosphorus|albumin|urea|uric acid|ammonia|cholesterol|triglycerides?|ferritin|iron|"
                    + "hemoglobin|haemoglobin|troponin|oxygen|carbon dioxide|carbon monoxide|nitrogen|bile acids?|"
                    + "transferrin|cortisol|insulin-like growth factor|homocysteine|creatine|lipase|amylase)$");
    private static final Pattern LAB_BEFORE = Pattern.compile(
            "(?i)\\b(?:serum|plasma|blood|urinary|urine|arterial|venous|capillary|total|direct|indirect|fasting|level of|levels of|"
                    + "concentration of|elevated|raised|high|low|increased|decreased)\\s+$");
    private static final Pattern LAB_AFTER = Pattern.compile(
            "(?i)^\\s*(?:levels?|concentrations?|clearance|saturation|tension|was|were|of|at|:|=|\\()?\\s*(?:was\\s+|of\\s+)?"
                    + "(?:\\d+(?:[.,]\\d+)?\\s*(?:mg/dl|mg/l|g/dl|g/l|mmol/l|µmol/l|umol/l|μmol/l|mol/l|meq/l|iu/l|u/l|ng/ml|µg/ml|mcg/ml|%|mm ?hg)|"
                    + "levels?\\b|concentrations?\\b|clearance\\b|saturation\\b)");
    private static final Pattern PROCEDURE_AFTER = Pattern.compile(
            "(?i)^[\\s-]*(?:plasma coagulation|coagulation|laser|beam|ablation|catheter|stent|implant|device|pump|probe|"
                    + "electrode|balloon|dialysis|lavage|scan|imaging|tomography|test|challenge test|patch test|clamp|knife|"
                    + "cryotherapy|cautery|insufflation|bath|tent|chamber)\\b");

    /** Whether a drug name at {@code [at, end)} of {@code s} is a measured analyte, a procedure or a device, not a drug given. */
    static boolean notADrug(String s, String surface, int at, int end) {
        String after = s.substring(Math.min(end, s.length()), Math.min(s.length(), end + 40));
        if (PROCEDURE_AFTER.matcher(after).find()) {
            return true;
        }
        String before = s.substring(Math.max(0, at - 30), at);
        if (ANALYTE.matcher(surface.strip()).matches()) {
            return true;
        }
        return LAB_AFTER.matcher(after).find() || (LAB_BEFORE.matcher(before).find() && !DOSE_START.matcher(after).find());
    }

    // ------------------------------------------------------------------ dose, route, frequency, duration

    private static final String UNIT = "(?:mg|g|µg|μg|ug|mcg|ng|mg/kg|mg/m2|mg/m²|µg/kg|mcg/kg|g/kg|iu|IU|units?|U|mEq|mmol|ml|mL|puffs?|tablets?|drops?)";
    private static final String PER = "(?:\\s*/\\s*(?:day|d|24 ?h|week|wk|month|h|hr|hour|kg|m2|m²|kg/day|kg/d|dose)\\b)?";
    static final String FREQ = "(?:once|twice|three times|four times|(?:one|two|three|four) times)\\s+(?:a |per |)(?:day|daily|weekly|week|month|monthly)"
            + "|once|twice|daily|nightly|weekly|monthly|every\\s+(?:other\\s+)?(?:\\d+|one|two|three|four|six|eight|twelve)?\\s*(?:hours?|h|days?|weeks?|months?)"
            + "|per day|a day|a week|per week|bid|b\\.i\\.d\\.|tid|t\\.i\\.d\\.|qid|q\\.i\\.d\\.|qd|q\\.d\\.|qod|q\\d+h|at bedtime|"
            + "as needed|prn|in divided doses";
    static final String ROUTE = "orally|oral|by mouth|p\\.?o\\.?|intravenous(?:ly)?|i\\.?v\\.?|intramuscular(?:ly)?|i\\.?m\\.?|"
            + "subcutaneous(?:ly)?|s\\.?c\\.?|topical(?:ly)?|intrathecal(?:ly)?|inhaled|by inhalation|intranasal(?:ly)?|"
            + "transdermal(?:ly)?|rectal(?:ly)?|sublingual(?:ly)?|intravitreal(?:ly)?|intra-?articular(?:ly)?|epidural(?:ly)?|"
            + "intradermal(?:ly)?|intravesical(?:ly)?|ophthalmic|nebuli[sz]ed";
    private static final Pattern DOSE_START = Pattern.compile("(?i)^\\W{0,3}\\d");
    private static final Pattern DOSE = Pattern.compile(
            "(?i)(?<![\\w.])(?<amount>\\d+(?:[.,]\\d+)?(?:\\s*(?:-|–|to)\\s*\\d+(?:[.,]\\d+)?)?)\\s*(?<unit>" + UNIT + ")" + PER
                    + "(?![\\w/])(?:\\s*(?:,\\s*)?(?<freq>" + FREQ + ")\\b)?(?:\\s*(?:,\\s*)?(?<route>" + ROUTE + ")(?![\\w]))?");
    private static final Pattern CONCENTRATION_AFTER = Pattern.compile("(?i)^\\s*/\\s*(?:dl|l|ml|mm3|µl|ul)\\b");
    private static final Pattern ROUTE_ALONE = Pattern.compile("(?i)(?<![\\w.])(?:" + ROUTE + ")(?![\\w])");
    private static final Pattern FREQ_ALONE = Pattern.compile("(?i)(?<![\\w.])(?:" + FREQ + ")(?![\\w])");

    /** A dose near a drug: the whole "100 mg twice daily orally", never a lab value ("3.5 mg/dL"). */
    record Dose(String text, String frequency, String route, int start, int end) {
    }

    static Dose dose(String s, int from, int to) {
        Matcher m = DOSE.matcher(s).region(from, Math.min(to, s.length()));
        while (m.find()) {
            if (CONCENTRATION_AFTER.matcher(s.substring(m.end(), Math.min(s.length(), m.end() + 6))).find()) {
                continue;
            }
            String unit = m.group("unit");
            if (unit.equals("U") && !s.substring(Math.max(0, m.start() - 1), m.start()).isBlank()) {
                continue;
            }
            // a dose is the amount and unit (+ per, frequency); a route after it is reported apart
            int doseEnd = m.group("route") != null ? m.start("route") : m.end();
            String text = s.substring(m.start(), doseEnd).strip().replaceAll("[,\\s]+$", "");
            return new Dose(text, m.group("freq"), m.group("route"), m.start(), m.start() + text.length());
        }
        return null;
    }

    static Found<String> route(String s, int from, int to) {
        Matcher m = ROUTE_ALONE.matcher(s).region(from, Math.min(to, s.length()));
        return m.find() ? new Found<>(m.group(), m.start(), m.end()) : null;
    }

    static Found<String> frequency(String s, int from, int to) {
        Matcher m = FREQ_ALONE.matcher(s).region(from, Math.min(to, s.length()));
        return m.find() ? new Found<>(m.group(), m.start(), m.end()) : null;
    }

    private static final String NUMBER = "(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "fourteen|fifteen|eighteen|twenty|thirty|several|a few|a|an)";
    private static final String PERIOD = "(?:days?|weeks?|months?|years?|hours?|h)";
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\bfor\\s+(?:(?:about|approximately|nearly|almost|over|more than|the (?:past|last|previous))\\s+)?" + NUMBER + "[- ]" + PERIOD + "\\b");
    private static final Pattern ONSET = Pattern.compile(
            "(?i)\\b(?:(?:about|approximately|nearly|almost|some|only|within|after|over)\\s+)?" + NUMBER + "[- ]" + PERIOD
                    + "\\s+(?:after|following|of|into|from)\\s+(?:the\\s+)?(?:start(?:ing)?|initiat\\w+|commenc\\w+|beginning|introduc\\w+|"
                    + "first (?:dose|administration|infusion|injection)|onset of|treatment|therapy|taking|receiving|exposure|use|"
                    + "administration|the (?:first|initial) dose)\\b"
                    + "|\\b(?:on|by)\\s+(?:day|week)\\s+\\d+\\s+(?:of|after)\\b"
                    + "|\\bafter\\s+" + NUMBER + "[- ]" + PERIOD + "\\s+(?:of|on)\\b"
                    + "|\\bfor\\s+(?:about\\s+|approximately\\s+|nearly\\s+)?" + NUMBER + "[- ]" + PERIOD + "\\s+(?:when|before)\\b"
                    + "|\\b" + NUMBER + "[- ]" + PERIOD + "\\s+into\\s+(?:\\w+\\s+)?(?:therapy|treatment)\\b");
    private static final Pattern ONSET_CUE = Pattern.compile(
            "(?i)\\b(?:develop\\w*|onset|appear\\w*|noted|noticed|occurr\\w*|presented|present\\w*|complain\\w*|suffer\\w*|"
                    + "experienc\\w*|admitted|began|started to)\\b");
    private static final Pattern ONSET_LOOSE = Pattern.compile(
            "(?i)\\b(?:(?:about|approximately|nearly|almost|within|after)\\s+)?" + NUMBER + "[- ]" + PERIOD + "\\s+(?:later|after)\\b");

    static Found<String> duration(String s, int from, int to) {
        Matcher m = DURATION.matcher(s).region(from, Math.min(to, s.length()));
        return m.find() ? new Found<>(m.group().replaceFirst("(?i)^for\\s+", ""), m.start(), m.end()) : null;
    }

    /** Time to onset stated from the start of a drug ("3 weeks after starting", "after 14 months of therapy"). */
    static Found<String> onset(String s, boolean drugStartedBefore) {
        Matcher m = ONSET.matcher(s);
        if (m.find() && ONSET_CUE.matcher(s).find()) {
            String v = m.group().strip().replaceFirst("(?i)^for\\s+", "").replaceFirst("(?i)\\s+(?:when|before)$", "");
            return new Found<>(v, m.start(), m.end());
        }
        if (drugStartedBefore) {
            Matcher l = ONSET_LOOSE.matcher(s);
            if (l.find() && ONSET_CUE.matcher(s).find()) {
                return new Found<>(l.group().strip(), l.start(), l.end());
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ history

    private static final Pattern HISTORY = Pattern.compile(
            "(?i)\\b(?:history of|histories of|previous(?:ly)?|prior|past|underlying|known|pre-?existing|long-?standing|"
                    + "(?:woman|man|patient|boy|girl|child|infant|female|male|adult) (?:with|suffering from|affected by)|"
                    + "had been diagnosed|was diagnosed \\w+ (?:years|months) (?:ago|earlier|before)|"
                    + "\\d+\\s+(?:years?|months?|decades?)\\s+(?:earlier|before|ago|previously)|in (?:19|20)\\d\\d|"
                    + "(?:years?|months?|decades?) (?:earlier|before|ago)|childhood|treated for|under treatment for|followed for)\\b");

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)\\b(?:now|but|then|presented|developed|admitted|when|until|later|subsequently|currently|this time)\\b");

    /** Whether the words before a condition mention (same clause) place it in the patient's history. */
    static boolean history(String s, int at, int end) {
        int clause = Math.max(Math.max(s.lastIndexOf(';', at), s.lastIndexOf(". ", at)), 0);
        String before = s.substring(Math.max(clause, at - 80), at);
        Matcher brk = CLAUSE_BREAK.matcher(before);
        int cut = -1;
        while (brk.find()) {
            cut = brk.end();
        }
        if (cut >= 0) {
            before = before.substring(cut);
        }
        if (HISTORY.matcher(before).find()) {
            return true;
        }
        String after = s.substring(end, Math.min(s.length(), end + 40));
        return after.matches("(?is)^[^,;.]{0,25}\\b(?:\\d+\\s+(?:years?|months?|decades?)\\s+(?:earlier|before|ago|previously)|"
                + "in (?:19|20)\\d\\d|(?:years|decades) (?:earlier|before|ago)|in childhood)\\b.*");
    }

    // ------------------------------------------------------------------ dechallenge, rechallenge

    private static final Pattern STOPPED = Pattern.compile(
            "(?i)\\b(?:discontinu\\w*|d/c|withdr[ae]w\\w*|stopp\\w*|stop|ceas\\w*|cessation|interrupt\\w*|held|withheld|paus\\w*|avoid\\w*|"
                    + "suspended|terminated|tapered off|switched (?:from|to)|replaced (?:by|with)|changed to)\\b");
    private static final Pattern BETTER = Pattern.compile(
            "(?i)\\b(?:resolv\\w*|resolution|improv\\w*|recover\\w*|regress\\w*|subsid\\w*|disappear\\w*|normali[sz]\\w*|"
                    + "abat\\w*|remission|ameliorat\\w*|decreas\\w*|declin\\w*|cleared|clear|faded|heal\\w*|regrew|regrowth|"
                    + "(?:returned|rose|fell|came back|went back|recovered) to normal|back to normal|within normal|"
                    + "responded|response|reversed|reversal|reversible|better|relieved|diminish\\w*|"
                    + "(?:bleeding|symptoms?|pain|seizures?|rash|itching|fever|diarrh?o?ea|vomiting) (?:stopped|ceased)|"
                    + "(?:remained|was|stayed|became) (?:free of|well|asymptomatic|[a-z]+-free)|free of symptoms|"
                    + "(?<!was |were |been |is |be |not )(?:stopped|ceased))\\b");
    private static final Pattern NOT_BETTER = Pattern.compile(
            "(?i)\\b(?:irreversible|persist\\w*|no improvement|did not (?:improve|resolve|recover|regress)|failed to (?:improve|resolve)|"
                    + "progress\\w*|worsen\\w*|deteriorat\\w*|despite (?:discontinu|withdraw|stopp|cessation)\\w*|"
                    + "remained(?! (?:free|well|asymptomatic|[a-z]+-free|stable|normal))|unchanged|did not respond|no response|permanent|"
                    + "still present|no change|continued despite|required (?:liver |renal |kidney )?transplant\\w*)\\b");
    private static final Pattern NOT_STOPPED = Pattern.compile(
            "(?i)\\b(?:could not be (?:stopped|discontinued|withdrawn)|was continued|were continued|continued (?:on|taking|the|to take|to receive)|without interruption|"
                    + "not (?:discontinued|stopped|withdrawn|interrupted)|despite continu\\w*|maintained on|kept on)\\b");
    private static final Pattern RECHALLENGE = Pattern.compile(
            "(?i)\\b(?:re-?challeng\\w*|re-?exposure|re-?exposed|re-?introduc\\w*|re-?start\\w*|re-?start|re-?administ\\w*|re-?instituted|"
                    + "re-?initiat\\w*|re-?treat\\w*|resum\\w*|given again|administered again|started again|restarted|"
                    + "inadvertently (?:given|restarted|re-?exposed)|again (?:received|given|treated|took|started)|"
                    + "provocation(?: test)?|(?:oral|drug) challenge|challenge test)\\b");
    private static final Pattern NO_RECHALLENGE = Pattern.compile(
            "(?i)\\b(?:not|never|no)\\s+(?:been\\s+|be\\s+|was\\s+)?(?:re-?challeng\\w*|re-?start\\w*|re-?introduc\\w*|re-?exposed|resum\\w*|re-?institut\\w*|"
                    + "re-?administ\\w*|re-?treat\\w*|given again)|\\bwas not (?:re-?started|re-?introduced|resumed|re-?challenged)|"
                    + "\\bno (?:re-?challenge|re-?exposure|re-?introduction)|\\brechallenge was not\\b|\\b(?:declined|refused) (?:a )?re-?challenge");
    private static final Pattern RECURRED = Pattern.compile(
            "(?i)\\b(?:recur\\w*|relaps\\w*|reappear\\w*|re-?appear\\w*|re-?emerg\\w*|flare\\w*|returned|developed again|again developed|"
                    + "same (?:symptoms|reaction|findings)|similar (?:symptoms|reaction|episode)|again (?:had|showed|presented|developed)|"
                    + "positive rechallenge|re-?occurr\\w*|re-?develop\\w*|worsen\\w*|reproduc\\w*|provoked|elicited)\\b");
    private static final Pattern TOLERATED = Pattern.compile(
            "(?i)\\b(?:without (?:any )?(?:further )?(?:recurrence|relapse|reappearance|symptoms|problems|complications|incident|event|reaction|"
                    + "adverse)|no (?:further )?(?:recurrence|relapse|reappearance|recurrent|further (?:episodes|symptoms))|did not recur\\w*|"
                    + "has not recurred|not recurred|tolerat\\w*|uneventful\\w*|negative rechallenge|successful(?:ly)?|no adverse|did not (?:reappear|return|develop|recur)|"
                    + "(?:remained|was|stayed) (?:free of|well|asymptomatic|symptom-free)|no further (?:\\w+ ){0,2}(?:episodes?|bleeding|symptoms|reactions?|events?|problems|complaints))\\b");

    /** A dechallenge outcome read from a sentence that says the drug was stopped (or was not). */
    static Found<Challenge> dechallenge(String s) {
        Matcher stop = STOPPED.matcher(s);
        if (NOT_STOPPED.matcher(s).find() && (!stop.find() || s.toLowerCase(Locale.ROOT).contains("could not be"))) {
            Matcher n = NOT_STOPPED.matcher(s);
            n.find();
            return new Found<>(Challenge.NOT_DONE, n.start(), n.end());
        }
        stop.reset();
        if (!stop.find()) {
            return null;
        }
        String rest = s;
        Matcher bad = NOT_BETTER.matcher(rest);
        Matcher good = BETTER.matcher(mask(rest));
        boolean b = good.find();
        boolean nb = bad.find();
        if (nb && (!b || bad.start() > good.start() && !rest.substring(good.start(), bad.start()).contains("then"))) {
            return new Found<>(Challenge.NEGATIVE, stop.start(), Math.max(stop.end(), bad.end()));
        }
        if (b) {
            return new Found<>(Challenge.POSITIVE, Math.min(stop.start(), good.start()), Math.max(stop.end(), good.end()));
        }
        return null;
    }

    /** The sentence with every "not better" wording blanked, so "did not resolve" is not read as "resolve". */
    private static String mask(String s) {
        Matcher m = NOT_BETTER.matcher(s);
        StringBuilder sb = new StringBuilder(s);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                sb.setCharAt(i, 'x');
            }
        }
        return sb.toString();
    }

    /** Whether a sentence says the drug was stopped, without saying what followed. */
    static boolean stopped(String s) {
        return STOPPED.matcher(s).find() && !NOT_STOPPED.matcher(s).find();
    }

    /** Whether a sentence, read after a stop, says the reaction abated (true), did not (false), or neither (null). */
    static Found<Boolean> course(String s) {
        Matcher bad = NOT_BETTER.matcher(s);
        Matcher good = BETTER.matcher(mask(s));
        if (bad.find()) {
            return new Found<>(false, bad.start(), bad.end());
        }
        if (good.find()) {
            return new Found<>(true, good.start(), good.end());
        }
        return null;
    }

    /** A rechallenge outcome: positive (recurred), negative (restarted without recurrence), not done (not restarted). */
    static Found<Challenge> rechallenge(String s) {
        Matcher no = NO_RECHALLENGE.matcher(s);
        if (no.find()) {
            return new Found<>(Challenge.NOT_DONE, no.start(), no.end());
        }
        Matcher re = RECHALLENGE.matcher(s);
        if (!re.find()) {
            return null;
        }
        Matcher ok = TOLERATED.matcher(s);
        if (ok.find()) {
            return new Found<>(Challenge.NEGATIVE, Math.min(re.start(), ok.start()), Math.max(re.end(), ok.end()));
        }
        Matcher again = RECURRED.matcher(s);
        while (again.find()) {
            if (again.start() >= re.start() && again.start() == re.start()) {
                continue;
            }
            return new Found<>(Challenge.POSITIVE, Math.min(re.start(), again.start()), Math.max(re.end(), again.end()));
        }
        return null;
    }

    /** Whether a sentence reports that a drug was given again, whatever followed. */
    static boolean restarted(String s) {
        return RECHALLENGE.matcher(s).find() && !NO_RECHALLENGE.matcher(s).find();
    }

    /** What followed a restart, read in the next sentence: recurred (positive) or not (negative). */
    static Found<Challenge> afterRestart(String s) {
        Matcher ok = TOLERATED.matcher(s);
        if (ok.find()) {
            return new Found<>(Challenge.NEGATIVE, ok.start(), ok.end());
        }
        Matcher again = RECURRED.matcher(s);
        if (again.find()) {
            return new Found<>(Challenge.POSITIVE, again.start(), again.end());
        }
        return null;
    }

    // ------------------------------------------------------------------ outcome

    private static final Pattern DIED = Pattern.compile(
            "(?i)\\b(?:died|passed away|succumbed|expired|was pronounced dead|deceased|"
                    + "(?:his|her|the patient's|patient's) death|resulted in (?:his |her |the patient's )?death|"
                    + "(?:had|with) a fatal (?:outcome|course)|(?:outcome|course) was fatal|proved fatal|was fatal|"
                    + "(?:suffered|had|sustained|developed|experienced) a fatal)\\b");
    private static final Pattern DEATH_AS_RISK = Pattern.compile(
            "(?i)\\b(?:potentially|possibly|may|might|can|could|risk|risks|if|would|often|sometimes|rarely|can be|may be|"
                    + "life-threatening|avoid|prevent\\w*|nearly|almost|without treatment|untreated|reported to have|"
                    + "cases|patients|others|other)\\b");
    private static final Pattern RECOVERED = Pattern.compile(
            "(?i)\\b(?:fully recovered|recovered (?:fully|completely)|complete(?:ly)? (?:recovery|resolution|resolved|remission)|"
                    + "resolved (?:completely|fully)|made a (?:full|complete) recovery|returned to normal|normali[sz]ed|"
                    + "was discharged (?:home )?(?:in good condition|without sequelae|well)|recovered|resolved|disappeared|cleared|"
                    + "healed|subsided|normali[sz]ation|regrew|(?:returned|rose|fell|came back) to normal|back to normal|"
                    + "(?:remained|was|became) (?:free of|asymptomatic|symptom-free))\\b");
    private static final Pattern IMPROVED = Pattern.compile(
            "(?i)\\b(?:improv\\w*|responded|response|"
                    + "subsid\\w*|regress\\w*|partial (?:recovery|resolution|remission)|recovering|resolving|better|"
                    + "was discharged|abated|ameliorat\\w*|decreas\\w*)\\b");
    private static final Pattern NOT_RECOVERED = Pattern.compile(
            "(?i)\\b(?:did not (?:recover|improve|resolve)|no improvement|persist\\w*|irreversible|permanent|"
                    + "remained(?! (?:free|well|asymptomatic|symptom-free|stable|normal))|worsen\\w*|"
                    + "deteriorat\\w*|unchanged|still present|required (?:long-term|permanent|chronic|liver|renal|kidney))\\b");
    private static final Pattern SEQUELAE = Pattern.compile(
            "(?i)\\b(?:(?<!without )sequelae|residual|scarring|with some (?:deficit|impairment))\\b");

    /** The outcome of this patient, only when the sentence states it of them (a death as a risk is not a death). */
    static Found<String> outcome(String s) {
        Matcher d = DIED.matcher(s);
        while (d.find()) {
            String before = s.substring(Math.max(0, d.start() - 50), d.start());
            String around = before + " " + s.substring(d.start(), Math.min(s.length(), d.end() + 12));
            if (DEATH_AS_RISK.matcher(around).find() && !before.matches("(?is).*\\b(?:he|she|the patient|patient)\\s+(?:subsequently |later |eventually |finally )?$")) {
                continue;
            }
            return new Found<>("died", d.start(), d.end());
        }
        Matcher seq = SEQUELAE.matcher(s);
        Matcher rec = RECOVERED.matcher(s);
        if (rec.find()) {
            if (seq.find()) {
                return new Found<>("recovered with sequelae", rec.start(), Math.max(rec.end(), seq.end()));
            }
            if (!s.substring(Math.max(0, rec.start() - 12), rec.start()).matches("(?is).*\\b(?:not|never|no)\\s+(?:\\w+\\s+)?$")) {
                return new Found<>("recovered", rec.start(), rec.end());
            }
        }
        Matcher nr = NOT_RECOVERED.matcher(s);
        if (nr.find()) {
            return new Found<>("not recovered", nr.start(), nr.end());
        }
        Matcher imp = IMPROVED.matcher(s);
        if (imp.find()) {
            return new Found<>("improved", imp.start(), imp.end());
        }
        return null;
    }

    // ------------------------------------------------------------------ seriousness

    private static final Pattern SERIOUS = Pattern.compile(
            "(?i)\\b(?:life-?threatening|intensive care|icu\\b|admitted|admission|hospitali[sz]\\w*|was hospitali[sz]ed|"
                    + "mechanical ventilation|intubat\\w*|disabilit\\w*|incapacit\\w*|congenital anomal\\w*|birth defect|"
                    + "emergency department|resuscitat\\w*|cardiac arrest)\\b");

    /** A seriousness criterion stated in the sentence (hospitalisation, life-threatening, ...), or null. */
    static Found<String> seriousness(String s) {
        Matcher m = SERIOUS.matcher(s);
        if (!m.find()) {
            return null;
        }
        String w = m.group().toLowerCase(Locale.ROOT);
        String criterion = w.startsWith("life") || w.contains("arrest") || w.contains("resusc") || w.contains("intubat")
                || w.contains("ventilation") || w.contains("intensive") || w.equals("icu") ? "life-threatening"
                : w.contains("disab") || w.contains("incapac") ? "disability"
                : w.contains("congenital") || w.contains("birth") ? "congenital anomaly" : "hospitalisation";
        return new Found<>(criterion, m.start(), m.end());
    }

    // ------------------------------------------------------------------ stated causality

    record Stated(String scale, Integer score, String category, int start, int end) {
    }

    private static final String CATEGORY = "definite|definitely|certain|probable|probably|likely|possible|possibly|unlikely|doubtful|"
            + "conditional|unclassified|unassessable|unclassifiable|highly probable";
    private static final Pattern SCALE = Pattern.compile(
            "(?i)\\b(?<scale>Naranjo(?:'s)?|WHO[- ]UMC|WHO|RUCAM|CIOMS|Karch[- ]Lasagna|Liverpool|Begaud|Bégaud|Kramer|"
                    + "ALDEN|Jones|French imputability)\\b");
    private static final Pattern SCORE = Pattern.compile("(?i)(?:score|scored|total|of|was|=|:|\\()\\s*(?:of\\s+)?(?<score>[+-]?\\d{1,2})\\b(?!\\s*(?:%|mg|years?|patients?|cases?))");
    private static final Pattern CAT = Pattern.compile("(?i)\\b(?<cat>" + CATEGORY + ")\\b");
    private static final Pattern ASSESSED = Pattern.compile(
            "(?i)\\b(?:causal(?:ity)? (?:relationship|association|link|assessment|role)|causality|association|"
                    + "adverse drug reaction probability(?: scale)?|imputability)\\b[^.;]{0,60}?\\b(?:was|were|is|as|be|been|"
                    + "considered|assessed|judged|rated|classified|gave|scored)\\b[^.;]{0,30}?\\b(?<cat>"
                    + CATEGORY + ")\\b");
    private static final Pattern ASSESSED_SCORE = Pattern.compile("(?i)\\bscore (?:of |was )?(?<score>\\d{1,2})\\b");

    /** A causality assessment the authors state: "a Naranjo score of 9 (definite)", "probable according to the WHO-UMC system". */
    static Stated stated(String s) {
        Matcher sc = SCALE.matcher(s);
        while (sc.find()) {
            String scale = normaliseScale(sc.group("scale"));
            if (scale.equals("WHO") && !s.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:causality|uppsala|umc|probab|certain|possible)\\b.*")) {
                continue;
            }
            int from = Math.max(0, sc.start() - 80);
            int to = Math.min(s.length(), sc.end() + 80);
            int semi = s.indexOf(';', sc.end());
            if (semi >= 0 && semi < to) {
                to = semi;
            }
            Matcher next = SCALE.matcher(s).region(sc.end(), to);
            if (next.find()) {
                to = next.start();
            }
            String window = s.substring(sc.end(), to);
            Integer score = null;
            int end = sc.end();
            Matcher sm = SCORE.matcher(window);
            if (sm.find() && sm.start() < 40) {
                score = Integer.valueOf(sm.group("score").replace("+", ""));
                end = sc.end() + sm.end();
            }
            String category = null;
            int start = sc.start();
            Matcher cm = CAT.matcher(window);
            if (cm.find() && cm.start() < 60) {
                category = category(cm.group("cat"));
                end = Math.max(end, sc.end() + cm.end());
            } else {
                Matcher cb = CAT.matcher(s).region(from, sc.start());
                while (cb.find()) {
                    category = category(cb.group("cat"));
                    start = cb.start();
                }
            }
            if (score == null && category == null) {
                continue;
            }
            if (category == null && scale.equals("Naranjo")) {
                category = Naranjo.category(score);
            }
            int close = s.indexOf(')', end);
            if (close >= 0 && close - end < 3 && s.lastIndexOf('(', close) >= start) {
                end = close + 1;
            }
            return new Stated(scale, score, category, start, end);
        }
        Matcher a = ASSESSED.matcher(s);
        if (a.find()) {
            Matcher sc2 = ASSESSED_SCORE.matcher(s.substring(a.start(), a.end()));
            Integer score = sc2.find() ? Integer.valueOf(sc2.group("score")) : null;
            int end = a.end();
            int close = s.indexOf(')', end);
            if (close >= 0 && close - end < 3 && s.lastIndexOf('(', close) >= a.start()) {
                end = close + 1;
            }
            return new Stated(null, score, category(a.group("cat")), a.start(), end);
        }
        return null;
    }

    private static String normaliseScale(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (l.startsWith("naranjo")) {
            return "Naranjo";
        }
        if (l.startsWith("who")) {
            return l.contains("umc") ? "WHO-UMC" : "WHO";
        }
        return s.toUpperCase(Locale.ROOT).equals(s) ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String category(String c) {
        String l = c.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "definitely" -> "definite";
            case "probably", "likely" -> "probable";
            case "possibly" -> "possible";
            case "unclassifiable" -> "unclassified";
            default -> l;
        };
    }

    // ------------------------------------------------------------------ Naranjo question 1

    private static final Pattern FIRST_REPORT = Pattern.compile(
            "(?i)\\b(?:first (?:reported |published |documented |described )?(?:case|report|description)|"
                    + "(?:is|was) (?:the )?first (?:to (?:report|describe)|report)|"
                    + "(?:has|have) not (?:been )?(?:previously |yet )?(?:reported|described|documented)|"
                    + "not (?:been )?previously (?:reported|described)|no (?:previous|prior|earlier) (?:reports?|cases?|descriptions?)|"
                    + "never (?:been )?(?:reported|described)|first time)\\b");
    private static final Pattern PREVIOUSLY_REPORTED = Pattern.compile(
            "(?i)\\b(?:(?:has|have) (?:been )?(?:previously |frequently |often |widely |well )?(?:reported|described|documented)|"
                    + "previously reported|well[- ]known|known (?:adverse|side) effect|(?:several|many|numerous|other) (?:cases|reports)|"
                    + "(?:is|are) a (?:known|recognised|recognized|rare) (?:adverse|complication|side))\\b");

    /** Whether the sentence says this is the first report of the reaction (Naranjo question 1: no). */
    static Found<Boolean> firstReport(String s) {
        Matcher m = FIRST_REPORT.matcher(s);
        return m.find() ? new Found<>(true, m.start(), m.end()) : null;
    }

    /** Whether the sentence says the reaction has been reported before (Naranjo question 1: yes). */
    static Found<Boolean> previouslyReported(String s) {
        Matcher m = PREVIOUSLY_REPORTED.matcher(s);
        if (m.find() && !FIRST_REPORT.matcher(s).find()) {
            return new Found<>(true, m.start(), m.end());
        }
        return null;
    }

    // ------------------------------------------------------------------ drug roles

    private static final Pattern TREATMENT_CUE = Pattern.compile(
            "(?i)\\b(?:treated with|treatment with|managed with|therapy with|was given|were given|received|was started on|"
                    + "started on|was begun|was initiated|initiated|administered|was administered|responded to|response to|"
                    + "was commenced|commenced|introduced|was added|added|pulse|switched to|changed to|replaced (?:by|with))\\b");
    private static final Pattern FOR_REACTION = Pattern.compile("(?i)^[^.;]{0,40}?\\bfor (?:the |her |his |this )?(?:\\w+[- ]?){0,3}\\b");
    private static final Pattern SUSPECT_AFTER = Pattern.compile(
            "(?i)^[\\s-]*(?:induced|associated|related|attributed|toxicity|hypersensitivity|allergy|reaction|-induced|"
                    + "was (?:suspected|considered|thought|believed) (?:to be )?(?:the )?(?:cause|culprit|responsible)|"
                    + "(?:was|were) (?:discontinued|withdrawn|stopped|held|suspended|ceased|interrupted))\\b");
    private static final Pattern SUSPECT_BEFORE = Pattern.compile(
            "(?i)\\b(?:due to|caused by|induced by|secondary to|attributed to|attributable to|associated with|related to|"
                    + "after (?:starting|initiating|initiation of|beginning|receiving|taking|the (?:first|second|third) (?:dose|infusion|cycle) of)|"
                    + "while (?:on|taking|receiving)|following (?:the )?(?:administration|initiation|start|introduction|ingestion|use|intake) of|"
                    + "during (?:treatment|therapy) with|discontinu\\w+ (?:of )?|withdrawal of|cessation of|stopping|rechallenge with|"
                    + "re-?exposure to|suspected)\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}$");
    private static final Pattern EXCULPATED = Pattern.compile(
            "(?i)\\b(?:unlikely|not (?:likely|responsible|related|the cause|implicated|associated)|argue[sd]? against|"
                    + "ruled out|excluded as|rather than|no (?:causal )?(?:role|relationship|association)|not (?:to )?blame|"
                    + "innocent|exonerat\\w*|cannot be (?:blamed|implicated))\\b");

    private static final Pattern TREATMENT_AFTER = Pattern.compile(
            "(?i)^[^.;,]{0,15}?\\b(?:was|were) (?:then )?(?:started|given|added|begun|initiated|administered|commenced|introduced|instituted)\\b");

    static boolean treatmentCue(String s, int at) {
        String before = s.substring(Math.max(0, at - 50), at);
        return TREATMENT_CUE.matcher(before).find();
    }

    /** "... and methylprednisolone was started": a drug begun in the sentence that tells of the reaction's management. */
    static boolean startedAfter(String s, int end) {
        return TREATMENT_AFTER.matcher(s.substring(end)).find();
    }

    /** The drug is named as the one given for a condition ("prednisone for the pneumonitis"). */
    static boolean givenFor(String s, int end) {
        return FOR_REACTION.matcher(s.substring(end)).find();
    }

    static boolean suspectCue(String s, int at, int end) {
        String before = s.substring(Math.max(0, at - 70), at);
        String after = s.substring(end, Math.min(s.length(), end + 60));
        return SUSPECT_AFTER.matcher(after).find() || SUSPECT_BEFORE.matcher(before).find();
    }

    /** The authors argue against the drug being the cause, in the clause around it. */
    static boolean exculpated(String s, int at, int end) {
        int from = Math.max(0, at - 60);
        int to = Math.min(s.length(), end + 60);
        String around = s.substring(from, to);
        return EXCULPATED.matcher(around).find();
    }
}
