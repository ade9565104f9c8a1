package org.litgraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.litgraph.graph.GraphWriter;

/** What an ingest run did: documents read and written, files skipped with reasons, graph changes. */
public record IngestReport(
        int files,
        int documents,
        int documentsWritten,
        int documentsUnchanged,
        List<Skipped> skipped,
        GraphWriter.Result changes,
        Duration elapsed) {

    public IngestReport {
        skipped = List.copyOf(skipped);
    }

    /** A file that could not be ingested, and why. */
    public record Skipped(Path file, String reason) {
    }

    public boolean hasSkipped() {
        return !skipped.isEmpty();
    }
}
