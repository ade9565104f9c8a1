package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.litgraph.query.CypherRunner;

/**
 * Writes the graph, or the evidence in it, in formats other tools read: evidence maps for
 * systematic and scoping reviews (CSV, matrix CSV, JSON, a self-contained HTML page), reference
 * lists (RIS, BibTeX, CSL-JSON) and the graph itself (GraphML, KGX). Every query is a named file
 * of {@code cypher/queries/} run read-only; output order is deterministic, so exporting the same
 * graph twice gives the same bytes.
 */
public final class Exporter {
    private final CypherRunner runner;

    public Exporter(CypherRunner runner) {
        this.runner = runner;
    }

    /**
     * Writes one stream export; returns how many records it wrote (rows, claims, references, or
     * nodes plus relationships). {@link ExportKind#KGX} writes a directory: use {@link #writeKgx}.
     */
    public int write(ExportKind kind, ExportFilter filter, Writer out) throws IOException {
        return switch (kind) {
            case EVIDENCE_CSV -> EvidenceCsv.write(EvidenceMap.query(runner, filter), out);
            case EVIDENCE_MATRIX -> EvidenceMatrix.write(evidence(filter), out);
            case EVIDENCE_JSON -> EvidenceJson.write(EvidenceJson.build(runner, filter, evidence(filter)), out);
            case EVIDENCE_HTML -> EvidenceHtml.write(evidence(filter), filter, out);
            case RIS -> References.writeRis(References.load(runner, filter), out);
            case BIBTEX -> References.writeBibtex(References.load(runner, filter), out);
            case CSL_JSON -> References.writeCslJson(References.load(runner, filter), out);
            case GRAPHML -> GraphMl.write(GraphDump.load(runner), out);
            case KGX -> throw new IllegalArgumentException("kgx writes a directory (nodes.tsv, edges.tsv): pass --out DIR");
            case CASE_SERIES -> CaseSeries.writeCsv(caseSeries(filter), out);
        };
    }

    /** Writes {@code nodes.tsv} and {@code edges.tsv} (KGX TSV, Biolink) into {@code dir}; returns {nodes, edges}. */
    public int[] writeKgx(Path dir) throws IOException {
        Kgx.Counts c = Kgx.write(GraphDump.load(runner), dir);
        return new int[]{c.nodes(), c.edges()};
    }

    /** The case-series rows for the filter's drug and condition (its relationship does not apply). */
    public List<CaseSeries.Row> caseSeries(ExportFilter filter) {
        return CaseSeries.load(runner, filter.drug(), filter.condition());
    }

    private List<EvidenceMap.Row> evidence(ExportFilter filter) {
        return EvidenceMap.rows(EvidenceMap.query(runner, filter));
    }
}
