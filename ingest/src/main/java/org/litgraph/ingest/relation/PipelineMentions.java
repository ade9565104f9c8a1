package org.litgraph.ingest.relation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.litgraph.ingest.format.ParseException;
import org.litgraph.ingest.format.ParsedDocument;
import org.litgraph.ingest.lexicon.Lexicon;

/**
 * The mentions the extraction pipeline finds in a corpus document, as a {@link DocumentView}: the
 * corpus file is parsed by the parser ingest would choose and analysed by the same
 * {@link DocumentExtractor} (sentences, recognition, abbreviations); the gold annotations are never
 * shown to it. What the relation model sees on text nobody annotated.
 */
final class PipelineMentions {
    private final DocumentExtractor extractor;
    private final Map<Path, Map<String, ParsedDocument>> parsed = new HashMap<>();

    PipelineMentions(Lexicon lexicon) {
        this.extractor = new DocumentExtractor(lexicon, RelationModel.rulesOnly());
    }

    /** The pipeline's view of a corpus document (parsed again from its source file). */
    DocumentView view(Corpus.Doc doc) {
        ParsedDocument p = source(doc);
        if (p == null) {
            throw new IllegalStateException("no parsed document for " + doc.id() + " in " + doc.source());
        }
        DocumentView v = extractor.relationView(p);
        if (!v.text().equals(doc.gold().text())) {
            // the parser normalised the text (e.g. a final newline): keep the gold offsets valid
            if (!v.text().startsWith(doc.gold().text()) && !doc.gold().text().startsWith(v.text())) {
                throw new IllegalStateException("parsed text differs from the corpus text for " + doc.id());
            }
            int n = doc.gold().text().length();
            List<DocumentView.Span> spans = v.sentences().stream().filter(s -> s.start() < n)
                    .map(s -> new DocumentView.Span(s.start(), Math.min(n, s.end()))).toList();
            List<DocumentView.Entity> es = v.entities().stream().filter(e -> e.end() <= n).toList();
            v = new DocumentView(doc.gold().text(), Math.min(v.titleEnd(), n), spans, es);
        }
        return v;
    }

    private ParsedDocument source(Corpus.Doc doc) {
        if (doc.corpus() == Corpus.Name.PHEE) {
            Path txt = doc.source().resolveSibling(doc.id() + ".txt");
            return parse(txt).values().stream().findFirst().orElse(null);
        }
        return parse(doc.source()).get(doc.pmid());
    }

    private Map<String, ParsedDocument> parse(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            Map<String, ParsedDocument> out = new HashMap<>();
            try {
                for (ParsedDocument d : Annotator.parse(f)) {
                    String key = d.metadata().pmid() != null ? d.metadata().pmid() : f.getFileName().toString();
                    out.putIfAbsent(key, d);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException e) {
                throw new IllegalStateException("cannot parse " + f + ": " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** Forgets parsed PubTator files (PHEE sentences are parsed one file at a time and not kept). */
    void clear() {
        parsed.clear();
    }

    static boolean exists(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
