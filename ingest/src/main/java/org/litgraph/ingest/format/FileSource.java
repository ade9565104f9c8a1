package org.litgraph.ingest.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

final class FileSource implements Source {
    private final Path path;

    FileSource(Path path) {
        this.path = path;
    }

    @Override
    public String location() {
        return path.toAbsolutePath().normalize().toString();
    }

    @Override
    public String name() {
        String n = path.getFileName().toString();
        return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new LimitedInputStream(new GZIPInputStream(in, 1 << 16),
                    LimitedInputStream.maxDecompressedBytes(), location()), 1 << 16);
        }
        return in;
    }
}
