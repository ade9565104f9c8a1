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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.DocumentDeleter;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.GraphWriter;
import org.litgraph.graph.Ids;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.ingest.BulkLoad;
import org.litgraph.ingest.IngestListener;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.answer.CaseSearch;
import org.litgraph.query.answer.EvidenceQuestion;
import org.litgraph.query.answer.Mechanism;
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
 * Measures loading and questions on a reproducible PubMed-like corpus: the parse-and-extract
 * ceiling, the bulk first load into a fresh embedded store (import files, offline import, store
 * start with its indexes, transactional remainder), transactional updates and deletions on the
 * loaded store, peak heap, store size, and the latency of the questions researchers ask (the
 * code behind {@code ask mechanism}, {@code ask evidence}, {@code search} and the case-series
 * export) on terms sampled so that each returns rows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks loading, updates and questions on a generated PubMed-like corpus (fixed seed).",
                "Run with -Xmx1g (the launcher's default) to check the memory target."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--citations", description = "citations to generate and load (default: ${DEFAULT-VALUE})",
            defaultValue = "100000")
    int citations;

    @Option(names = "--work", paramLabel = "DIR", description = "work directory for the corpus and the stores "
            + "(default: ${DEFAULT-VALUE}); its stores are replaced", defaultValue = "litgraph-bench")
    Path work;

    @Option(names = "--source", paramLabel = "DIR",
            description = "real PubMed XML to draw records from (default: shared/data/pubmed beside the project)")
    Path source;

    @Option(names = "--batch-size", description = "documents per update transaction (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Ingestor.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(names = "--threads", description = "extraction workers, 0 = one per core (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int threads;

    @Option(names = "--per-file", description = "citations per generated file (default: ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int perFile;

    @Option(names = "--updates", description = "citations of the update run, half changed and half new "
            + "(default: 10%% of --citations, at most 20000)", defaultValue = "-1")
    int updates;

    @Option(names = "--deletions", description = "documents deleted after the updates (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int deletions;

    @Option(names = "--queries", description = "timed runs of each question (default: ${DEFAULT-VALUE})",
            defaultValue = "300")
    int queries;

    @Option(names = "--import-memory", paramLabel = "MiB", description = "offline importer memory outside the heap "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1024")
    long importMemoryMiB;

    @Option(names = "--skip-parse-only", description = "do not measure the parse-and-extract ceiling")
    boolean skipParseOnly;

    @Option(names = "--transactional-load", description = "also load the corpus transactionally into a second "
            + "store (the path before bulk loading; slow)")
    boolean transactionalLoad;

    @Option(names = "--write-ceiling", description = "also time the transactional write statements through "
            + "embedded Cypher, without Bolt, per statement")
    boolean writeCeiling;

    /** {@code cpu}: CPU time of this process (all threads) and of the importer's process during the phase. */
    record Phase(String name, int documents, Duration elapsed, long peakHeapBytes, String load, Duration cpu) {
        double perSecond() {
            return documents / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    record Latency(String name, int runs, double p50, double p95, double p99, double medianRows, int terms) {
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path workDir = work.toAbsolutePath().normalize();
        Path sourceDir = source != null ? source : defaultSource();
        Files.createDirectories(workDir);
        int updateCount = updates >= 0 ? updates : Math.min(20_000, citations / 10);

        long g0 = System.nanoTime();
        BenchCorpus corpus = BenchCorpus.from(sourceDir);
        Path corpusDir = workDir.resolve("corpus-" + citations);
        deleteRecursively(corpusDir);
        List<Path> files = corpus.write(corpusDir, citations, perFile);
        // the update: the last updateCount/2 citations changed (another seed), and as many new ones
        Path updateDir = workDir.resolve("update-" + citations);
        deleteRecursively(updateDir);
        int changed = Math.min(citations, updateCount / 2);
        corpus.write(updateDir, "changed", BenchCorpus.FIRST_PMID + citations - changed, changed, perFile,
                BenchCorpus.SEED + 1);
        corpus.write(updateDir, "new", BenchCorpus.FIRST_PMID + citations, updateCount - changed, perFile,
                BenchCorpus.SEED + 2);
        long corpusBytes = size(corpusDir);
        out.printf(Locale.ROOT, "litgraph bench: %d citations (seed %d) from %d real records / %d sentences in %s%n",
                citations, BenchCorpus.SEED, corpus.recordPool(), corpus.sentencePool(), sourceDir);
        out.printf(Locale.ROOT, "  corpus: %d gzipped PubmedArticleSet file(s), %.1f MiB, generated in %.1f s; "
                        + "update: %d changed + %d new citations%n",
                files.size(), corpusBytes / 1048576.0, (System.nanoTime() - g0) / 1e9, changed, updateCount - changed);
        out.printf(Locale.ROOT, "  machine: %d cores, load average %s, max heap %d MiB, Java %s; update batch %d docs, "
                        + "%s extraction worker(s), importer memory %d MiB off-heap%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), batchSize, threads == 0 ? "one per core" : String.valueOf(threads),
                importMemoryMiB);
        out.flush();

        List<Phase> phases = new ArrayList<>();
        // 1. parse + extract only: the ceiling
        Phase parse = null;
        if (!skipParseOnly) {
            parse = measure("parse-only (parse + extract, no writes)", () -> {
                IngestReport r = ingestor(null).ingest(List.of(corpusDir), batch -> GraphWriter.Result.empty());
                return r.documents();
            });
            phases.add(parse);
            progress(out, parse);
        }

        // 2. bulk first load into a fresh store, ready to query (indexes online)
        Path storeDir = workDir.resolve("store-bulk");
        deleteRecursively(storeDir);
        StoreConfig config = StoreConfig.builder().directory(storeDir).build();
        BulkLoad.Loaded[] loadedRef = new BulkLoad.Loaded[1];
        Phase bulk = measure("bulk first load (files + import + indexes)", () -> {
            BulkLoad.Loaded l = BulkLoad.loadEmbedded(List.of(corpusDir), config, false, DocumentExtractor.standard(),
                    IngestListener.NONE, BulkLoad.Options.defaults().withThreads(threads)
                            .withImportMemory(importMemoryMiB << 20));
            loadedRef[0] = l;
            if (l.files().read().hasSkipped()) {
                throw new IllegalStateException("bench corpus files were skipped: " + l.files().read().skipped());
            }
            return l.report().documents();
        });
        BulkLoad.Loaded loaded = loadedRef[0];
        bulk = new Phase(bulk.name(), bulk.documents(), bulk.elapsed(), bulk.peakHeapBytes(), bulk.load(),
                bulk.cpu().plus(loaded.imported().cpu()));
        phases.add(bulk);
        progress(out, bulk);
        int docs = bulk.documents();
        List<Phase> bulkParts = List.of(
                part("  import files (parse, extract, CSV)", docs, loaded.files().elapsed(), loaded.files().cpu()),
                part("  offline import (child JVM)", docs, loaded.imported().elapsed(), loaded.imported().cpu()),
                part("  store start, constraints and indexes", docs, loaded.openAndIndex(), loaded.openAndIndexCpu()),
                part("  transactional remainder (" + loaded.finish().deferredDocuments() + " docs, "
                        + loaded.finish().emptyListsSet() + " empty lists)", docs, loaded.finish().elapsed(),
                        loaded.finish().cpu()));
        long storeBytesBulk = size(storeDir);
        long nodes;
        long relationships;
        List<Latency> latencies;
        Phase update;
        Phase updateWrites;
        Phase delete;
        try (Store store = loaded.store()) {
            long[] totals = totals(store);
            nodes = totals[0];
            relationships = totals[1];

            // 3. transactional updates: changed and new citations through the usual ingest path
            AtomicLong writeNanos = new AtomicLong();
            GraphWriter writer = new GraphWriter(store);
            int[] written = {0};
            update = measure("transactional updates (changed + new, Bolt)", () -> {
                IngestReport r = ingestor(store).ingest(List.of(updateDir), batch -> {
                    long t0 = System.nanoTime();
                    GraphWriter.Result res = writer.write(batch);
                    writeNanos.addAndGet(System.nanoTime() - t0);
                    written[0] += res.documentsWritten();
                    return res;
                });
                if (r.hasSkipped()) {
                    throw new IllegalStateException("update files were skipped: " + r.skipped());
                }
                return r.documents();
            });
            updateWrites = new Phase("  write transactions only (" + written[0] + " written)", update.documents(),
                    Duration.ofNanos(writeNanos.get()), -1, "", Duration.ZERO);
            phases.add(update);
            progress(out, update);

            // 4. deletions: the first citations of the corpus, 100 per transaction
            int d = Math.min(deletions, Math.max(0, citations - changed));
            delete = measure("deletions (100 per transaction)", () -> {
                DocumentDeleter deleter = new DocumentDeleter(store);
                long n = 0;
                for (int i = 0; i < d; i += 100) {
                    List<String> ids = new ArrayList<>();
                    for (int k = i; k < Math.min(d, i + 100); k++) {
                        ids.add(Ids.document(String.valueOf(BenchCorpus.FIRST_PMID + k), null, null, null));
                    }
                    n += deleter.delete(ids).documentsDeleted();
                }
                return (int) n;
            });
            phases.add(delete);
            progress(out, delete);

            // 5. the questions, on the updated store
            latencies = latencies(store);
        }
        long storeBytes = size(storeDir);

        // 6. optional comparisons: the transactional first load, and its statements without Bolt
        Phase txLoad = null;
        if (transactionalLoad) {
            Path txDir = workDir.resolve("store-transactional");
            deleteRecursively(txDir);
            try (Store store = Store.embedded(StoreConfig.builder().directory(txDir).build())) {
                txLoad = measure("transactional first load (Bolt, for comparison)", () -> {
                    IngestReport r = ingestor(store).ingest(List.of(corpusDir));
                    return r.documentsWritten();
                });
            }
            phases.add(txLoad);
            progress(out, txLoad);
        }
        Phase ceiling = writeCeiling ? writeCeiling(workDir.resolve("store-write"), corpusDir) : null;

        // report
        out.println();
        out.printf(Locale.ROOT, "%-52s %9s %9s %12s %10s %9s %8s %6s%n", "phase", "docs", "seconds", "abstracts/s",
                "x ceiling", "heap MiB", "cpu s", "load");
        List<Phase> rows = new ArrayList<>();
        if (parse != null) {
            rows.add(parse);
        }
        rows.add(bulk);
        rows.addAll(bulkParts);
        rows.add(update);
        rows.add(updateWrites);
        rows.add(delete);
        if (txLoad != null) {
            rows.add(txLoad);
        }
        if (ceiling != null) {
            rows.add(ceiling);
        }
        for (Phase p : rows) {
            out.printf(Locale.ROOT, "%-52s %9d %9.1f %12.0f %10s %9s %8s %6s%n", p.name(), p.documents(),
                    p.elapsed().toMillis() / 1000.0, p.perSecond(),
                    parse == null ? "" : String.format(Locale.ROOT, "%.2f", p.perSecond() / parse.perSecond()),
                    p.peakHeapBytes() < 0 ? "" : String.valueOf(p.peakHeapBytes() >> 20),
                    p.cpu().isZero() ? "" : String.format(Locale.ROOT, "%.1f", p.cpu().toMillis() / 1000.0), p.load());
        }
        if (parse != null) {
            out.printf(Locale.ROOT, "bulk first load end to end is %.1f%% of the parse-only ceiling; it used %.2fx the "
                            + "parse-only CPU time (%.1f vs %.1f cpu s)%n", 100.0 * bulk.perSecond() / parse.perSecond(),
                    bulk.cpu().toMillis() / (double) Math.max(1, parse.cpu().toMillis()), bulk.cpu().toMillis() / 1000.0,
                    parse.cpu().toMillis() / 1000.0);
        }
        double perThousandBulk = storeBytesBulk / 1048576.0 / Math.max(1, docs) * 1000;
        out.printf(Locale.ROOT, "store: %.1f MiB on disk after the bulk load = %.2f MiB per 1,000 abstracts "
                        + "(%.1f MiB after updates and deletions); graph %d nodes, %d relationships after the bulk load%n",
                storeBytesBulk / 1048576.0, perThousandBulk, storeBytes / 1048576.0, nodes, relationships);
        out.printf(Locale.ROOT, "%-52s %6s %9s %9s %9s %11s %6s%n", "question latency (warm, Bolt driver)", "runs",
                "p50 ms", "p95 ms", "p99 ms", "median rows", "terms");
        for (Latency l : latencies) {
            out.printf(Locale.ROOT, "%-52s %6d %9.2f %9.2f %9.2f %11.1f %6d%n", l.name(), l.runs(), l.p50(), l.p95(),
                    l.p99(), l.medianRows(), l.terms());
        }
        if (System.getenv("LITGRAPH_DEBUG") != null) {
            STEP_NANOS.forEach((k, v) -> out.printf(Locale.ROOT, "  write ceiling, time in %-30s %8.1f s%n", k, v.get() / 1e9));
        }
        long peakHeap = rows.stream().mapToLong(Phase::peakHeapBytes).max().orElse(0);
        List<String> targets = new ArrayList<>();
        targets.add("bulk first load >= 5000/s: " + yes(bulk.perSecond() >= 5000));
        if (parse != null) {
            targets.add(">= 90% of parse-only: " + yes(bulk.perSecond() >= 0.9 * parse.perSecond()));
        }
        targets.add("transactional updates >= 2000/s: " + yes(update.perSecond() >= 2000));
        targets.add("peak heap <= 1 GiB: " + yes(peakHeap <= 1L << 30));
        targets.add("store <= 4 MiB per 1,000: " + yes(perThousandBulk <= 4.0));
        String[] questions = {"ask mechanism", "ask evidence", "search"};
        for (int i = 0; i < questions.length; i++) {
            Latency l = latencies.get(i);
            targets.add(questions[i] + " p95 < 100 ms with rows: " + yes(l.p95() < 100 && l.medianRows() > 0));
        }
        if (citations >= 1_000_000) {
            targets.add("1M bulk load < 5 min: " + yes(bulk.elapsed().toSeconds() < 300));
        }
        out.println("targets: " + String.join("; ", targets));
        out.flush();
        return 0;
    }

    private static void progress(PrintStream out, Phase p) {
        out.printf(Locale.ROOT, "  ... %s: %.1f s (load %s)%n", p.name(), p.elapsed().toMillis() / 1000.0, p.load());
        out.flush();
    }

    private static Phase part(String name, int docs, Duration elapsed, Duration cpu) {
        return new Phase(name, docs, elapsed, -1, "", cpu);
    }

    private static String yes(boolean b) {
        return b ? "met" : "NOT met";
    }

    /** The one-minute load average (what {@code uptime} prints first), or "?" where unknown. */
    static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            return s.substring(0, s.indexOf(' '));
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    private Ingestor ingestor(Store store) {
        return new Ingestor(store, DocumentExtractor.standard(), batchSize, IngestListener.NONE, threads);
    }

    private static long[] totals(Store store) {
        try (Session s = store.session(AccessMode.READ)) {
            Record totals = s.run(CypherLibrary.query("queries/graph-totals")).single();
            return new long[] {totals.get("nodes").asLong(), totals.get("relationships").asLong()};
        }
    }

    private static Path defaultSource() {
        String shared = System.getProperty("litgraph.shared");
        if (shared != null) {
            return Path.of(shared).resolve("data/pubmed");
        }
        Path home = Path.of(System.getProperty("litgraph.home", ".")).toAbsolutePath().normalize();
        return home.resolveSibling("shared").resolve("data/pubmed");
    }

    /** Runs a phase after a full GC, with heap peaks reset, and records its time, peak heap and load. */
    private static Phase measure(String name, Supplier<Integer> body) {
        System.gc();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        long c0 = BulkLoad.cpuNanos();
        int docs = body.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Duration cpu = Duration.ofNanos(BulkLoad.cpuNanos() - c0);
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Phase(name, docs, elapsed, peak, loadAverage(), cpu);
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
                    whole.peakHeapBytes(), whole.load(), whole.cpu());
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

    /**
     * Latency of the questions, through the same code the CLI runs (driver, Bolt): terms are
     * sampled from the graph and kept only when the question returns rows for them.
     */
    private List<Latency> latencies(Store store) {
        Mechanism mechanism = new Mechanism(store);
        EvidenceQuestion evidence = new EvidenceQuestion(store);
        CaseSearch search = new CaseSearch(store);
        CypherRunner runner = new CypherRunner(store);
        List<Map<String, Object>> pairs = rows(store, "bench/sample-mechanism-pairs", 200);
        List<Map<String, Object>> claims = rows(store, "bench/sample-claims", 200);
        List<Map<String, Object>> terms = rows(store, "bench/sample-terms", 200);
        List<Map<String, Object>> caseDrugs = rows(store, "bench/sample-case-drugs", 100);

        List<Map<String, Object>> mechanismParams = new ArrayList<>(pairs);
        mechanismParams.addAll(claims);
        Function<Map<String, Object>, Integer> askMechanism = p ->
                mechanism.ask((String) p.get("drug"), (String) p.get("condition")).paths().size();
        Function<Map<String, Object>, Integer> askEvidence = p -> {
            EvidenceQuestion.Answer a = evidence.ask((String) p.get("drug"), (String) p.get("condition"),
                    (String) p.get("predicate"));
            return a.supporting() + a.contradicting();
        };
        List<Map<String, Object>> searchParams = new ArrayList<>();
        for (Map<String, Object> t : terms) {
            searchParams.add(Map.of("q", t.get("name")));
        }
        Function<Map<String, Object>, Integer> searchQuestion = p ->
                search.search((String) p.get("q"), 10, false).hits().size();
        Function<Map<String, Object>, Integer> caseSeries = p ->
                runner.named("drug-cases", Map.of("drug", p.get("drug"))).rows().size();
        return List.of(
                time("ask mechanism (Mechanism.ask, ask-mechanism)", mechanismParams, askMechanism),
                time("ask evidence (EvidenceQuestion.ask)", claims, askEvidence),
                time("search (CaseSearch, case_text + evidence_text)", searchParams, searchQuestion),
                time("case series (queries/drug-cases; no case-series export yet)", caseDrugs, caseSeries));
    }

    private static List<Map<String, Object>> rows(Store store, String query, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Session s = store.session(AccessMode.READ)) {
            for (Record r : s.run(CypherLibrary.query(query), Map.of("limit", limit)).list()) {
                out.add(new HashMap<>(r.asMap()));
            }
        }
        return out;
    }

    /** Keeps up to 50 parameter sets that return rows, then times {@code queries} runs over them. */
    private Latency time(String name, List<Map<String, Object>> candidates, Function<Map<String, Object>, Integer> question) {
        Map<Map<String, Object>, Integer> useful = new LinkedHashMap<>();
        for (Map<String, Object> p : candidates) {
            if (useful.size() >= 50) {
                break;
            }
            if (useful.containsKey(p)) {
                continue;
            }
            try {
                int n = question.apply(p);
                if (n > 0) {
                    useful.put(p, n);
                }
            } catch (IllegalArgumentException e) {
                // a name that does not resolve (UnknownName): not a usable term
            }
        }
        if (useful.isEmpty()) {
            return new Latency(name, 0, 0, 0, 0, 0, 0);
        }
        List<Map<String, Object>> params = List.copyOf(useful.keySet());
        int warmup = Math.min(100, Math.max(10, queries / 3));
        double[] ms = new double[queries];
        double[] rows = new double[queries];
        for (int i = 0; i < warmup + queries; i++) {
            Map<String, Object> p = params.get(i % params.size());
            long t0 = System.nanoTime();
            int n = question.apply(p);
            long t = System.nanoTime() - t0;
            if (i >= warmup) {
                ms[i - warmup] = t / 1e6;
                rows[i - warmup] = n;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(rows);
        return new Latency(name, queries, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99),
                percentile(rows, 50), params.size());
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
