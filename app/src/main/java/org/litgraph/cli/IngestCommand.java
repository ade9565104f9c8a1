package org.litgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.graph.OfflineImporter;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.ingest.BulkLoad;
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
                "Into an embedded store without data, the first load goes through Neo4j's offline importer "
                        + "(bulk); later ingests, and ingests into a server (--uri), are transactional.",
                "For a server or cluster, --import-files DIR writes the offline importer's files for an operator "
                        + "and --finish-import DIR completes the load once they are imported.",
                "Exit status 0 when every file was ingested, 3 when some were skipped, 1 on errors."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--batch-size", description = "documents per transaction (default: ${DEFAULT-VALUE})",
            defaultValue = "" + org.litgraph.ingest.Ingestor.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = "--bulk", description = "bulk first load through the offline importer; refused when the "
            + "embedded store holds data (default: bulk when the store is new or empty)")
    boolean bulk;

    @Option(names = "--transactional", description = "never bulk: write every document in transactions")
    boolean transactional;

    @Option(names = "--import-files", paramLabel = "DIR", description = "only write the offline importer's files "
            + "(nodes, relationships, import.args, README.txt) to DIR, for loading with neo4j-admin")
    Path importFiles;

    @Option(names = "--finish-import", paramLabel = "DIR", description = "after neo4j-admin imported DIR: create "
            + "the schema, set empty lists, write the documents the files could not hold")
    Path finishImport;

    @Option(names = "--import-memory", paramLabel = "MiB", description = "offline importer memory outside the heap "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1024")
    long importMemoryMiB;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "files or directories")
    List<Path> paths = List.of();

    @Override
    public Integer call() {
        if (bulk && transactional) {
            throw new IllegalArgumentException("--bulk and --transactional exclude each other");
        }
        if (finishImport != null) {
            if (!paths.isEmpty()) {
                throw new IllegalArgumentException("--finish-import takes no PATH");
            }
            return finishImport();
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no PATH given");
        }
        if (importFiles != null) {
            return writeImportFiles();
        }
        if (storeOptions.uri == null && !storeOptions.served()) {
            var pending = BulkLoad.pendingFinish(storeOptions.directory());
            if (pending.isPresent() && OfflineImporter.find().hasDatabase(storeOptions.directory())) {
                try (Store store = storeOptions.open()) {
                    BulkLoad.Finish f = BulkLoad.finishPending(store, pending.get());
                    System.err.printf("litgraph: finished the interrupted bulk load of %s (%d empty list(s), "
                            + "%d document(s))%n", storeOptions.describe(), f.emptyListsSet(), f.deferredDocuments());
                }
            }
        }
        if (!transactional && storeOptions.uri == null && !storeOptions.served()) {
            Path dir = storeOptions.directory();
            boolean exists = OfflineImporter.find().hasDatabase(dir);
            if (!exists) {
                return bulkLoad(false);
            }
            Store store = storeOptions.open();
            try {
                long nodes = nodes(store);
                if (nodes == 0) {
                    store.close();
                    store = null;
                    return bulkLoad(true);
                }
                if (bulk) {
                    throw new IllegalArgumentException("--bulk needs a new or empty store; " + dir + " holds " + nodes
                            + " nodes (ingest without --bulk to update it)");
                }
                return transactional(store);
            } finally {
                if (store != null) {
                    store.close();
                }
            }
        }
        if (bulk) {
            throw new IllegalArgumentException(storeOptions.uri != null
                    ? "--bulk loads an embedded store (for a server use --import-files DIR)"
                    : "--bulk needs the store closed: stop its litgraph service first (litgraph service stop)");
        }
        try (Store store = storeOptions.open()) {
            return transactional(store);
        }
    }

    private int transactional(Store store) {
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

    /** Exit status of an ingest cancelled with Ctrl-C (the batches written before stay). */
    static final int CANCELLED = 130;

    private BulkLoad.Options options() {
        return BulkLoad.Options.defaults().withImportMemory(importMemoryMiB << 20);
    }

    private int bulkLoad(boolean overwrite) {
        StoreConfig config = StoreConfig.builder().directory(storeOptions.directory()).build();
        BulkLoad.Loaded loaded;
        try (Progress progress = new Progress(System.err, quiet)) {
            loaded = BulkLoad.loadEmbedded(paths, config, overwrite, DocumentExtractor.standard(), progress, options());
        }
        try (Store store = loaded.store()) {
            IngestReport report = loaded.report();
            printSummary(store, report);
            System.out.printf("  bulk load: files %.1f s, offline import %.1f s, store start and indexes %.1f s, "
                            + "transactional remainder %.1f s (%d document(s), %d empty list(s))%n",
                    loaded.files().elapsed().toMillis() / 1000.0, loaded.imported().elapsed().toMillis() / 1000.0,
                    loaded.openAndIndex().toMillis() / 1000.0, loaded.finish().elapsed().toMillis() / 1000.0,
                    loaded.finish().deferredDocuments(), loaded.finish().emptyListsSet());
            return report.hasSkipped() ? Main.SKIPPED : 0;
        }
    }

    private int writeImportFiles() {
        if (bulk || transactional) {
            throw new IllegalArgumentException("--import-files writes files only; leave out --bulk and --transactional");
        }
        BulkLoad.Written w;
        try (Progress progress = new Progress(System.err, quiet)) {
            w = BulkLoad.writeFiles(paths, importFiles.toAbsolutePath().normalize(), DocumentExtractor.standard(),
                    progress, options());
        }
        IngestReport r = w.read();
        System.out.printf("wrote import files for %d document(s) from %d file(s) to %s in %.1f s%n",
                w.summary().documentsWritten(), r.files() - r.skipped().size(), w.summary().directory(),
                w.elapsed().toMillis() / 1000.0);
        System.out.printf("  %d nodes, %d relationships; %d document(s) left for --finish-import%n",
                w.summary().nodeCount(), w.summary().relationshipCount(), w.deferred());
        System.out.println();
        System.out.print(BulkLoad.operatorInstructions(w.summary().directory(), w.summary()));
        if (r.hasSkipped()) {
            System.out.printf("  skipped:   %d file(s)%n", r.skipped().size());
            for (IngestReport.Skipped s : r.skipped()) {
                System.out.println("    " + s.file() + ": " + s.reason());
            }
        }
        return r.hasSkipped() ? Main.SKIPPED : 0;
    }

    private int finishImport() {
        try (Store store = storeOptions.open()) {
            BulkLoad.Finish f = BulkLoad.finish(store, finishImport.toAbsolutePath().normalize(), batchSize);
            System.out.printf("finished the import of %s into %s in %.1f s: %d empty list(s) set, %d document(s) "
                            + "written (%d unchanged)%n", finishImport, store.describe(), f.elapsed().toMillis() / 1000.0,
                    f.emptyListsSet(), f.deferredChanges().documentsWritten(), f.deferredChanges().documentsUnchanged());
            var row = new CypherRunner(store).named("graph-totals", java.util.Map.of()).rows().get(0);
            System.out.printf("  graph:     %s nodes, %s relationships%n", row.get("nodes"), row.get("relationships"));
            return 0;
        }
    }

    private static long nodes(Store store) {
        var row = new CypherRunner(store).named("graph-totals", java.util.Map.of()).rows().get(0);
        return ((Number) row.get("nodes")).longValue();
    }

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
