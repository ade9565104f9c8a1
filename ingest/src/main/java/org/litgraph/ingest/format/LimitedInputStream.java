package org.litgraph.ingest.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading past a byte limit (a defence against decompression bombs). */
final class LimitedInputStream extends FilterInputStream {
    /** The most a single compressed input may expand to. */
    static final long MAX_DECOMPRESSED_BYTES = 2L * 1024 * 1024 * 1024;

    private final long limit;
    private final String location;
    private long count;

    LimitedInputStream(InputStream in, long limit, String location) {
        super(in);
        this.limit = limit;
        this.location = location;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bump(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            bump(n);
        }
        return n;
    }

    private void bump(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException(location + " expands beyond " + (limit >> 20) + " MiB when decompressed");
        }
    }
}
