package org.litgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.GraphWriter;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.ingest.IngestListener;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures ingest and query speed on a reproducible PubMed-like corpus: end-to-end ingest into a
 * fresh embedded store, the parse-only and write-only ceilings, peak heap, store size, and the
 * latency of search, mechanism and evidence queries on the resulting graph.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks ingest and queries on a generated PubMed-like corpus (fixed seed).",
                "Run with -Xmx1g (the launcher's default) to check the memory target."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--citations", description = "citations to generate and ingest (default: ${DEFAULT-VALUE})",
            defaultValue = "100000")
    int citations;

    @Option(names = "--work", paramLabel = "DIR", description = "work directory for the corpus and the stores "
            + "(default: ${DEFAULT-VALUE}); its stores are replaced", defaultValue = "litgraph-bench")
    Path work;

    @Option(names = "--source", paramLabel = "DIR",
            description = "real PubMed XML to draw records from (default: shared/data/pubmed beside the project)")
    Path source;

    @Option(names = "--batch-size", description = "documents per write transaction (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Ingestor.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(names = "--threads", description = "extraction workers, 0 = one per core (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int threads;

    @Option(names = "--per-file", description = "citations per generated file (default: ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int perFile;

    @Option(names = "--queries", description = "timed runs of each query (default: ${DEFAULT-VALUE})",
            defaultValue = "300")
    int queries;

    @Option(names = "--skip-write-ceiling", description = "do not measure the embedded write ceiling")
    boolean skipWriteCeiling;

    record Phase(String name, int documents, Duration elapsed, long peakHeapBytes) {
        double perSecond() {
            return documents / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    record Latency(String name, int runs, double p50, double p95, double p99, long rows) {
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path workDir = work.toAbsolutePath().normalize();
        Path sourceDir = source != null ? source : defaultSource();
        Files.createDirectories(workDir);

        long g0 = System.nanoTime();
        BenchCorpus corpus = BenchCorpus.from(sourceDir);
        Path corpusDir = workDir.resolve("corpus-" + citations);
        deleteRecursively(corpusDir);
        List<Path> files = corpus.write(corpusDir, citations, perFile);
        long corpusBytes = size(corpusDir);
        out.printf(Locale.ROOT, "litgraph bench: %d citations (seed %d) from %d real records / %d sentences in %s%n",
                citations, BenchCorpus.SEED, corpus.recordPool(), corpus.sentencePool(), sourceDir);
        out.printf(Locale.ROOT, "  corpus: %d gzipped PubmedArticleSet file(s), %.1f MiB, generated in %.1f s%n",
                files.size(), corpusBytes / 1048576.0, (System.nanoTime() - g0) / 1e9);
        out.printf(Locale.ROOT, "  machine: %d cores, max heap %d MiB, Java %s; batch %d docs, %s extraction worker(s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), batchSize, threads == 0 ? "one per core" : String.valueOf(threads));
        out.flush();

        // 1. parse + extract only
        Phase parse = measure("parse-only (parse + extract, no writes)", () -> {
            IngestReport r = ingestor(null).ingest(List.of(corpusDir), batch -> GraphWriter.Result.empty());
            return r.documents();
        });
        out.printf(Locale.ROOT, "  ... parse-only: %.1f s%n", parse.elapsed().toMillis() / 1000.0);
        out.flush();

        // 2. end to end into a fresh embedded store, then queries on it
        Path e2eDir = workDir.resolve("store-e2e");
        deleteRecursively(e2eDir);
        Phase e2e;
        List<Latency> latencies;
        long nodes;
        long relationships;
        try (Store store = Store.embedded(StoreConfig.builder().directory(e2eDir).build())) {
            e2e = measure("end-to-end (embedded store, via Bolt driver)", () -> {
                IngestReport r = ingestor(store).ingest(List.of(corpusDir));
                if (r.hasSkipped()) {
                    throw new IllegalStateException("bench corpus files were skipped: " + r.skipped());
                }
                return r.documentsWritten();
            });
            out.printf(Locale.ROOT, "  ... end-to-end: %.1f s%n", e2e.elapsed().toMillis() / 1000.0);
            out.flush();
            try (Session s = store.session(AccessMode.READ)) {
                Record totals = s.run(CypherLibrary.query("queries/graph-totals")).single();
                nodes = totals.get("nodes").asLong();
                relationships = totals.get("relationships").asLong();
            }
            latencies = latencies(store);
        }
        long storeBytes = size(e2eDir);

        // 3. the same rows written straight through embedded Cypher (no Bolt, no driver)
        Phase write = skipWriteCeiling ? null : writeCeiling(workDir.resolve("store-write"), corpusDir);

        // report
        out.println();
        out.printf(Locale.ROOT, "%-48s %9s %9s %13s %14s %15s%n", "phase", "docs", "seconds", "abstracts/s",
                "x end-to-end", "peak heap MiB");
        for (Phase p : write == null ? List.of(parse, e2e) : List.of(parse, e2e, write)) {
            out.printf(Locale.ROOT, "%-48s %9d %9.1f %13.0f %14.2f %15d%n", p.name(), p.documents(),
                    p.elapsed().toMillis() / 1000.0, p.perSecond(), p.perSecond() / e2e.perSecond(),
                    p.peakHeapBytes() >> 20);
        }
        out.printf(Locale.ROOT, "end-to-end is %.1f%% of the parse-only ceiling", 100.0 * e2e.perSecond() / parse.perSecond());
        if (write != null) {
            out.printf(Locale.ROOT, " and %.1f%% of the write ceiling", 100.0 * e2e.perSecond() / write.perSecond());
        }
        out.println();
        out.printf(Locale.ROOT, "store: %.1f MiB on disk for %d abstracts = %.2f MiB per 1,000 abstracts; "
                        + "graph %d nodes, %d relationships%n",
                storeBytes / 1048576.0, e2e.documents(), storeBytes / 1048576.0 / Math.max(1, e2e.documents()) * 1000,
                nodes, relationships);
        out.printf(Locale.ROOT, "%-48s %6s %9s %9s %9s %9s%n", "query latency (warm, Bolt driver)", "runs", "p50 ms",
                "p95 ms", "p99 ms", "rows");
        for (Latency l : latencies) {
            out.printf(Locale.ROOT, "%-48s %6d %9.2f %9.2f %9.2f %9d%n", l.name(), l.runs(), l.p50(), l.p95(), l.p99(),
                    l.rows());
        }
        if (System.getenv("LITGRAPH_DEBUG") != null) {
            STEP_NANOS.forEach((k, v) -> out.printf(Locale.ROOT, "  write ceiling, time in %-30s %8.1f s%n", k, v.get() / 1e9));
        }
        out.printf(Locale.ROOT, "targets: end-to-end >= 2000/s: %s; >= 30%% of parse-only: %s; peak heap <= 1 GiB: %s; "
                        + "search p95 < 50 ms: %s; mechanism p95 < 100 ms: %s; evidence p95 < 100 ms: %s%n",
                yes(e2e.perSecond() >= 2000), yes(e2e.perSecond() >= 0.3 * parse.perSecond()),
                yes(Math.max(parse.peakHeapBytes(), e2e.peakHeapBytes()) <= 1L << 30),
                yes(latencies.get(0).p95() < 50), yes(latencies.get(1).p95() < 100), yes(latencies.get(2).p95() < 100));
        out.flush();
        return 0;
    }

    private static String yes(boolean b) {
        return b ? "met" : "NOT met";
    }

    private Ingestor ingestor(Store store) {
        return new Ingestor(store, DocumentExtractor.standard(), batchSize, IngestListener.NONE, threads);
    }

    private static Path defaultSource() {
        String shared = System.getProperty("litgraph.shared");
        if (shared != null) {
            return Path.of(shared).resolve("data/pubmed");
        }
        Path home = Path.of(System.getProperty("litgraph.home", ".")).toAbsolutePath().normalize();
        return home.resolveSibling("shared").resolve("data/pubmed");
    }

    /** Runs a phase after a full GC, with heap peaks reset, and records its time and peak heap. */
    private static Phase measure(String name, Supplier<Integer> body) {
        System.gc();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        int docs = body.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Phase(name, docs, elapsed, peak);
    }

    /** Heap pools (eden, survivor, old); the sum of their peaks bounds the heap's peak from above. */
    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private Phase writeCeiling(Path dir, Path corpusDir) {
        deleteRecursively(dir);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.pagecache_memory, StoreConfig.builder().build().pageCacheBytes())
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            for (String file : List.of("schema/01-constraints", "schema/02-indexes", "schema/03-await-indexes")) {
                for (String statement : CypherLibrary.statements(file)) {
                    try (Transaction tx = db.beginTx()) {
                        tx.execute(statement).close();
                        tx.commit();
                    }
                }
            }
            AtomicLong writeNanos = new AtomicLong();
            int[] docs = {0};
            Phase whole = measure("write ceiling (embedded Cypher, no Bolt)", () -> {
                ingestor(null).ingest(List.of(corpusDir), batch -> {
                    long t0 = System.nanoTime();
                    writeEmbedded(db, batch);
                    writeNanos.addAndGet(System.nanoTime() - t0);
                    docs[0] += batch.size();
                    return GraphWriter.Result.empty();
                });
                return docs[0];
            });
            // only the time spent inside write transactions counts
            return new Phase(whole.name() + " [write time only]", docs[0], Duration.ofNanos(writeNanos.get()),
                    whole.peakHeapBytes());
        } finally {
            dbms.shutdown();
        }
    }

    /** Time per ingest statement in the write-ceiling phase (shown with LITGRAPH_DEBUG set). */
    static final Map<String, AtomicLong> STEP_NANOS = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static void writeEmbedded(GraphDatabaseService db, List<DocumentGraph> batch) {
        try (Transaction tx = db.beginTx()) {
            for (GraphWriter.Step step : GraphWriter.steps(batch, Map.of(), java.util.Set.of())) {
                long t0 = System.nanoTime();
                tx.execute(CypherLibrary.query(step.query()), step.parameters()).close();
                STEP_NANOS.computeIfAbsent(step.query(), k -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
            }
            tx.commit();
        }
    }

    /** Latency of the three kinds of question, through the driver as the CLI asks them. */
    private List<Latency> latencies(Store store) {
        List<Map<String, Object>> search = new ArrayList<>();
        List<Map<String, Object>> mechanism = new ArrayList<>();
        List<Map<String, Object>> evidence = new ArrayList<>();
        try (Session s = store.session(AccessMode.READ)) {
            List<String> drugs = new ArrayList<>();
            List<String> conditions = new ArrayList<>();
            for (Record r : s.run(CypherLibrary.query("bench/sample-terms"), Map.of("limit", 200)).list()) {
                String name = r.get("name").asString();
                String term = name.replaceAll("[^\\p{L}\\p{N} ]", " ").strip();
                if (!term.isEmpty()) {
                    search.add(Map.of("q", "\"" + term + "\""));
                }
                if ("Drug".equals(r.get("kind").asString(null))) {
                    drugs.add(name);
                } else if ("Condition".equals(r.get("kind").asString(null))) {
                    conditions.add(name);
                }
            }
            for (Record r : s.run(CypherLibrary.query("bench/sample-claims"), Map.of("limit", 100)).list()) {
                evidence.add(Map.of("drug", r.get("drug").asString(), "condition", r.get("condition").asString(),
                        "relationship", org.neo4j.driver.Values.NULL));
            }
            for (String d : drugs.isEmpty() ? List.of("imatinib") : drugs) {
                Map<String, Object> p = new java.util.HashMap<>();
                p.put("drug", d);
                p.put("condition", null);
                mechanism.add(p);
            }
            if (search.isEmpty()) {
                search.add(Map.of("q", "drug"));
            }
            if (evidence.isEmpty()) {
                String d = drugs.isEmpty() ? "imatinib" : drugs.get(0);
                String c = conditions.isEmpty() ? "pulmonary fibrosis" : conditions.get(0);
                evidence.add(Map.of("drug", d, "condition", c, "relationship", org.neo4j.driver.Values.NULL));
            }
        }
        return List.of(
                time(store, "case/evidence full-text search", "bench/search-text", search),
                time(store, "mechanism paths (queries/mechanism-paths)", "queries/mechanism-paths", mechanism),
                time(store, "evidence for a claim (queries/evidence-for)", "queries/evidence-for", evidence));
    }

    private Latency time(Store store, String name, String query, List<Map<String, Object>> params) {
        String text = CypherLibrary.query(query);
        int warmup = Math.min(100, Math.max(10, queries / 3));
        double[] ms = new double[queries];
        long rows = 0;
        try (Session s = store.session(AccessMode.READ)) {
            for (int i = 0; i < warmup + queries; i++) {
                Map<String, Object> p = params.get(i % params.size());
                long t0 = System.nanoTime();
                int n = s.executeRead(tx -> tx.run(text, p).list().size());
                long t = System.nanoTime() - t0;
                if (i >= warmup) {
                    ms[i - warmup] = t / 1e6;
                    rows += n;
                }
            }
        }
        Arrays.sort(ms);
        return new Latency(name, queries, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), rows);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
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
}
