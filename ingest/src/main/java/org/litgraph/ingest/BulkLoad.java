package org.litgraph.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.litgraph.graph.GraphWriter;
import org.litgraph.graph.ImportFiles;
import org.litgraph.graph.OfflineImporter;
import org.litgraph.graph.PatientLinker;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.ingest.extract.DocumentExtractor;

/**
 * The first load of a corpus into an empty store, at the speed of extraction: the ingest
 * pipeline (parsing, extraction on every core) feeds {@link ImportFiles} instead of transactions,
 * Neo4j's offline importer ({@link OfflineImporter}) turns the files into a store, and the store is
 * opened (constraints, indexes and full-text indexes are built then). The documents the files
 * could not hold exactly, and the empty lists the importer cannot store, are then written through
 * the transactional path, so the graph is the one {@link Ingestor} would have written; every
 * later update goes through {@link Ingestor} as usual.
 *
 * <p>For a Neo4j server or cluster, {@link #writeFiles} writes the same files to a directory for
 * the operator to load with {@code neo4j-admin database import full}, and {@link #finish} does the
 * transactional remainder once the database is started.
 */
public final class BulkLoad {
    /** The importer arguments, one per line, relative to the import directory (for the operator). */
    public static final String ARGS_FILE = "import.args";
    static final String README_FILE = "README.txt";
    /** In an embedded store's import directory: the import is in the store, the remainder is not done yet. */
    static final String FINISH_PENDING = "FINISH-PENDING";
    /** The import directory inside an embedded store directory. */
    static final String EMBEDDED_DIR = "bulk-import";

    /**
     * @param threads          extraction workers (0: one per core)
     * @param importMemory     the offline importer's memory outside the Java heap, in bytes
     * @param sortMemory       heap for sorting claims and references before they spill to disk
     * @param keepFiles        keep the import files after a successful embedded load
     * @param importLog        where the importer's own output goes as it runs, or null
     */
    public record Options(int threads, long importMemory, long sortMemory, boolean keepFiles, PrintStream importLog) {
        public static Options defaults() {
            return new Options(0, 1L << 30, 64L << 20, false, null);
        }

        public Options withThreads(int n) {
            return new Options(n, importMemory, sortMemory, keepFiles, importLog);
        }

        public Options withImportLog(PrintStream log) {
            return new Options(threads, importMemory, sortMemory, keepFiles, log);
        }

        public Options withImportMemory(long bytes) {
            return new Options(threads, bytes, sortMemory, keepFiles, importLog);
        }

        public Options withKeepFiles(boolean keep) {
            return new Options(threads, importMemory, sortMemory, keep, importLog);
        }
    }

    /** The import files of a run and what reading the input found. */
    public record Written(IngestReport read, ImportFiles.Summary summary, int deferred, Duration elapsed, Duration cpu) {
    }

    /** The transactional remainder after an import: empty lists set, deferred documents written. */
    public record Finish(long emptyListsSet, int deferredDocuments, GraphWriter.Result deferredChanges,
                         Duration elapsed, Duration cpu) {
    }

    /** A whole embedded bulk load, phase by phase; {@code store} is open (the caller closes it). */
    public record Loaded(Store store, Written files, OfflineImporter.Result imported, Duration openAndIndex,
                         Duration openAndIndexCpu, Finish finish, Duration elapsed) {
        /** As an {@link IngestReport} (graph changes are what the import and the remainder created). */
        public IngestReport report() {
            IngestReport r = files.read();
            GraphWriter.Result changes = new GraphWriter.Result((int) files.summary().documentsWritten(), 0,
                    imported.nodes(), 0, imported.relationships(), 0, imported.properties())
                    .plus(finish.deferredChanges());
            return new IngestReport(r.files(), r.documents(), changes.documentsWritten(), changes.documentsUnchanged(),
                    r.skipped(), changes, elapsed);
        }
    }

    private BulkLoad() {
    }

