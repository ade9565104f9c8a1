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
 * A file that cannot be read is reported and skipped; the rest go on. Each document is written
 * whole or not at all; a multi-record file (PubMed XML) that breaks part-way keeps the records
 * before the break and is reported.
 */
public final class Ingestor {
    private final Store store;
    private final DocumentExtractor extractor;
    private final int batchSize;
    private final IngestListener listener;

    public Ingestor(Store store, DocumentExtractor extractor, int batchSize, IngestListener listener) {
        this.store = store;
        this.extractor = extractor;
        this.batchSize = Math.max(1, batchSize);
        this.listener = listener == null ? IngestListener.NONE : listener;
    }

    public Ingestor(Store store) {
        this(store, DocumentExtractor.standard(), 200, IngestListener.NONE);
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
        long t0 = System.nanoTime();
        List<Path> files = listFiles(paths);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += size(f);
        }
        listener.started(files.size(), totalBytes);
        Run run = new Run(new GraphWriter(store));
        for (Path file : files) {
            long bytes = size(file);
            if (!Files.exists(file)) {
                run.skip(file, bytes, "no such file");
                continue;
            }
            try {
                Source source = Source.of(file);
                int[] count = {0};
                Formats.parser(detect(source)).parse(source, (ParsedDocument doc) -> {
                    run.add(extractor.extract(doc));
                    count[0]++;
                });
                if (count[0] == 0) {
                    throw new ParseException("no documents found in it");
                }
                run.documents += count[0];
                listener.fileDone(file, bytes, count[0]);
            } catch (ParseException | IOException | RuntimeException e) {
                run.skip(file, bytes, reason(e));
            }
        }
        run.flush();
        return new IngestReport(files.size(), run.documents, run.changes.documentsWritten(),
                run.changes.documentsUnchanged(), run.skipped, run.changes, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The mutable state of one run: the open batch and the running totals. */
    private final class Run {
        final GraphWriter writer;
        final List<DocumentGraph> batch = new ArrayList<>();
        final List<IngestReport.Skipped> skipped = new ArrayList<>();
        GraphWriter.Result changes = GraphWriter.Result.empty();
        int documents;

        Run(GraphWriter writer) {
            this.writer = writer;
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
        } else if (e instanceof RuntimeException && !(e instanceof UncheckedIOException)) {
            msg = "internal error while extracting (" + e.getClass().getSimpleName() + "): " + msg;
        }
        return msg;
    }
}
