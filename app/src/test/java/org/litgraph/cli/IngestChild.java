package org.litgraph.cli;

import java.nio.file.Path;
import java.util.List;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.ingest.IngestListener;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.extract.DocumentExtractor;

/**
 * Ingests a corpus into an embedded store in its own JVM, printing {@code BATCH n} after each
 * committed batch, so a test can kill it part-way. Args: store dir, corpus dir, batch size.
 */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) {
        try (Store store = Store.embedded(StoreConfig.builder().directory(Path.of(args[0]))
                .pageCacheBytes(64L * 1024 * 1024).build())) {
            System.out.println("OPEN");
            int[] batches = {0};
            IngestListener listener = new IngestListener() {
                @Override
                public void batchWritten(int documents) {
                    System.out.println("BATCH " + (++batches[0]));
                    System.out.flush();
                }
            };
            new Ingestor(store, DocumentExtractor.standard(), Integer.parseInt(args[2]), listener)
                    .ingest(List.of(Path.of(args[1])));
            System.out.println("DONE");
        }
    }
}