    /**
     * Reads {@code paths} into import files in {@code dir}; documents the files cannot hold are
     * kept for {@link #finish}.
     */
    public static Written writeFiles(List<Path> paths, Path dir, DocumentExtractor extractor, IngestListener listener,
                                   Options options) {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        prepare(dir);
        long bytes = 0;
        for (Path f : Ingestor.listFiles(paths)) {
            bytes += size(f);
        }
        // ~2 kB per document uncompressed, ~500 B gzipped: overestimate, the filter only gets sparser
        long expected = Math.max(1000, bytes / 300);
        try (ImportFiles files = ImportFiles.create(dir, expected, options.sortMemory());
             DeferredDocuments deferred = new DeferredDocuments(dir)) {
            Ingestor ingestor = new Ingestor(null, extractor, 256, listener, options.threads());
            IngestReport read = ingestor.ingest(paths, batch -> {
                int written = 0;
                for (var g : batch) {
                    if (files.add(g).written()) {
                        written++;
                    } else {
                        deferred.add(g);
                    }
                }
                return new GraphWriter.Result(written, 0, 0, 0, 0, 0, 0);
            });
            deferred.close();
            ImportFiles.Summary summary = files.finish();
            writeOperatorFiles(dir, summary);
            return new Written(read, summary, deferred.count(), Duration.ofNanos(System.nanoTime() - t0),
                    Duration.ofNanos(cpuNanos() - c0));
        }
    }

    /**
     * Loads {@code paths} into the embedded store of {@code config}, whose database must not exist
     * yet or be empty ({@code overwrite}): {@link #importEmbedded}, then {@link #openAndFinish}.
     */
    public static Loaded loadEmbedded(List<Path> paths, StoreConfig config, boolean overwrite,
                                      DocumentExtractor extractor, IngestListener listener, Options options) {
        long t0 = System.nanoTime();
        Imported imported = importEmbedded(paths, config, overwrite, extractor, listener, options);
        return openAndFinish(config, imported, options, t0);
    }

    /** The first half of an embedded bulk load: the files written and imported into the store. */
    public record Imported(Path directory, Written files, OfflineImporter.Result result) {
    }

