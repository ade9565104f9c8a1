package org.litgraph.ingest.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.AnnotatedRelation;
import org.litgraph.ingest.format.ParsedDocument.Annotation;

/**
 * The PubTator text format: {@code PMID|t|title}, {@code PMID|a|abstract}, then tab-separated
 * mention lines {@code PMID start end text type id [...]} and relation lines
 * {@code PMID CID chemical disease}; documents separated by blank lines. The text is the title, one
 * space and the abstract, exactly what PubTator offsets count in, so the supplied offsets index
 * {@link ParsedDocument#text()} unchanged.
 */
final class PubTatorParser implements DocumentParser {

    @Override
    public Format format() {
        return Format.PUBTATOR;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            Doc doc = null;
            String line;
            int lineNo = 0;
            int count = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    if (doc != null) {
                        sink.accept(doc.build(source, lineNo));
                        count++;
                        doc = null;
                    }
                    continue;
                }
                int bar = line.indexOf('|');
                int tab = line.indexOf('\t');
                if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                    String pmid = line.substring(0, bar);
                    char kind = line.charAt(bar + 1);
                    String value = line.substring(bar + 3);
                    if (doc != null && !doc.pmid.equals(pmid)) {
                        sink.accept(doc.build(source, lineNo));
                        count++;
                        doc = null;
                    }
                    if (doc == null) {
                        doc = new Doc(pmid);
                    }
                    if (kind == 't') {
                        doc.title = value;
                    } else if (kind == 'a') {
                        doc.abstractText = value;
                    }
                    continue;
                }
                if (tab < 0 || doc == null) {
                    throw new ParseException("not PubTator: line " + lineNo + " of " + source.location()
                            + " is neither 'PMID|t|title', 'PMID|a|abstract' nor a tab-separated annotation");
                }
                String[] cols = line.split("\t", -1);
                if (cols.length >= 4 && cols[1].matches("\\d+") && cols[2].matches("\\d+")) {
                    if (cols.length < 5) {
                        throw new ParseException("PubTator mention with no type at line " + lineNo + " of "
                                + source.location());
                    }
                    List<String> ids = cols.length > 5 ? ids(cols[5]) : List.of();
                    doc.annotations.add(new Annotation(Integer.parseInt(cols[1]), Integer.parseInt(cols[2]),
                            cols[3], cols[4], ids));
                } else if (cols.length >= 4) {
                    doc.relations.add(new AnnotatedRelation(cols[1], cols[2], cols[3]));
                } else {
                    throw new ParseException("PubTator line " + lineNo + " of " + source.location()
                            + " has " + cols.length + " columns; expected a mention or a relation");
                }
            }
            if (doc != null) {
                sink.accept(doc.build(source, lineNo));
                count++;
            }
            if (count == 0) {
                throw new ParseException("no PubTator documents in " + source.location());
            }
        }
    }

    /** {@code D001|D002} → two ids; {@code -1} (no id) → none; a {@code MESH:} prefix is kept as given. */
    static List<String> ids(String field) {
        if (field == null || field.isBlank() || field.strip().equals("-1") || field.strip().equals("-")) {
            return List.of();
        }
        return Arrays.stream(field.split("[|;,]")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("-1")).toList();
    }

    private static final class Doc {
        final String pmid;
        String title = "";
        String abstractText = "";
        final List<Annotation> annotations = new ArrayList<>();
        final List<AnnotatedRelation> relations = new ArrayList<>();

        Doc(String pmid) {
            this.pmid = pmid;
        }

        ParsedDocument build(Source source, int lineNo) throws ParseException {
            String text = title + " " + abstractText;
            DocumentBuilder b = new DocumentBuilder(Format.PUBTATOR, source.location()).text(text);
            b.pmid(pmid).title(title.strip()).sourceType(SourceType.ABSTRACT);
            if (!title.isEmpty()) {
                b.section("Title", 0, title.length());
            }
            if (!abstractText.isEmpty()) {
                b.section("Abstract", title.length() + 1, text.length());
            }
            for (Annotation a : annotations) {
                if (a.start() < 0 || a.end() > text.length() || a.start() > a.end()) {
                    throw new ParseException("PubTator mention '" + a.text() + "' of " + pmid + " at " + a.start()
                            + "-" + a.end() + " lies outside the text (length " + text.length() + ") in "
                            + source.location() + " near line " + lineNo);
                }
                b.annotation(a);
            }
            relations.forEach(b::relation);
            if (pmid.matches("\\d+")) {
                b.url("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
            }
            return b.build();
        }
    }
}
