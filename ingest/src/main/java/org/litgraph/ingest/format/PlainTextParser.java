package org.litgraph.ingest.format;

// placeholder: replaced by main's PlainTextParser on merge

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Placeholder so the registry compiles on this branch: the whole UTF-8 text as one document. */
public final class PlainTextParser implements DocumentParser {

    public PlainTextParser() {
    }

    @Override
    public Format format() {
        return Format.PLAIN_TEXT;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException {
        try (InputStream in = source.open()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            sink.accept(new DocumentBuilder(Format.PLAIN_TEXT, source.location()).text(text).build());
        }
    }
}