    /**
     * Writes the import files to a directory inside the store directory and imports them (the
     * importer works in a staging directory; the finished database is moved into the store). A
     * marker says the transactional remainder is pending until {@link #openAndFinish} (or, after a
     * crash, {@link #finishPending}) has done it.
     */
    public static Imported importEmbedded(List<Path> paths, StoreConfig config, boolean overwrite,
                                          DocumentExtractor extractor, IngestListener listener, Options options) {
        Path storeDir = config.directory();
        Path dir = storeDir.resolve(EMBEDDED_DIR);
        Written written = writeFiles(paths, dir, extractor, listener, options);
        try {
            Files.writeString(dir.resolve(FINISH_PENDING), "once the store holds the imported database, its "
                    + "transactional remainder is pending (litgraph ingest on this store finishes it)\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FINISH_PENDING), e);
        }
        OfflineImporter.Result imported = OfflineImporter.find().run(storeDir, written.summary(), options.importMemory(),
                overwrite, options.importLog());
        if (imported.nodes() != written.summary().nodeCount()
                || imported.relationships() != written.summary().relationshipCount()) {
            throw new IllegalStateException("the offline import loaded " + imported.nodes() + " nodes and "
                    + imported.relationships() + " relationships; the files hold " + written.summary().nodeCount()
                    + " and " + written.summary().relationshipCount() + " (store left at " + storeDir + ")");
        }
        return new Imported(dir, written, imported);
    }

    /**
     * The second half: opens the store (constraints, indexes and full-text indexes are built then)
     * and does the transactional remainder ({@link #finish}); {@code t0} is when the load started.
     */
    public static Loaded openAndFinish(StoreConfig config, Imported imported, Options options, long t0) {
        Path dir = imported.directory();
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        Store store = Store.embedded(config);
        Duration openAndIndex = Duration.ofNanos(System.nanoTime() - t1);
        Duration openAndIndexCpu = Duration.ofNanos(cpuNanos() - c1);
        try {
            Finish finish = finish(store, dir, Ingestor.DEFAULT_BATCH_SIZE);
            if (!options.keepFiles()) {
                clear(dir);
            } else {
                Files.deleteIfExists(dir.resolve(FINISH_PENDING));
            }
            return new Loaded(store, imported.files(), imported.result(), openAndIndex, openAndIndexCpu, finish,
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot clear " + dir, e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The import directory of an embedded store whose bulk load was interrupted after the import
     * (the process was killed while the store started or during the remainder), if any: open the
     * store and {@link #finishPending} it before anything else.
     */
    public static java.util.Optional<Path> pendingFinish(Path storeDir) {
        Path dir = storeDir.toAbsolutePath().normalize().resolve(EMBEDDED_DIR);
        return Files.exists(dir.resolve(FINISH_PENDING)) ? java.util.Optional.of(dir) : java.util.Optional.empty();
    }

    /** Completes an interrupted embedded bulk load ({@link #pendingFinish}); every step is idempotent. */
    public static Finish finishPending(Store store, Path dir) {
        Finish f = finish(store, dir, Ingestor.DEFAULT_BATCH_SIZE);
        clear(dir);
        return f;
    }

    /**
     * After the files of {@code dir} were imported and the database started: sets the empty lists,
     * links the tellings of the same patient ({@link PatientLinker#linkAll}) and writes the deferred
     * documents, in input order, through {@link GraphWriter}.
     */
    public static Finish finish(Store store, Path dir, int batchSize) {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        long lists = ImportFiles.applyEmptyLists(store, dir, 10_000);
        // the same patient told in several documents: what GraphWriter links batch by batch
        PatientLinker.linkAll(store, 1000);
        GraphWriter writer = new GraphWriter(store);
        GraphWriter.Result[] changes = {GraphWriter.Result.empty()};
        int deferred = DeferredDocuments.read(dir, batchSize, batch -> changes[0] = changes[0].plus(writer.write(batch)));
        return new Finish(lists, deferred, changes[0], Duration.ofNanos(System.nanoTime() - t0),
                Duration.ofNanos(cpuNanos() - c0));
    }

    /** CPU time of this process so far (all threads, the embedded database's included), or 0 where unknown. */
    public static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    /** The importer's arguments for an operator, and how to use them. */
    private static void writeOperatorFiles(Path dir, ImportFiles.Summary summary) {
        List<String> args = new ArrayList<>(summary.arguments(dir));
        try {
            Files.write(dir.resolve(ARGS_FILE), args, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(README_FILE), operatorInstructions(dir, summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ARGS_FILE), e);
        }
    }

    /** What the operator runs, in order. */
    public static String operatorInstructions(Path dir, ImportFiles.Summary summary) {
        return String.join("\n",
                "litgraph import files: " + summary.documentsWritten() + " documents, " + summary.nodeCount()
                        + " nodes, " + summary.relationshipCount() + " relationships",
                "",
                "1. Copy this directory to the Neo4j server (or a machine with the same Neo4j 5.x).",
                "2. Stop the database if it exists (it must be new or empty), then from inside this directory:",
                "     neo4j-admin database import full DATABASE --overwrite-destination @" + ARGS_FILE,
                "   (DATABASE: neo4j, or the name you will use; a cluster imports on one server and seeds the others,",
                "   see the Neo4j Operations Manual, 'Import' and 'Seed a cluster'.)",
                "3. Start the database (CREATE DATABASE DATABASE when it is not the default one).",
                "4. Finish with litgraph (creates constraints and indexes, sets empty lists, writes the "
                        + "documents the files could not hold):",
                "     litgraph ingest --uri neo4j://HOST:7687 [--database DATABASE] --finish-import " + dir,
                "");
    }

    /** Empties {@code dir} when it holds an earlier set of import files; refuses any other non-empty directory. */
    static void prepare(Path dir) {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent() && !Files.exists(dir.resolve(ARGS_FILE))
                        && !Files.exists(dir.resolve(ImportFiles.EMPTY_LISTS))) {
                    throw new IllegalArgumentException(dir + " is not empty and holds no litgraph import files; "
                            + "give a new or empty directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        clear(dir);
    }

    static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
