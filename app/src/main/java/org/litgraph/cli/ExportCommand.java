package org.litgraph.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.export.ExportFilter;
import org.litgraph.query.export.ExportKind;
import org.litgraph.query.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the evidence, the references or the graph for other tools.",
                "KIND is one of:",
                "  evidence-csv     evidence map, one row per drug, condition, relationship, direction, document",
                "  evidence-matrix  conditions x drugs; cells like 'CAUSES 3 (2 docs; against 1) / TREATS 1 (1 doc)'",
                "  evidence-json    claims with their sources and verbatim statements",
                "  evidence-html    one self-contained page: bubble map (inline SVG) and linked table",
                "  ris, bibtex, csl-json   the Reference nodes (--drug: only those behind its evidence)",
                "  graphml          every node and relationship with their properties",
                "  kgx              KGX TSV (nodes.tsv, edges.tsv; Biolink) into the directory --out DIR",
                "  case-series      one row per patient (age, sex, drug, role, dose, ..., stated causality, Naranjo,",
                "                   citation) as CSV; with --out F.csv also F.xlsx, each cell commented with its sentence",
                "--drug, --condition and --relationship filter the evidence-* kinds; --drug also the references;",
                "--drug and --condition the case series."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "KIND", description = "what to export (see above)")
    String kind;

    @Option(names = "--drug", description = "only this drug (name, brand name or code)")
    String drug;

    @Option(names = "--condition", description = "only this condition and narrower ones (name or synonym)")
    String condition;

    @Option(names = "--relationship", description = "only CAUSES or TREATS")
    String relationship;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: stdout); a directory for kgx")
    Path out;

    @Override
    public Integer call() throws IOException {
        ExportKind k = ExportKind.parse(kind);
        if (k.writesDirectory() && out == null) {
            throw new IllegalArgumentException(k + " writes nodes.tsv and edges.tsv: pass --out DIR");
        }
        if (!k.filtersByDrug() && (drug != null || condition != null || relationship != null)) {
            throw new IllegalArgumentException(k + " exports the whole graph; --drug, --condition and --relationship do not apply");
        }
        if (relationship != null && !relationship.strip().matches("(?i)CAUSES|TREATS")) {
            throw new IllegalArgumentException("--relationship must be CAUSES or TREATS, got '" + relationship + "'");
        }
        ExportFilter filter = new ExportFilter(drug, condition, relationship);
        if (k == ExportKind.CASE_SERIES && relationship != null) {
            throw new IllegalArgumentException("case-series filters by --drug and --condition; --relationship does not apply");
        }
        try (Store store = storeOptions.open()) {
            Exporter exporter = new Exporter(new CypherRunner(store));
            if (k == ExportKind.CASE_SERIES && out != null) {
                return caseSeries(exporter, filter);
            }
            if (k.writesDirectory()) {
                int[] counts = exporter.writeKgx(out);
                System.err.printf("%s: %d nodes, %d edges written to %s%n", k, counts[0], counts[1],
                        out.toAbsolutePath().normalize());
                return 0;
            }
            if (out == null) {
                Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                exporter.write(k, filter, w);
                w.flush();
                return 0;
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                int n = exporter.write(k, filter, w);
                System.err.printf("%s: %d %s written to %s%n", k, n, unit(k), out.toAbsolutePath().normalize());
            }
        }
        return 0;
    }

    /** CSV at --out (or beside it) and the .xlsx workbook beside it. */
    private int caseSeries(Exporter exporter, ExportFilter filter) throws IOException {
        String name = out.getFileName().toString();
        String stem = name.replaceFirst("(?i)\\.(csv|xlsx)$", "");
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path csv = dir.resolve(stem + ".csv");
        Path xlsx = dir.resolve(stem + ".xlsx");
        java.util.List<org.litgraph.query.export.CaseSeries.Row> rows = exporter.caseSeries(filter);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            org.litgraph.query.export.CaseSeries.writeCsv(rows, w);
        }
        try (java.io.OutputStream o = Files.newOutputStream(xlsx)) {
            org.litgraph.query.export.CaseSeries.writeXlsx(rows, o);
        }
        System.err.printf("case-series: %d patient row(s) written to %s and %s%n", rows.size(), csv.normalize(), xlsx.normalize());
        return 0;
    }

    private static String unit(ExportKind k) {
        return switch (k) {
            case EVIDENCE_CSV, EVIDENCE_MATRIX, EVIDENCE_HTML -> "rows";
            case EVIDENCE_JSON -> "claims";
            case RIS, BIBTEX, CSL_JSON -> "references";
            case CASE_SERIES -> "patient rows";
            default -> "nodes and relationships";
        };
    }
}
