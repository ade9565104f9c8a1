package org.litgraph.ingest.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.litgraph.ingest.format.Formats;
import org.litgraph.ingest.format.ParseException;
import org.litgraph.ingest.format.ParsedDocument;
import org.litgraph.ingest.format.Source;

/**
 * The extraction pipeline without a store: parses a file with the same parser ingest would choose,
 * runs the same {@link DocumentExtractor} and hands over what ingest would write, as
 * {@link AnnotatedDocument}s. Annotations the input carries (PubTator, BioC) are never read by the
 * extractor.
 */
public final class Annotator {
    private final DocumentExtractor extractor;

    public Annotator(DocumentExtractor extractor) {
        this.extractor = extractor;
    }

    public static Annotator standard() {
        return new Annotator(DocumentExtractor.standard());
    }

    public DocumentExtractor extractor() {
        return extractor;
    }

    /** One parsed document through the pipeline. */
    public AnnotatedDocument annotate(ParsedDocument doc) {
        DocumentGraph g = extractor.extract(doc);
        return AnnotatedDocument.of(doc.text(), g);
    }

    /** Every document of a file (any format ingest reads), in file order. */
    public void annotate(Path file, Consumer<AnnotatedDocument> sink) throws IOException, ParseException {
        Source source = Source.of(file);
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(8192);
        }
        Formats.parser(Formats.detect(source.name(), head)).parse(source, doc -> sink.accept(annotate(doc)));
    }

    /** The parsed documents of a file, without extraction (for evaluators that need the input's own annotations). */
    public static List<ParsedDocument> parse(Path file) throws IOException, ParseException {
        Source source = Source.of(file);
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(8192);
        }
        List<ParsedDocument> out = new ArrayList<>();
        Formats.parser(Formats.detect(source.name(), head)).parse(source, out::add);
        return out;
    }
}
