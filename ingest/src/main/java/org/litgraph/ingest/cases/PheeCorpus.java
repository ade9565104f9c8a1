package org.litgraph.ingest.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PHEE's brat files (one sentence per {@code .txt}, its spans in the {@code .ann} beside it), read
 * as sentences with the spans of the roles the argument tagger learns. A discontinuous span gives
 * one span per fragment. Files are read in name order, so training is deterministic.
 */
public final class PheeCorpus {
    private PheeCorpus() {
    }

    /** One gold span of a sentence. */
    public record Span(Role role, int start, int end) {
    }

    /** One sentence file: its name (PMID_index), text and spans. */
    public record Sentence(String id, String text, List<Span> spans) {
        public Sentence {
            spans = List.copyOf(spans);
        }
    }

    public static List<Sentence> read(Path dir) throws IOException {
        List<Path> texts;
        try (Stream<Path> s = Files.list(dir)) {
            texts = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        List<Sentence> out = new ArrayList<>(texts.size());
        for (Path txt : texts) {
            String name = txt.getFileName().toString();
            Path ann = txt.resolveSibling(name.substring(0, name.length() - 4) + ".ann");
            if (!Files.exists(ann)) {
                continue;
            }
            out.add(new Sentence(name.substring(0, name.length() - 4), Files.readString(txt, StandardCharsets.UTF_8),
                    spans(Files.readString(ann, StandardCharsets.UTF_8))));
        }
        return out;
    }

    static List<Span> spans(String ann) {
        List<Span> out = new ArrayList<>();
        for (String line : ann.split("\n")) {
            if (!line.startsWith("T")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 2) {
                continue;
            }
            String[] typeAndRanges = f[1].split(" ", 2);
            Role role = Role.ofBrat(typeAndRanges[0]);
            if (role == null || typeAndRanges.length < 2) {
                continue;
            }
            for (String range : typeAndRanges[1].split(";")) {
                String[] se = range.trim().split(" ");
                out.add(new Span(role, Integer.parseInt(se[0]), Integer.parseInt(se[1])));
            }
        }
        return out;
    }
}
