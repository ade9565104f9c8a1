package org.litgraph.graph;

/** What kind of source a document is; stored as {@code Document.sourceType} with the label below. */
public enum SourceType {
    CASE_REPORT("peer-reviewed case report"),
    ABSTRACT("abstract"),
    RESEARCH_ARTICLE("research article"),
    REVIEW("review"),
    CLINICAL_TRIAL("clinical trial"),
    COHORT_STUDY("cohort study"),
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
