package org.litgraph.query.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@link Exporter} can write; {@link #cliName()} is the name on the command line. */
public enum ExportKind {
    /** Evidence map, long format: one row per drug, condition, relationship, direction and document. */
    EVIDENCE_CSV("evidence-csv"),
    /** Evidence map as a matrix: conditions as rows, drugs as columns (see {@link EvidenceMatrix}). */
    EVIDENCE_MATRIX("evidence-matrix"),
    /** Evidence map as JSON: claims with their sources and verbatim statements. */
    EVIDENCE_JSON("evidence-json"),
    /** One self-contained HTML page: a bubble-grid map (inline SVG) and a linked table. */
    EVIDENCE_HTML("evidence-html"),
    /** References as RIS. */
    RIS("ris"),
    /** References as BibTeX. */
    BIBTEX("bibtex"),
    /** References as CSL-JSON. */
    CSL_JSON("csl-json"),
    /** The whole graph as GraphML (Cytoscape, Gephi, yEd). */
    GRAPHML("graphml"),
    /** The knowledge graph as KGX TSV ({@code nodes.tsv}, {@code edges.tsv}) with Biolink categories. */
    KGX("kgx"),
    /** The case-series table, one row per patient, as CSV and (with --out) an .xlsx workbook with source comments. */
    CASE_SERIES("case-series");

    private final String cliName;

    ExportKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** True for kinds written as several files into a directory rather than one stream. */
    public boolean writesDirectory() {
        return this == KGX;
    }

    /** True for kinds that honour {@link ExportFilter#drug()} (and condition/relationship for evidence). */
    public boolean filtersByDrug() {
        return this != GRAPHML && this != KGX;
    }

    public static ExportKind parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ExportKind k : values()) {
            if (k.cliName.equals(n) || k.name().equalsIgnoreCase(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown export '" + name + "' (expected one of "
                + Arrays.stream(values()).map(ExportKind::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
