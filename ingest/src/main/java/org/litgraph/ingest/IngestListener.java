package org.litgraph.ingest;

import java.nio.file.Path;

/** Progress of an ingest run, for progress bars and logs. All methods default to doing nothing. */
public interface IngestListener {
    /** Called once the input has been listed. */
    default void started(int files, long bytes) {
    }

    default void fileDone(Path file, long bytes, int documents) {
    }

    default void fileSkipped(Path file, long bytes, String reason) {
    }

    default void batchWritten(int documents) {
    }

    IngestListener NONE = new IngestListener() {
    };
}
