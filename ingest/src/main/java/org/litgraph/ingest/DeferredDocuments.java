package org.litgraph.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.litgraph.graph.DocumentGraph;

/**
 * The documents of a bulk load that the import files could not hold (see
 * {@link org.litgraph.graph.ImportFiles#add}), kept on disk in input order as gzipped JSON lines
 * so that memory stays bounded however many there are; written through the transactional path
 * once the import is done.
 */
final class DeferredDocuments implements AutoCloseable {
    static final String FILE = "deferred-documents.jsonl.gz";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private BufferedWriter out;
    private int count;

    DeferredDocuments(Path dir) {
        this.file = dir.resolve(FILE);
    }

    void add(DocumentGraph g) {
        try {
            if (out == null) {
                out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                        StandardCharsets.UTF_8));
            }
            out.write(JSON.writeValueAsString(g));
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    int count() {
        return count;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            out = null;
        }
    }

    /** Reads the deferred documents of {@code dir} in order, in batches. */
    static int read(Path dir, int batchSize, Consumer<List<DocumentGraph>> batches) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            List<DocumentGraph> batch = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                batch.add(JSON.readValue(line, DocumentGraph.class));
                n++;
                if (batch.size() >= batchSize) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(List.copyOf(batch));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return n;
    }
}
