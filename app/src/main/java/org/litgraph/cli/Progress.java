package org.litgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.litgraph.ingest.IngestListener;

/**
 * Shows ingest progress: a progress bar (by bytes) on a terminal; otherwise a line every few
 * seconds on long runs; and each skipped file with its reason as it happens.
 */
final class Progress implements IngestListener, AutoCloseable {
    private final PrintStream err;
    private final boolean quiet;
    private ProgressBar bar;
    private long totalBytes;
    private long doneBytes;
    private int files;
    private int doneFiles;
    private long lastLine = System.nanoTime();
    private int written;

    Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void started(int files, long bytes) {
        this.files = files;
        this.totalBytes = bytes;
        if (!quiet && Invocation.interactive() && files > 1) {
            bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(Math.max(1, bytes / 1024))
                    .setUnit(" KiB", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .continuousUpdate().build();
        }
    }

    @Override
    public void fileDone(Path file, long bytes, int documents) {
        advance(bytes);
    }

    @Override
    public void fileSkipped(Path file, long bytes, String reason) {
        if (bar != null) {
            bar.pause();
        }
        err.println("skipped " + file + ": " + reason);
        if (bar != null) {
            bar.resume();
        }
        advance(bytes);
    }

    private void advance(long bytes) {
        doneBytes += bytes;
        doneFiles++;
        if (bar != null) {
            bar.stepTo(doneBytes / 1024);
        } else if (!quiet && System.nanoTime() - lastLine > 5_000_000_000L) {
            lastLine = System.nanoTime();
            err.printf("ingest: %d/%d files, %.1f/%.1f MiB%n", doneFiles, files, doneBytes / 1048576.0,
                    totalBytes / 1048576.0);
        }
    }

    @Override
    public void batchWritten(int documents) {
        written += documents;
    }

    /** Documents written so far (in committed batches). */
    int written() {
        return written;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
