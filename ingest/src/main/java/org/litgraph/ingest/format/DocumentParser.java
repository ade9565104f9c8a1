package org.litgraph.ingest.format;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one input format. A source may hold many documents (a PubMed baseline file, a PubTator
 * file); each is handed to the sink as soon as it is complete, so memory stays bounded by one
 * document. A parser throws {@link ParseException} for input it cannot read; it never writes.
 */
public interface DocumentParser {

    Format format();

    void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException;
}
