package org.litgraph.ingest.format;

/** The input formats litgraph reads; each has exactly one {@link DocumentParser}. */
public enum Format {
    PLAIN_TEXT("text"),
    PUBMED_XML("pubmed-xml"),
    MEDLINE_TEXT("medline"),
    JATS_XML("jats"),
    HTML("html"),
    PDF("pdf"),
    PUBTATOR("pubtator"),
    BIOC_XML("bioc-xml"),
    BIOC_JSON("bioc-json");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    /** The short name stored as {@code Document.format}. */
    public String label() {
        return label;
    }
}
