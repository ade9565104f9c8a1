package org.litgraph.ingest.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading past a byte limit (a defence against decompression bombs). */
final class LimitedInputStream extends FilterInputStream {
    /**
     * The most a single compressed input may expand to by default: 512 MiB, well above a PubMed
     * baseline file (about 150-300 MiB of XML); text formats are capped lower where they are read.
     */
    static final long MAX_DECOMPRESSED_BYTES = 512L * 1024 * 1024;
    /** System property overriding the cap, in MiB. */
    static final String MAX_DECOMPRESSED_PROPERTY = "litgraph.maxDecompressedMiB";

    /** The cap in force: the system property when set to a positive number, else the default. */
    static long maxDecompressedBytes() {
        String v = System.getProperty(MAX_DECOMPRESSED_PROPERTY);
        if (v != null) {
            try {
                long mib = Long.parseLong(v.strip());
                if (mib > 0) {
                    return mib * 1024 * 1024;
                }
            } catch (NumberFormatException ignored) {
                // fall back to the default
            }
        }
        return MAX_DECOMPRESSED_BYTES;
    }

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
            throw new IOException(location + " expands beyond " + (limit >> 20) + " MiB when decompressed "
                    + "(a decompression bomb?); the cap is set by -D" + MAX_DECOMPRESSED_PROPERTY + "=MIB");
        }
    }
}
