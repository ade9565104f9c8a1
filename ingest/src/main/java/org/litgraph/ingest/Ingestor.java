package org.litgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.GraphWriter;
import org.litgraph.graph.Store;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.litgraph.ingest.format.Format;
import org.litgraph.ingest.format.Formats;
import org.litgraph.ingest.format.ParseException;
import org.litgraph.ingest.format.ParsedDocument;
import org.litgraph.ingest.format.Source;

/**
 * Reads files and directories (recursively, in a stable order), parses each with the parser for
 * its format, extracts its graph and writes documents in batches, one transaction per batch.
 * Three stages overlap: one reader thread parses the files in order, a pool of workers extracts
 * chunks of documents, and the calling thread writes them, still in input order (so a run's
 * result does not depend on thread timing); bounded queues keep memory flat.
 * A file that cannot be read is reported and skipped; the rest go on. Each document is written
 * whole or not at all; a multi-record file (PubMed XML) that breaks part-way keeps the records
 * before the break and is reported.
 */
public final class Ingestor {
    private final Store store;
    private final DocumentExtractor extractor;
    private final int batchSize;
    private final IngestListener listener;
    private final int threads;

    /** Documents handed to an extraction worker at a time. */
    static final int CHUNK = 32;
    /** The default number of documents per write transaction. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /**
     * @param threads extraction workers (parsing runs on one reader thread, writing on the caller's);
     *                0 means one per available processor
     */
    public Ingestor(Store store, DocumentExtractor extractor, int batchSize, IngestListener listener, int threads) {
        this.store = store;
        this.extractor = extractor;
        this.batchSize = Math.max(1, batchSize);
        this.listener = listener == null ? IngestListener.NONE : listener;
        this.threads = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public Ingestor(Store store, DocumentExtractor extractor, int batchSize, IngestListener listener) {
        this(store, extractor, batchSize, listener, 0);
    }

    public Ingestor(Store store) {
        this(store, DocumentExtractor.standard(), DEFAULT_BATCH_SIZE, IngestListener.NONE);
    }

    /** Every regular, non-hidden file under the given paths, sorted. */
    public static List<Path> listFiles(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> p.relativize(f).toString().chars().noneMatch(c -> c == 0)
                                    && !isHidden(p.relativize(f)))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public IngestReport ingest(List<Path> paths) {
        GraphWriter writer = new GraphWriter(store);
        return ingest(paths, writer::write);
    }

    /** Where batches of extracted documents go: the graph, or (for benchmarks) anywhere else. */
    @FunctionalInterface
    public interface BatchSink {
        GraphWriter.Result write(List<DocumentGraph> batch);
    }

    /**
     * As {@link #ingest(List)}, handing each batch to {@code sink} instead of the store: with a sink
     * that only counts, this measures parsing and extraction alone.
     */
    public IngestReport ingest(List<Path> paths, BatchSink sink) {
        long t0 = System.nanoTime();
        List<Path> files = listFiles(paths);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += size(f);
        }
        listener.started(files.size(), totalBytes);
        Run run = new Run(sink, files);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("litgraph-extract"));
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(Math.max(4, threads * 4));
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread reader = daemon("litgraph-parse").newThread(() -> read(files, workers, queue, cancelled));
        reader.start();
        try {
            drain(queue, run, reader);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } finally {
            cancelled.set(true);
            reader.interrupt();
            workers.shutdownNow();
        }
        run.flush();
        return new IngestReport(files.size(), run.documents, run.changes.documentsWritten(),
                run.changes.documentsUnchanged(), run.skipped, run.changes, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * What the reader hands the writer, in file order: a chunk of documents being extracted, or the
     * end of a file (done, or failed with a reason), or the end of the input.
     */
    private record Item(int file, Future<List<Extracted>> chunk, boolean end, String failure, boolean last) {
        static Item chunk(int file, Future<List<Extracted>> f) {
            return new Item(file, f, false, null, false);
        }

        static Item endOfFile(int file, String failure) {
            return new Item(file, null, true, failure, false);
        }

        static final Item LAST = new Item(-1, null, false, null, true);
    }

    /** One document's graph, or why its extraction failed. */
    private record Extracted(DocumentGraph graph, String failure) {
    }

    /**
     * The reader thread: parses the files in order (each parser streams, so memory is bounded by
     * the queue) and hands chunks of documents to the extraction workers.
     */
    private void read(List<Path> files, ExecutorService workers, BlockingQueue<Item> queue, AtomicBoolean cancelled) {
        try {
            for (int i = 0; i < files.size() && !cancelled.get(); i++) {
                Path file = files.get(i);
                final int index = i;
                if (!Files.exists(file)) {
                    put(queue, Item.endOfFile(i, "no such file"), cancelled);
                    continue;
                }
                List<ParsedDocument> chunk = new ArrayList<>(CHUNK);
                int[] count = {0};
                String failure = null;
                try {
                    Source source = Source.of(file);
                    Formats.parser(detect(source)).parse(source, (ParsedDocument doc) -> {
                        count[0]++;
                        chunk.add(record(doc, count[0]));
                        if (chunk.size() >= CHUNK) {
                            submit(index, List.copyOf(chunk), workers, queue, cancelled);
                            chunk.clear();
                        }
                    });
                    if (count[0] == 0) {
                        throw new ParseException("no documents found in it");
                    }
                } catch (ParseException | IOException | RuntimeException e) {
                    if (e instanceof Interrupted || cancelled.get()) {
                        throw new Interrupted();
                    }
                    failure = reason(e);
                }
                if (!chunk.isEmpty()) {
                    submit(index, List.copyOf(chunk), workers, queue, cancelled);
                }
                put(queue, Item.endOfFile(i, failure), cancelled);
            }
            put(queue, Item.LAST, cancelled);
        } catch (Interrupted e) {
            // the writer has gone
        } catch (Throwable t) {
            // anything else ends the input early; the writer reports it
            try {
                put(queue, Item.endOfFile(-1, reason(t)), cancelled);
            } catch (Interrupted ignored) {
                // the writer has gone
            }
        }
    }

    /**
     * The N-th record of a multi-record file (N >= 2) that has no PMID, PMCID or DOI of its own is
     * known by its file's path with {@code #N}: documents are keyed by their source when they have
     * no identifier, and two records of one file must not share a key.
     */
    static ParsedDocument record(ParsedDocument doc, int n) {
        ParsedDocument.Metadata m = doc.metadata();
        if (n < 2 || m.location() == null || !blank(m.pmid()) || !blank(m.pmcid()) || !blank(m.doi())) {
            return doc;
        }
        ParsedDocument.Metadata r = new ParsedDocument.Metadata(m.format(), m.location() + "#" + n, m.title(),
                m.sourceType(), m.articleType(), m.journal(), m.publisher(), m.published(), m.year(), m.doi(), m.pmid(),
                m.pmcid(), m.url(), m.authors(), m.publicationTypes(), m.keywords());
        return new ParsedDocument(doc.text(), r, doc.sections(), doc.tables(), doc.references(), doc.meshHeadings(),
                doc.chemicals(), doc.annotations(), doc.relations());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Hands an item to the writer, giving up once the run is cancelled (the writer failed). */
    private static void put(BlockingQueue<Item> queue, Item item, AtomicBoolean cancelled) {
        try {
            while (!queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (cancelled.get()) {
                    throw new Interrupted();
                }
            }
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    /** Thrown through a parser's callback when the run is cancelled. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("cancelled", null, false, false);
        }
    }

    private void submit(int file, List<ParsedDocument> docs, ExecutorService workers, BlockingQueue<Item> queue,
                        AtomicBoolean cancelled) {
        if (cancelled.get()) {
            throw new Interrupted();
        }
        Future<List<Extracted>> f = workers.submit(() -> {
            List<Extracted> out = new ArrayList<>(docs.size());
            for (ParsedDocument d : docs) {
                try {
                    out.add(new Extracted(extractor.extract(d), null));
                } catch (RuntimeException | StackOverflowError e) {
                    out.add(new Extracted(null, reason(e)));
                    break;
                }
            }
            return out;
        });
        try {
            put(queue, Item.chunk(file, f), cancelled);
        } catch (Interrupted e) {
            f.cancel(true);
            throw e;
        }
    }

    /** The writer (the calling thread): takes chunks in file order, batches and writes them. */
    private void drain(BlockingQueue<Item> queue, Run run, Thread reader) throws InterruptedException {
        List<Path> files = run.files;
        int failedFile = -1;
        String failedReason = null;
        int[] perFile = new int[files.size()];
        while (true) {
            Item item = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (item == null) {
                if (!reader.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("ingest stopped: the reader thread ended unexpectedly");
                }
                continue;
            }
            if (item.last()) {
                return;
            }
            if (item.file() < 0) {
                throw new IllegalStateException("ingest stopped: " + item.failure());
            }
            Path file = files.get(item.file());
            if (item.chunk() != null) {
                List<Extracted> chunk;
                try {
                    chunk = item.chunk().get();
                } catch (ExecutionException e) {
                    chunk = List.of(new Extracted(null, reason(e.getCause())));
                }
                if (failedFile == item.file()) {
                    continue; // the rest of a file whose extraction failed
                }
                for (Extracted x : chunk) {
                    if (x.failure() != null) {
                        failedFile = item.file();
                        failedReason = x.failure();
                        break;
                    }
                    run.add(x.graph());
                    perFile[item.file()]++;
                }
                continue;
            }
            long bytes = size(file);
            String failure = failedFile == item.file() ? failedReason : item.failure();
            run.documents += perFile[item.file()];
            if (failure != null) {
                run.skip(file, bytes, failure);
            } else {
                listener.fileDone(file, bytes, perFile[item.file()]);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The mutable state of one run: the open batch and the running totals. */
    private final class Run {
        final BatchSink writer;
        final List<Path> files;
        final List<DocumentGraph> batch = new ArrayList<>();
        final List<IngestReport.Skipped> skipped = new ArrayList<>();
        GraphWriter.Result changes = GraphWriter.Result.empty();
        int documents;

        Run(BatchSink writer, List<Path> files) {
            this.writer = writer;
            this.files = files;
        }

        void add(DocumentGraph g) {
            batch.add(g);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            changes = changes.plus(writer.write(List.copyOf(batch)));
            listener.batchWritten(batch.size());
            batch.clear();
        }

        void skip(Path file, long bytes, String reason) {
            skipped.add(new IngestReport.Skipped(file, reason));
            listener.fileSkipped(file, bytes, reason);
        }
    }

    private static Format detect(Source source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(8192);
        }
        return Formats.detect(source.name(), head);
    }

    private static long size(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static String reason(Throwable e) {
        String msg = e.getMessage();
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            msg = e.getCause().getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        if (e instanceof IOException && !(e instanceof java.io.EOFException) && msg.startsWith("/")) {
            msg = "cannot read: " + msg;
        } else if (e instanceof java.io.EOFException) {
            msg = "truncated input (unexpected end of file)";
        } else if (e instanceof java.util.zip.ZipException) {
            msg = "corrupt gzip data: " + msg;
        } else if (e instanceof Error || e instanceof RuntimeException && !(e instanceof UncheckedIOException)) {
            msg = "internal error while extracting (" + e.getClass().getSimpleName() + "): " + msg;
        }
        return msg;
    }
}
