package org.litgraph.ingest.bc5cdr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal reader of the PubTator text format used by the BioCreative V CDR corpus: a title line
 * ({@code PMID|t|...}), an abstract line ({@code PMID|a|...}), mention lines
 * ({@code PMID, start, end, text, type, ids[, ...]}) and relation lines ({@code PMID, CID, chem, disease}),
 * documents separated by blank lines. Offsets are over {@code title + " " + abstract}.
 * <p>Kept small and local to the benchmark; it can later be replaced by the shared
 * {@code org.litgraph.ingest.format.PubTatorParser}.
 */
public final class PubTator {
    private PubTator() {
    }

    /** One annotated span; {@code ids} holds the MeSH ids ("-1" when ungrounded, several when composite). */
    public record Annotation(int start, int end, String text, String type, List<String> ids) {
    }

    public record Relation(String type, String chemical, String disease) {
    }

    public record Doc(String pmid, String title, String abstractText, List<Annotation> annotations,
                      List<Relation> relations) {
        public String text() {
            return title + " " + abstractText;
        }
    }

    public static List<Doc> read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<Doc> read(Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Doc> docs = new ArrayList<>();
        String pmid = null;
        String title = "";
        String abs = "";
        List<Annotation> anns = new ArrayList<>();
        List<Relation> rels = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                if (pmid != null) {
                    docs.add(new Doc(pmid, title, abs, List.copyOf(anns), List.copyOf(rels)));
                }
                pmid = null;
                title = "";
                abs = "";
                anns.clear();
                rels.clear();
                continue;
            }
            int bar = line.indexOf('|');
            int tab = line.indexOf('\t');
            if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                String id = line.substring(0, bar);
                if (pmid != null && !pmid.equals(id)) {
                    docs.add(new Doc(pmid, title, abs, List.copyOf(anns), List.copyOf(rels)));
                    title = "";
                    abs = "";
                    anns.clear();
                    rels.clear();
                }
                pmid = id;
                char kind = line.charAt(bar + 1);
                String body = line.substring(bar + 3);
                if (kind == 't') {
                    title = body;
                } else if (kind == 'a') {
                    abs = body;
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length >= 4 && f.length < 6 && !f[1].chars().allMatch(Character::isDigit)) {
                rels.add(new Relation(f[1], f[2], f[3]));
            } else if (f.length >= 6) {
                List<String> ids = new ArrayList<>();
                for (String id : f[5].split("\\|")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
                anns.add(new Annotation(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4], List.copyOf(ids)));
            } else if (f.length == 5) {
                anns.add(new Annotation(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4], List.of("-1")));
            }
        }
        if (pmid != null) {
            docs.add(new Doc(pmid, title, abs, List.copyOf(anns), List.copyOf(rels)));
        }
        return docs;
    }
}
