package org.litgraph.ingest.format;

import java.util.ArrayList;
import java.util.List;
import org.litgraph.graph.DocumentGraph.Passage;
import org.litgraph.graph.Ids;
import org.litgraph.ingest.format.ParsedDocument.Section;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * Cuts a document's text into passages for full-text search: runs of whole sentences (as the
 * sentence splitter reads them, so markup is left out) that stay inside one paragraph, one table
 * and one section, of at most {@link #MAX_CHARS} characters. Every sentence of the document falls in
 * exactly one passage; a passage's text is the document text between its first sentence's start and
 * its last sentence's end.
 */
public final class Passages {
    /** A passage grows by whole sentences up to this length (a longer sentence is a passage alone). */
    public static final int MAX_CHARS = 1200;

    private Passages() {
    }

    public static List<Passage> of(ParsedDocument doc, String documentId) {
        String text = doc.text();
        List<Passage> out = new ArrayList<>();
        List<Sentence> sentences = SentenceSplitter.split(text);
        int i = 0;
        while (i < sentences.size()) {
            Sentence first = sentences.get(i);
            String section = sectionOf(doc.sections(), first.start());
            int j = i + 1;
            while (j < sentences.size()) {
                Sentence prev = sentences.get(j - 1);
                Sentence next = sentences.get(j);
                boolean sameBlock = !paragraphBreak(text, prev.end(), next.start()) && prev.tableRow() == next.tableRow();
                boolean sameSection = java.util.Objects.equals(section, sectionOf(doc.sections(), next.start()));
                if (!sameBlock || !sameSection || next.end() - first.start() > MAX_CHARS) {
                    break;
                }
                j++;
            }
            int start = first.start();
            int end = sentences.get(j - 1).end();
            out.add(new Passage(Ids.passage(documentId, start), text.substring(start, end), start, end, section));
            i = j;
        }
        return out;
    }

    /** A blank line (two line breaks with only white space between) separates paragraphs. */
    private static boolean paragraphBreak(String text, int from, int to) {
        int breaks = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                if (++breaks >= 2) {
                    return true;
                }
            } else if (!Character.isWhitespace(c)) {
                // markup between sentences (a heading, a rule) separates them as well
                return text.substring(from, to).contains("\n");
            }
        }
        return false;
    }

    private static String sectionOf(List<Section> sections, int offset) {
        String title = null;
        for (Section s : sections) {
            if (s.start() <= offset && offset < Math.max(s.end(), s.start() + 1)) {
                title = s.title();
            }
        }
        return title == null || title.length() <= 200 ? title : title.substring(0, 200);
    }
}
