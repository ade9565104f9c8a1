package org.litgraph.ingest.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.litgraph.ingest.bc5cdr.PubTator;

/**
 * Annotated documents of the corpora the tagger learns from and is measured on: BC5CDR and BioRED
 * (PubTator; offsets over title, one space, abstract) and PHEE (brat {@code .txt}/{@code .ann}, one
 * sentence per file; its {@code Drug} spans are chemicals).
 */
public final class NerCorpus {
    /** The corpora, each with the types it annotates (what a model may learn from it). */
    public enum Source {
        BC5CDR(EntityType.CHEMICAL, EntityType.DISEASE),
        BIORED(EntityType.CHEMICAL, EntityType.DISEASE, EntityType.GENE, EntityType.CELL_LINE, EntityType.SPECIES,
                EntityType.VARIANT),
        PHEE(EntityType.CHEMICAL);

        private final List<EntityType> types;

        Source(EntityType... types) {
            this.types = List.of(types);
        }

        public List<EntityType> types() {
            return types;
        }

        public boolean annotates(EntityType t) {
            return types.contains(t);
        }
    }

    /** A gold mention; {@code ids} as the corpus gives them (MeSH without prefix, Entrez numbers, "-1"). */
    public record Gold(int start, int end, EntityType type, List<String> ids) {
    }

    public record Doc(String id, String text, List<Gold> mentions, Source source) {
    }

    private NerCorpus() {
    }

    /** The training or development split of a corpus under {@code shared} ({@code ../shared}). */
    public static List<Doc> read(Path shared, Source source, boolean training) {
        Path data = shared.resolve("data");
        return switch (source) {
            case BC5CDR -> pubtator(data.resolve("bc5cdr").resolve(training ? "CDR_TrainingSet.PubTator.txt"
                    : "CDR_DevelopmentSet.PubTator.txt"), source);
            case BIORED -> pubtator(data.resolve("biored").resolve(training ? "Train.PubTator" : "Dev.PubTator"), source);
            case PHEE -> brat(data.resolve("phee").resolve(training ? "train" : "dev"), source);
        };
    }

    public static List<Doc> pubtator(Path file, Source source) {
        List<Doc> out = new ArrayList<>();
        for (PubTator.Doc d : PubTator.read(file)) {
            String text = d.text();
            List<Gold> gold = new ArrayList<>();
            for (PubTator.Annotation a : d.annotations()) {
                EntityType t = EntityType.fromCorpus(a.type());
                if (t == null || a.start() < 0 || a.end() > text.length() || a.end() <= a.start()) {
                    continue;
                }
                List<String> ids = new ArrayList<>();
                for (String id : a.ids()) {
                    for (String part : id.split(",")) {
                        if (!part.isBlank()) {
                            ids.add(part.strip());
                        }
                    }
                }
                gold.add(new Gold(a.start(), a.end(), t, ids));
            }
            out.add(new Doc(d.pmid(), text, gold, source));
        }
        return out;
    }

    /** The brat sentences of a directory, sorted by file name; {@code Drug} spans as chemicals. */
    public static List<Doc> brat(Path dir, Source source) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Doc> out = new ArrayList<>(files.size());
        for (Path txt : files) {
            String name = txt.getFileName().toString();
            String id = name.substring(0, name.length() - 4);
            try {
                String text = Files.readString(txt, StandardCharsets.UTF_8);
                Path ann = txt.resolveSibling(id + ".ann");
                List<Gold> gold = new ArrayList<>();
                if (Files.exists(ann)) {
                    for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
                        if (!line.startsWith("T")) {
                            continue;
                        }
                        String[] f = line.split("\t");
                        if (f.length < 3) {
                            continue;
                        }
                        String[] typeAndSpans = f[1].split(" ", 2);
                        if (!typeAndSpans[0].equals("Drug") || typeAndSpans[1].contains(";")) {
                            continue;
                        }
                        String[] se = typeAndSpans[1].split(" ");
                        int s = Integer.parseInt(se[0]);
                        int e = Integer.parseInt(se[1]);
                        gold.add(new Gold(s, e, EntityType.CHEMICAL, List.of()));
                    }
                }
                gold.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                        : Integer.compare(a.end(), b.end()));
                out.add(new Doc(id, text, gold, source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + txt, e);
            }
        }
        return out;
    }
}
