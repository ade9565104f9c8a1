package org.litgraph.ingest.format;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

final class BytesSource implements Source {
    private final String location;
    private final byte[] content;

    BytesSource(String location, byte[] content) {
        this.location = location;
        this.content = content.clone();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String name() {
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
        return location.substring(slash + 1);
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}
