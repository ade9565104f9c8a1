package org.litgraph.ingest.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;

/**
 * Reads a lexicon from a folder of the shipped TSV resources ({@code core.tsv}, {@code drugs/drugs.tsv.gz},
 * {@code vocab.tsv.gz}; columns id, kind, name, synonyms, parents, symbol; further columns ignored), for
 * measuring the tagger with another vocabulary than the one on the class path ({@code --lexicon DIR}).
 */
final class LexiconFiles {
    private LexiconFiles() {
    }

    /** The lexicon and the names of known non-entities by category (rows of kind anatomy, organism, procedure). */
    record Read(Lexicon lexicon, java.util.Map<String, List<String>> nonEntities) {
        DictionaryMatcher matcher() {
            return new DictionaryMatcher(lexicon, nonEntities);
        }
    }

    static Read read(Path dir) throws IOException {
        List<LexiconEntry> entries = new ArrayList<>();
        java.util.Map<String, List<String>> non = new java.util.TreeMap<>();
        for (String name : List.of("core.tsv", "drugs/drugs.tsv.gz", "vocab.tsv.gz")) {
            Path p = dir.resolve(name);
            if (!Files.exists(p)) {
                continue;
            }
            try (InputStream raw = Files.newInputStream(p);
                 InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length < 3) {
                        continue;
                    }
                    String kind = f[1].strip();
                    if (DictionaryMatcher.NON_ENTITY.contains(kind)) {
                        List<String> names = non.computeIfAbsent(kind, k -> new ArrayList<>());
                        names.add(f[2].strip());
                        names.addAll(list(f, 3));
                        continue;
                    }
                    entries.add(new LexiconEntry(f[0].strip(), EntityKind.parse(f[1]), f[2].strip(), list(f, 3), list(f, 4),
                            f.length > 5 && !f[5].isBlank() ? f[5].strip() : null));
                }
            }
        }
        return new Read(Lexicon.of(entries), non);
    }

    private static List<String> list(String[] f, int i) {
        List<String> out = new ArrayList<>();
        if (f.length > i && !f[i].isBlank()) {
            for (String s : f[i].split("\\|")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
