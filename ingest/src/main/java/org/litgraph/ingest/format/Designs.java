package org.litgraph.ingest.format;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.litgraph.graph.SourceType;

/**
 * A document's design (case report, case series, review, trial, regulatory notice, drug label,
 * vendor note, clinical summary, cohort study, web page) from what its metadata states and what its
 * title and text say of themselves. Metadata wins when it is specific (PubMed publication types,
 * JATS article types); the title's own words come next ("... : a case report", "a systematic
 * review"); then cues in the body, which is read without its reference list (cited titles describe
 * other works). A case report of three or more patients is a case series.
 */
final class Designs {
    /** How much of the body the cues are looked for in (designs are stated early). */
    static final int HEAD = 12_000;

    /** Three or more, in words or digits. */
    private static final String NUMBER = "(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|[3-9]|[1-9]\\d{1,2})";
    private static final Pattern TITLE_SERIES = Pattern.compile("\\bcase series\\b|\\b" + NUMBER + " (?:cases|patients)\\b");
    private static final Pattern TITLE_CASE = Pattern.compile("\\bcase reports?\\b|\\b(?:a|one|two) (?:case|cases|patients?)\\b");
    private static final Pattern TITLE_REVIEW = Pattern.compile(
            "\\b(?:review|meta-analysis|meta-analyses|overview of the literature|scoping review|umbrella review)\\b");
    private static final Pattern TITLE_TRIAL = Pattern.compile(
            "\\b(?:randomi[sz]ed|double-blind|placebo-controlled|phase (?:i{1,3}|iv|[1-4])[ab]? (?:trial|study)|clinical trial|(?:a|the) trial)\\b");
    private static final Pattern TITLE_NOTICE = Pattern.compile(
            "\\b(?:safety communication|safety alert|safety announcement|drug safety update|safety information|field safety notice"
                    + "|dear (?:health ?care|healthcare) professional|regulatory (?:notice|update)|recall)\\b");
    private static final Pattern TITLE_LABEL = Pattern.compile(
            "\\b(?:prescribing information|package (?:insert|leaflet)|summary of product characteristics|product monograph"
                    + "|medication guide|(?:drug )?label)\\b");

    private static final Pattern NOTICE = Pattern.compile(
            "\\b(?:drug safety communication|safety communication|safety alert|safety announcement|dear (?:health ?care|healthcare) professional"
                    + "|direct healthcare professional communication|prac (?:has )?recommend\\w*|boxed warning"
                    + "|(?:is|are) (?:requiring|adding|revising|warning|alerting|informing)\\b[^.]{0,80}\\b(?:label|warning|prescribing information)"
                    + "|regulatory (?:notice|action)|market withdrawal)\\b");
    private static final Pattern AGENCY = Pattern.compile(
            "\\b(?:fda|food and drug administration|ema|european medicines agency|mhra|medicines and healthcare products regulatory agency"
                    + "|health canada|tga|therapeutic goods administration|pmda|swissmedic|regulator\\w*)\\b");
    private static final List<Pattern> LABEL_SECTIONS = sections("indications and usage", "dosage and administration",
            "dosage forms and strengths", "contraindications", "warnings and precautions", "adverse reactions",
            "drug interactions", "use in specific populations", "highlights of prescribing information",
            "summary of product characteristics", "therapeutic indications", "posology and method of administration",
            "special warnings and precautions for use", "undesirable effects", "package leaflet", "overdosage",
            "clinical pharmacology", "how supplied");

    private static List<Pattern> sections(String... names) {
        return java.util.Arrays.stream(names)
                .map(x -> Pattern.compile("(?m)^[\\s#*\\d.]*" + Pattern.quote(x) + "\\b")).toList();
    }
    private static final Pattern SERIES = Pattern.compile("\\bcase series\\b|\\bwe (?:report|describe|present|reviewed|studied|identified) "
            + "(?:the )?(?:cases of )?" + NUMBER + " (?:consecutive |additional |further |new )?(?:\\w+ )?(?:patients|cases|women|men|children)\\b");
    private static final Pattern CASE = Pattern.compile("\\b(?:we (?:report|describe|present) (?:a|an|one|two|the case of|a case of)"
            + " (?:\\w+ )?(?:cases?|patients?|\\w+-year-old|man|woman|boy|girl)|case descriptions?:|case reports?:|case presentations?:?"
            + "|publication types?\\s+(?:\\W\\s*)*case reports?)");
    /** The text describing itself as a review (not citing one). */
    private static final Pattern REVIEW = Pattern.compile(
            "\\b(?:this (?:narrative |systematic |scoping |literature |brief |short )?review|this meta-analysis"
                    + "|we (?:review|reviewed|summari[sz]e|summari[sz]ed|searched) (?:the )?(?:literature|published|current|available|evidence|databases)"
                    + "|we (?:performed|conducted|undertook) a (?:systematic review|meta-analysis|literature review))\\b");
    /** The text describing itself as a trial (not citing one). */
    private static final Pattern TRIAL = Pattern.compile(
            "\\b(?:we randomi[sz]ed|were randomly (?:assigned|allocated)|were randomi[sz]ed (?:to|into|in a)"
                    + "|in this (?:randomi[sz]ed|double-blind|placebo-controlled|open-label|multicent\\w+|phase (?:i{1,3}|iv|[1-4])[ab]?)"
                    + "(?:,? (?:randomi[sz]ed|double-blind|placebo-controlled|open-label|multicent\\w+|controlled))*,? (?:clinical )?trial"
                    + "|nct\\d{8}|this trial)\\b");
    private static final Pattern CASE_NUMBER = Pattern.compile("\\b(?:case|patient) (?:[3-9]|\\d{2})\\b\\s*[:.)]");
    private static final Pattern VENDOR = Pattern.compile(
            "\\b(?:cat\\. no\\.|cas no\\.|get quote|request (?:a )?quote|research use only|for research use)");
    private static final Pattern SUMMARY = Pattern.compile(
            "\\b(?:medical advisory board|healthcare professionals|clinical decision|clinical guidelines?|medical disclaimer)\\b");
    private static final Pattern COHORT = Pattern.compile("\\b(?:cohort|retrospective|prospective) (?:study|analysis)\\b");

