package org.litgraph.ingest.annotate;

import java.io.IOException;
import java.io.Writer;
import org.litgraph.graph.EntityKind;

/**
 * Writes {@link AnnotatedDocument}s in the PubTator format: {@code ID|t|title}, {@code ID|a|abstract},
 * one tab-separated line per Chemical, Disease and Gene mention ({@code ID start end text type id}),
 * then one line per claim the graph holds for the document ({@code ID PREDICATE subject object}, the
 * graph's predicate names). Offsets count in the title, one space and the abstract: for input that is
 * not PubTator, the text is cut at its first white space after the title (or first line) and line
 * breaks inside the abstract become spaces, so every offset still indexes the document text.
 */
public final class PubTatorOutput {
    private PubTatorOutput() {
    }

    public static void write(AnnotatedDocument d, Writer out) throws IOException {
        String text = d.text();
        int cut = cut(text, d.titleEnd());
        String title = cut < 0 ? text : text.substring(0, cut);
        String abs = cut < 0 ? "" : text.substring(cut + 1);
        String id = d.id().replace('|', '_').replace('\t', '_');
        StringBuilder sb = new StringBuilder(text.length() + 1024);
        sb.append(id).append("|t|").append(oneLine(title)).append('\n');
        sb.append(id).append("|a|").append(oneLine(abs)).append('\n');
        for (AnnotatedDocument.EntitySpan e : d.entities()) {
            if (e.kind() == EntityKind.PROCESS) {
                continue;
            }
            sb.append(id).append('\t').append(e.start()).append('\t').append(e.end()).append('\t')
                    .append(oneLine(e.text())).append('\t').append(e.type()).append('\t').append(e.id()).append('\n');
        }
        for (AnnotatedDocument.Relation r : d.positiveRelations()) {
            sb.append(id).append('\t').append(r.predicate().name()).append('\t').append(r.subject()).append('\t')
                    .append(r.object()).append('\n');
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    /** Where title and abstract meet: a white-space character at the title's end, else the first line break, else the first space. */
    static int cut(String text, int titleEnd) {
        if (titleEnd > 0 && titleEnd < text.length() && Character.isWhitespace(text.charAt(titleEnd))) {
            return titleEnd;
        }
        int nl = text.indexOf('\n');
        if (nl >= 0) {
            return nl;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
