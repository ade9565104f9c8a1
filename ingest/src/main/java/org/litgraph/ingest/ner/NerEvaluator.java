package org.litgraph.ingest.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.ner.NerCorpus.Doc;
import org.litgraph.ingest.ner.NerCorpus.Gold;
import org.litgraph.ingest.ner.NerCorpus.Source;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * Scores the {@link MentionFinder} on the development splits, per type: mentions of the tagger
 * alone (exact span and type), mentions after lexicon, abbreviations and grounding, and concepts
 * (per document, the set of ids of a type: MeSH ids without the {@code MESH:} prefix, Entrez ids
 * without {@code NCBIGene:}; gold "-1" and litgraph's own {@code LG:} ids, which no corpus can
 * hold, are left out, as BC5CDR's evaluation leaves out "-1").
 *
 * <pre>java ... org.litgraph.ingest.ner.NerEvaluator SHARED_DIR [--corpus bc5cdr|biored|phee|all]
 *     [--model FILE] [--policy taggerMin,dictionaryMin,shortMin] [--tune] [--errors FILE] [--lexicon DIR]</pre>
 */
public final class NerEvaluator {
    private static final EnumSet<EntityType> SCORED = EnumSet.of(EntityType.CHEMICAL, EntityType.DISEASE, EntityType.GENE);

    /** tp, fp, fn per row name. */
    record Table(Map<String, int[]> rows) {
        Table() {
            this(new LinkedHashMap<>());
        }

        int[] row(String name) {
            return rows.computeIfAbsent(name, k -> new int[3]);
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-34s %6s %6s %6s %7s %7s %7s%n", "", "TP", "FP", "FN", "P", "R", "F");
            rows.forEach((k, c) -> out.printf(Locale.ROOT, "%-34s %6d %6d %6d %7.4f %7.4f %7.4f%n", k, c[0], c[1], c[2],
                    TaggerTrainer.p(c), TaggerTrainer.r(c), TaggerTrainer.f1(c)));
        }
    }

    private NerEvaluator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: NerEvaluator SHARED_DIR [--corpus bc5cdr|biored|phee|all] [--model FILE] "
                    + "[--policy taggerMin,dictionaryMin,shortMin] [--tune]");
            System.exit(2);
        }
        Path shared = Path.of(args[0]);
        String corpus = "all";
        Path model = null;
        MentionFinder.Policy policy = MentionFinder.Policy.defaults();
        boolean tune = false;
        Path errors = null;
        Path lexiconDir = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = args[++i];
                case "--model" -> model = Path.of(args[++i]);
                case "--policy" -> {
                    String[] p = args[++i].split(",");
                    policy = new MentionFinder.Policy(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                            Double.parseDouble(p[2]), true);
                }
                case "--tune" -> tune = true;
                case "--errors" -> errors = Path.of(args[++i]);
                case "--lexicon" -> lexiconDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        MentionFinder finder;
        DictionaryMatcher matcher = lexiconDir == null ? new DictionaryMatcher(Lexicon.defaultLexicon())
                : LexiconFiles.read(lexiconDir).matcher();
        if (model == null) {
            finder = MentionFinder.load(matcher, policy);
        } else {
            try (InputStream in = Files.newInputStream(model)) {
                finder = new MentionFinder(matcher, TaggerModel.read(in), policy);
            }
        }
        System.out.printf(Locale.ROOT, "loaded lexicon and tagger in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<Source> sources = corpus.equals("all") ? List.of(Source.values())
                : List.of(Source.valueOf(corpus.toUpperCase(Locale.ROOT)));
        for (Source s : sources) {
            List<Doc> dev = NerCorpus.read(shared, s, false);
            if (errors != null) {
                try (PrintStream out = new PrintStream(Files.newOutputStream(errors.resolveSibling(errors.getFileName() + "."
                        + s.name().toLowerCase(Locale.ROOT))), true, java.nio.charset.StandardCharsets.UTF_8)) {
                    errors(finder, s, dev, out);
                }
            }
            if (tune) {
                tune(finder, s, dev, System.out);
            } else {
                System.out.printf(Locale.ROOT, "%s development set, %d documents, policy %s%n", s, dev.size(), finder.policy());
                evaluate(finder, s, dev, true).print(System.out);
            }
        }
    }

    /** A small grid over the lexicon thresholds; prints concept and mention F per type. */
    static void tune(MentionFinder base, Source s, List<Doc> dev, PrintStream out) {
        double[] dict = {0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.01};
        double[] shortMin = {0.1, 0.3, 0.5, 0.7, 1.01};
        out.printf(Locale.ROOT, "%s development set: F by policy (dictionaryMin, shortMin)%n", s);
        for (double d : dict) {
            for (double sm : shortMin) {
                if (sm < d) {
                    continue;
                }
                MentionFinder f = base.withPolicy(new MentionFinder.Policy(base.policy().taggerMin(), d, sm, true));
                Table t = evaluate(f, s, dev, false);
                StringBuilder sb = new StringBuilder();
                t.rows().forEach((k, c) -> sb.append(String.format(Locale.ROOT, " %s %.4f;", k, TaggerTrainer.f1(c))));
                out.printf(Locale.ROOT, "  dict %.2f short %.2f:%s%n", d, sm, sb);
            }
        }
    }

    /** Lists, per document, missed and spurious mentions and concepts (error analysis on the development split). */
    static void errors(MentionFinder finder, Source s, List<Doc> dev, PrintStream out) {
        for (Doc d : dev) {
            String text = d.text();
            DocumentContext ctx = finder.context(text);
            List<FoundMention> found = new ArrayList<>();
            for (Sentence sentence : SentenceSplitter.split(text)) {
                found.addAll(finder.find(text, sentence.start(), sentence.end(), ctx));
            }
            for (EntityType type : s.types()) {
                if (!SCORED.contains(type)) {
                    continue;
                }
                Map<String, Gold> gold = new LinkedHashMap<>();
                Map<String, String> goldNames = new LinkedHashMap<>();
                for (Gold g : d.mentions()) {
                    if (g.type() == type) {
                        gold.put(g.start() + ":" + g.end(), g);
                        for (String id : g.ids()) {
                            goldNames.merge(id, text.substring(g.start(), g.end()), (a, b) -> a.contains(b) ? a : a + "|" + b);
                        }
                    }
                }
                Map<String, FoundMention> pred = new LinkedHashMap<>();
                Map<String, String> predNames = new LinkedHashMap<>();
                for (FoundMention m : found) {
                    if (m.type() == type) {
                        pred.put(m.start() + ":" + m.end(), m);
                        for (String id : m.ids()) {
                            String b = bare(id);
                            predNames.merge(b == null ? id : b, m.text(), (a, x) -> a.contains(x) ? a : a + "|" + x);
                        }
                    }
                }
                for (var e : gold.entrySet()) {
                    if (!pred.containsKey(e.getKey())) {
                        Gold g = e.getValue();
                        FoundMention overlap = null;
                        for (FoundMention m : found) {
                            if (m.start() < g.end() && m.end() > g.start()) {
                                overlap = m;
                            }
                        }
                        out.printf("%s\t%s\tFN-MENTION\t%s\t%s%n", d.id(), type.label(), text.substring(g.start(), g.end()),
                                overlap == null ? "-" : overlap.type().label() + ":" + overlap.text() + ":" + overlap.source());
                    }
                }
                for (var e : pred.entrySet()) {
                    if (!gold.containsKey(e.getKey())) {
                        FoundMention m = e.getValue();
                        out.printf("%s\t%s\tFP-MENTION\t%s\t%s\t%.2f%n", d.id(), type.label(), m.text(), m.source(), m.score());
                    }
                }
                if (s == Source.PHEE) {
                    continue;
                }
                for (var e : goldNames.entrySet()) {
                    if (!e.getKey().equals("-1") && !predNames.containsKey(e.getKey())) {
                        // what was predicted at the gold mentions of the missed concept
                        String why = "NONE";
                        for (Gold g : gold.values()) {
                            if (!g.ids().contains(e.getKey())) {
                                continue;
                            }
                            for (FoundMention m : found) {
                                if (m.start() == g.start() && m.end() == g.end()) {
                                    why = m.type() == type ? "WRONG-ID " + m.ids() : "WRONG-TYPE " + m.type().label();
                                } else if (m.start() < g.end() && m.end() > g.start() && why.equals("NONE")) {
                                    why = "OVERLAP " + m.type().label() + ":" + m.text() + " " + m.ids();
                                }
                            }
                        }
                        out.printf("%s\t%s\tFN-CONCEPT\t%s\t%s\t%s%n", d.id(), type.label(), e.getKey(), e.getValue(), why);
                    }
                }
                for (var e : predNames.entrySet()) {
                    if (!e.getKey().startsWith("LG:") && !goldNames.containsKey(e.getKey())) {
                        out.printf("%s\t%s\tFP-CONCEPT\t%s\t%s%n", d.id(), type.label(), e.getKey(), e.getValue());
                    }
                }
            }
        }
    }

    static Table evaluate(MentionFinder finder, Source s, List<Doc> dev, boolean withTagger) {
        Table table = new Table();
        List<EntityType> types = new ArrayList<>();
        for (EntityType t : s.types()) {
            if (SCORED.contains(t)) {
                types.add(t);
            }
        }
        for (Doc d : dev) {
            String text = d.text();
            DocumentContext ctx = finder.context(text);
            List<FoundMention> found = new ArrayList<>();
            List<FoundMention> tagged = new ArrayList<>();
            for (Sentence sentence : SentenceSplitter.split(text)) {
                if (withTagger) {
                    tagged.addAll(finder.tag(text, sentence.start(), sentence.end(), ctx));
                }
                found.addAll(finder.find(text, sentence.start(), sentence.end(), ctx));
            }
            for (EntityType type : types) {
                Set<String> gold = new HashSet<>();
                Set<String> goldIds = new HashSet<>();
                for (Gold g : d.mentions()) {
                    if (g.type() == type) {
                        gold.add(g.start() + ":" + g.end());
                        for (String id : g.ids()) {
                            if (!id.equals("-1") && !id.isBlank()) {
                                goldIds.add(id);
                            }
                        }
                    }
                }
                if (withTagger) {
                    count(table.row("tagger mention  " + type.label()), gold, spans(tagged, type));
                }
                count(table.row("mention  " + type.label()), gold, spans(found, type));
                if (s != Source.PHEE) {
                    Set<String> ids = new HashSet<>();
                    for (FoundMention m : found) {
                        if (m.type() == type) {
                            for (String id : m.ids()) {
                                String bare = bare(id);
                                if (bare != null) {
                                    ids.add(bare);
                                }
                            }
                        }
                    }
                    count(table.row("concept  " + type.label()), goldIds, ids);
                }
            }
        }
        return table;
    }

    /** The corpus form of a litgraph id, or null for ids no corpus holds ({@code LG:}). */
    static String bare(String id) {
        if (id.startsWith("LG:")) {
            return null;
        }
        if (id.startsWith("MESH:")) {
            return id.substring(5);
        }
        if (id.startsWith("NCBIGene:")) {
            return id.substring(9);
        }
        return id;
    }

    private static Set<String> spans(List<FoundMention> ms, EntityType type) {
        Set<String> out = new HashSet<>();
        for (FoundMention m : ms) {
            if (m.type() == type) {
                out.add(m.start() + ":" + m.end());
            }
        }
        return out;
    }

    private static void count(int[] c, Set<String> gold, Set<String> predicted) {
        for (String p : predicted) {
            if (gold.contains(p)) {
                c[0]++;
            } else {
                c[1]++;
            }
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                c[2]++;
            }
        }
    }
}