    private Designs() {
    }

    /**
     * The design of a document: {@code stated} is what its metadata says (null when it says nothing
     * specific); {@code fallback} the design to use when nothing else is found (web page, abstract, ...).
     */
    static SourceType of(String title, String body, SourceType stated, SourceType fallback) {
        String ti = title == null ? "" : title.toLowerCase(Locale.ROOT);
        String tx = body == null ? "" : body.substring(0, Math.min(body.length(), HEAD)).toLowerCase(Locale.ROOT);
        if (stated == SourceType.CASE_REPORT) {
            return series(ti, tx) ? SourceType.CASE_SERIES : SourceType.CASE_REPORT;
        }
        if (stated != null && stated != SourceType.OTHER && stated != SourceType.ABSTRACT
                && stated != SourceType.RESEARCH_ARTICLE && stated != SourceType.WEB_PAGE) {
            return stated;
        }
        // a full-text research article describes other studies at length: only its title can refine it
        boolean bodyCues = stated != SourceType.RESEARCH_ARTICLE;
        // the title's own words
        if (TITLE_NOTICE.matcher(ti).find() && (AGENCY.matcher(ti).find() || AGENCY.matcher(tx).find())) {
            return SourceType.REGULATORY_NOTICE;
        }
        if (TITLE_LABEL.matcher(ti).find() && labelSections(tx) >= 2) {
            return SourceType.DRUG_LABEL;
        }
        if (TITLE_SERIES.matcher(ti).find()) {
            return SourceType.CASE_SERIES;
        }
        if (TITLE_CASE.matcher(ti).find()) {
            return series(ti, tx) ? SourceType.CASE_SERIES : SourceType.CASE_REPORT;
        }
        if (TITLE_REVIEW.matcher(ti).find()) {
            return SourceType.REVIEW;
        }
        if (TITLE_TRIAL.matcher(ti).find()) {
            return SourceType.CLINICAL_TRIAL;
        }
        if (!bodyCues) {
            return stated;
        }
        // what the body says of itself
        if (NOTICE.matcher(tx).find() && AGENCY.matcher(tx).find()) {
            return SourceType.REGULATORY_NOTICE;
        }
        if (labelSections(tx) >= 3) {
            return SourceType.DRUG_LABEL;
        }
        if (SERIES.matcher(tx).find()) {
            return SourceType.CASE_SERIES;
        }
        if (CASE.matcher(tx).find()) {
            return SourceType.CASE_REPORT;
        }
        if (TRIAL.matcher(tx).find()) {
            return SourceType.CLINICAL_TRIAL;
        }
        if (REVIEW.matcher(tx).find()) {
            return SourceType.REVIEW;
        }
        if (VENDOR.matcher(tx).find()) {
            return SourceType.VENDOR_NOTE;
        }
        if (SUMMARY.matcher(tx).find()) {
            return SourceType.CLINICAL_SUMMARY;
        }
        if (COHORT.matcher(tx).find()) {
            return SourceType.COHORT_STUDY;
        }
        return stated != null && stated != SourceType.OTHER ? stated : fallback;
    }

    /** Three or more patients ("we describe five patients", "case series", "Case 3"). */
    private static boolean series(String ti, String tx) {
        if (TITLE_SERIES.matcher(ti).find() || SERIES.matcher(tx).find()) {
            return true;
        }
        return CASE_NUMBER.matcher(tx).find();
    }

    /** How many distinct sections of prescribing information appear as lines of their own. */
    private static int labelSections(String tx) {
        int n = 0;
        for (Pattern p : LABEL_SECTIONS) {
            if (p.matcher(tx).find()) {
                n++;
            }
        }
        return n;
    }
}
