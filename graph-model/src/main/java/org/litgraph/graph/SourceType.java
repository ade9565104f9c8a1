package org.litgraph.graph;

/**
 * What kind of source a document is (its design, as a reviewer grades evidence); stored as
 * {@code Document.sourceType} with the label below.
 */
public enum SourceType {
    CASE_REPORT("peer-reviewed case report"),
    /** Three or more patients described one by one. */
    CASE_SERIES("case series"),
    ABSTRACT("abstract"),
    RESEARCH_ARTICLE("research article"),
    REVIEW("review"),
    CLINICAL_TRIAL("clinical trial"),
    COHORT_STUDY("cohort study"),
    /** A regulator's safety communication, alert or notice (FDA, EMA, MHRA, ...). */
    REGULATORY_NOTICE("regulatory notice"),
    /** Prescribing information, a summary of product characteristics or a package leaflet. */
    DRUG_LABEL("drug label"),
    VENDOR_NOTE("vendor note"),
    CLINICAL_SUMMARY("clinical summary"),
    WEB_PAGE("web page"),
    OTHER("other");

    private final String label;

    SourceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
