package org.litgraph.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * An input file. {@link #open()} yields its bytes already decompressed when the file is gzipped;
 * {@link #name()} is the file name without a {@code .gz} suffix, used for format detection.
 */
public interface Source {

    /** Where it came from; stored as {@code Document.path}. */
    String location();

    /** The file name, without any compression suffix. */
    String name();

    /** A fresh stream of the (decompressed) content. */
    InputStream open() throws IOException;

    static Source of(Path path) {
        return new FileSource(path);
    }

    /** An in-memory source, for tests and for text handed over by other code. */
    static Source of(String location, byte[] content) {
        return new BytesSource(location, content);
    }
}
