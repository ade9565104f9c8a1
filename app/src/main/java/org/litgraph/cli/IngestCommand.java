package org.litgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads files and directories (recursively) into the graph.",
                "Exit status 0 when every file was ingested, 3 when some were skipped, 1 on errors."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--batch-size", description = "documents per transaction (default: ${DEFAULT-VALUE})",
            defaultValue = "" + org.litgraph.ingest.Ingestor.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories")
    List<Path> paths;

    @Override
    public Integer call() {
        try (Store store = storeOptions.open()) {
            IngestReport report;
            try {
                report = ingest(store, paths, batchSize, quiet);
            } catch (Cancelled c) {
                System.err.println("litgraph: " + c.getMessage());
                return CANCELLED;
            }
            printSummary(store, report);
            return report.hasSkipped() ? Main.SKIPPED : 0;
        }
    }

    /** Exit status of an ingest cancelled with Ctrl-C (the batches written before stay). */
    static final int CANCELLED = 130;

    static IngestReport ingest(Store store, List<Path> paths, int batchSize, boolean quiet) {
        try (Progress progress = new Progress(System.err, quiet)) {
            try {
                return new Ingestor(store, DocumentExtractor.standard(), batchSize, progress).ingest(paths);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new Cancelled(progress.written());
                }
                throw e;
            }
        }
    }

    /** Ctrl-C during an ingest: every batch written before it is kept (each is one transaction). */
    static final class Cancelled extends RuntimeException {
        Cancelled(int written) {
            super("ingest cancelled: " + written + " document(s) written in the batches committed before; run the same "
                    + "command again to go on (documents already in the graph are skipped)", null, false, false);
        }
    }

    static void printSummary(Store store, IngestReport r) {
        QueryResult totals = new CypherRunner(store).named("graph-totals", java.util.Map.of());
        var row = totals.rows().get(0);
        System.out.printf("ingested %d file(s) into %s in %.1f s%n", r.files() - r.skipped().size(),
                store.describe(), r.elapsed().toMillis() / 1000.0);
        System.out.printf("  documents: %d read, %d written, %d unchanged%n", r.documents(), r.documentsWritten(),
                r.documentsUnchanged());
        System.out.printf("  changes:   %d nodes and %d relationships created, %d nodes and %d relationships deleted%n",
                r.changes().nodesCreated(), r.changes().relationshipsCreated(), r.changes().nodesDeleted(),
                r.changes().relationshipsDeleted());
        System.out.printf("  graph:     %s nodes, %s relationships%n", row.get("nodes"), row.get("relationships"));
        if (r.hasSkipped()) {
            System.out.printf("  skipped:   %d file(s)%n", r.skipped().size());
            for (IngestReport.Skipped s : r.skipped()) {
                System.out.println("    " + s.file() + ": " + s.reason());
            }
        }
    }
}
