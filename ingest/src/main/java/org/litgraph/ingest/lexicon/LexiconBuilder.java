package org.litgraph.ingest.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.bc5cdr.PubTator;
import org.litgraph.ingest.text.Tokenizer;

/**
 * Builds the generated lexicon resource {@code vocab.tsv.gz} from open vocabularies in the shared
 * data folder: MeSH 2015 descriptors (conditions: trees C and F03; drugs and chemicals: tree D),
 * protein-coding human genes (targets) and names learned from the BC5CDR <em>training</em> set
 * (never the development set). Names that the training set shows to be mostly wrong matches are
 * left out. The output is deterministic: sorted rows, sorted lists, gzip with a fixed header.
 *
 * <pre>mvn -q -o -pl ingest -am compile exec... (see lexicon/README.md)</pre>
 */
public final class LexiconBuilder {
    /** What a build produced. */
    public record Stats(int drugs, int conditions, int targets, int learnedSynonyms, int learnedConcepts,
                        int droppedNames, int droppedGeneAliases, long bytes) {
    }

    /** Common English words (upper-cased) that gene symbols and aliases must not be. */
    private static final Set<String> COMMON = Set.of(
            "A", "AN", "AND", "ARE", "AS", "AT", "BE", "BUT", "BY", "CAN", "CAT", "DID", "DO", "FOR", "FROM", "GET",
            "HAD", "HAS", "HE", "HER", "HIM", "HIS", "HOW", "IF", "IN", "INTO", "IS", "IT", "ITS", "LET", "MAY",
            "ME", "MY", "NO", "NOR", "NOT", "NOW", "OF", "OFF", "ON", "ONE", "OR", "OUR", "OUT", "PER", "SET",
            "SHE", "SO", "THAN", "THE", "THEM", "THEN", "THEY", "THIS", "TO", "TWO", "UP", "US", "WAS", "WE",
            "WERE", "WHO", "WHY", "WITH", "YES", "YET", "YOU", "MAP", "CELL", "AIM", "ACT", "AGE", "AID", "ALL",
            "ARM", "ART", "BAD", "BED", "BIG", "BOX", "CAP", "CAR", "COIL", "CUT", "DAY", "END", "EYE", "FAT",
            "FIT", "GAP", "GAS", "HIT", "HOT", "KIT", "LAB", "LAG", "LED", "LOW", "MAN", "MET", "MIX", "NET",
            "NEW", "OLD", "PAN", "PIG", "POT", "RAN", "RAT", "RED", "SAD", "SAW", "SEX", "SIT", "SKI", "SON",
            "SUN", "TAN", "TEN", "TOP", "WAR", "WAY", "WET", "WIN", "ZIP", "DOSE", "BEST", "CAMP", "CAST", "CHIP",
            "CLIP", "COPE", "CORE", "DEAF", "DRAG", "DRAM", "EDIT", "FAST", "FAME", "GAIN", "HOLE", "HOPE",
            "IMPACT", "JAM", "KEY", "LIMB", "MASK", "MICE", "MARK", "NEAR", "PALM", "PAST", "PIGS", "RING",
            "ROCK", "SAFE", "SHOT", "SIGN", "SLUG", "SNAIL", "SPIN", "SPOT", "STAR", "STOP", "TANK", "TIP",
            "TRAP", "TUB", "WARS", "WNT", "MAX", "MIN", "TRIP", "LARGE", "SPRY", "HELP", "CLOCK", "GRIP");

    /**
     * MeSH D branches that name roles, proteins and mixtures rather than chemicals a text means
     * (pharmacologic actions, enzymes, proteins, macromolecular substances, complex mixtures); a
     * descriptor found only there is no drug.
     */
    private static final List<String> NOT_CHEMICAL = List.of("D27", "D08.811", "D12.776", "D05", "D20", "D23");
    /** The benchmark's naming resource: names the training set prefers for an id, and names it never annotates. */
    static final String BC5CDR_NAMES = "org/litgraph/ingest/bc5cdr/names.tsv";

    private LexiconBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("litgraph.shared", "../shared"));
        Path out = Path.of(args.length > 1 ? args[1]
                : "ingest/src/main/resources/org/litgraph/ingest/lexicon/vocab.tsv.gz");
        Stats s = build(shared, out);
        System.out.println("wrote " + out + ": " + s);
    }

    public static Stats build(Path sharedDir, Path outFile) throws IOException {
        return build(sharedDir, outFile, Integer.MAX_VALUE);
    }

    /** The BC5CDR-facing part of a build: MeSH chemicals and diseases plus names learned from training documents. */
    public record Benchmark(Lexicon lexicon, Map<String, String> prefer, Set<String> block) {
    }

    /**
     * Builds in memory what {@link #build} would ship for chemicals and diseases, but learning names only from
     * {@code training} (a subset of the BC5CDR training set): for honest cross-validation inside the training set.
     */
    public static Benchmark benchmark(Path sharedDir, List<PubTator.Doc> training) throws IOException {
        Learned l = learn(sharedDir, training);
        java.io.StringWriter tsv = new java.io.StringWriter();
        write(l.drafts, tsv);
        Lexicon lexicon = Lexicon.withGenerated(new BufferedReader(new java.io.StringReader(tsv.toString())));
        return new Benchmark(lexicon, new TreeMap<>(l.prefer), new TreeSet<>(l.noisy));
    }

    private record Learned(Map<String, Draft> drafts, Map<String, LexiconEntry> core, Map<String, String> prefer,
                           Set<String> noisy, Set<String> trainingKeys, int drugs, int conditions, int learnedSynonyms,
                           int learnedConcepts, int droppedNames) {
    }

    /** As {@link #build(Path, Path)}, reading at most {@code maxGenes} gene rows (tests use a slice). */
    static Stats build(Path sharedDir, Path outFile, int maxGenes) throws IOException {
        Path data = sharedDir.resolve("data");
        Learned l = learn(sharedDir, PubTator.read(data.resolve("bc5cdr/CDR_TrainingSet.PubTator.txt")));
        writeBenchmarkNames(outFile, l.prefer, l.noisy);
        Map<String, Draft> drafts = l.drafts;
        Map<String, LexiconEntry> core = l.core;

        // 4. protein-coding genes
        Set<String> protectedKeys = new HashSet<>();
        for (Draft d : drafts.values()) {
            protectedKeys.add(Tokenizer.key(d.name));
            d.synonyms.forEach(s -> protectedKeys.add(Tokenizer.key(s)));
        }
        for (LexiconEntry e : core.values()) {
            if (e.kind() != EntityKind.TARGET) {
                Lexicon.names(e).forEach(n -> protectedKeys.add(Tokenizer.key(n)));
            }
        }
        protectedKeys.addAll(l.trainingKeys);
        Map<String, String> coreTargetBySymbol = new HashMap<>();
        for (LexiconEntry e : core.values()) {
            if (e.kind() == EntityKind.TARGET && e.symbol() != null) {
                coreTargetBySymbol.put(e.symbol(), e.id());
            }
        }
        int targets = 0;
        int droppedAliases = 0;
        int rows = 0;
        for (String[] f : tsv(data.resolve("vocab/genes/human_genes_symbols_aliases.tsv"))) {
            if (rows++ >= maxGenes) {
                break;
            }
            if (f.length < 5 || !"protein-coding".equals(f[3])) {
                continue;
            }
            String symbol = f[1];
            String id = coreTargetBySymbol.getOrDefault(symbol, "NCBIGene:" + f[0]);
            Draft d = new Draft(id, EntityKind.TARGET, core.containsKey(id) ? core.get(id).name() : f[2]);
            d.symbol = symbol;
            List<String> names = new ArrayList<>();
            names.add(symbol);
            if (!f[4].isBlank()) {
                names.addAll(List.of(f[4].split("\\|")));
            }
            if (!core.containsKey(id) && protectedKeys.contains(Tokenizer.key(f[2]))) {
                d.name = symbol;
            }
            for (String alias : names) {
                String a = alias.strip();
                if (a.isEmpty() || a.equals(d.name)) {
                    continue;
                }
                if (usableGeneAlias(a) && !protectedKeys.contains(Tokenizer.key(a))) {
                    d.synonyms.add(a);
                } else {
                    droppedAliases++;
                }
            }
            if (!usableGeneAlias(d.name) && d.name.equals(symbol)) {
                continue; // a bare, ambiguous symbol is no name to ground text by
            }
            drafts.put(id, d);
            targets++;
        }

        long bytes = write(drafts, outFile);
        return new Stats(l.drugs, l.conditions, targets, l.learnedSynonyms, l.learnedConcepts, l.droppedNames, droppedAliases, bytes);
    }

    /** Steps 1-3 of a build: MeSH descriptors, names learned from {@code training}, noisy names dropped. */
    private static Learned learn(Path sharedDir, List<PubTator.Doc> training) throws IOException {
        Path data = sharedDir.resolve("data");
        Map<String, Draft> drafts = new TreeMap<>();
        Map<String, LexiconEntry> core = new LinkedHashMap<>();
        try (InputStream in = LexiconBuilder.class.getClassLoader().getResourceAsStream(Lexicon.CORE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Lexicon.read(r, core, true);
        }

        // 1. MeSH descriptors with their tree numbers
        Map<String, String> meshName = new HashMap<>();
        for (String[] f : tsv(data.resolve("vocab/mesh/terms.tsv"))) {
            meshName.put(f[0], f[1]);
        }
        Map<String, List<String>> trees = new TreeMap<>();
        Map<String, String> idByTree = new HashMap<>();
        for (String[] f : tsv(data.resolve("vocab/mesh/tree-numbers.tsv"))) {
            trees.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
            idByTree.put(f[2], f[0]);
            meshName.putIfAbsent(f[0], f[1]);
        }
        int drugs = 0;
        int conditions = 0;
        for (Map.Entry<String, List<String>> e : trees.entrySet()) {
            EntityKind kind = meshKind(e.getValue());
            if (kind == null) {
                continue;
            }
            String name = meshName.get(e.getKey());
            Draft d = new Draft("MESH:" + e.getKey(), kind, name);
            String natural = naturalOrder(name);
            if (natural != null) {
                d.synonyms.add(natural);
            }
            if (kind == EntityKind.CONDITION) {
                conditions++;
                for (String tree : e.getValue()) {
                    int dot = tree.lastIndexOf('.');
                    if (dot > 0) {
                        String parent = idByTree.get(tree.substring(0, dot));
                        if (parent != null && !parent.equals(e.getKey()) && meshKind(trees.get(parent)) == EntityKind.CONDITION) {
                            d.parents.add("MESH:" + parent);
                        }
                    }
                }
            } else {
                drugs++;
            }
            drafts.put(d.id, d);
        }

        // 2. names learned from the BC5CDR training set: mention text -> the one id it is annotated with
        Map<String, Map<String, Integer>> idsByKey = new HashMap<>();
        Map<String, Map<String, Integer>> docsByKey = new HashMap<>();
        Map<String, Map<String, Integer>> surfaceById = new HashMap<>();
        Map<String, String> typeById = new HashMap<>();
        for (PubTator.Doc doc : training) {
            Set<String> seen = new HashSet<>();
            for (PubTator.Annotation a : doc.annotations()) {
                String key = Tokenizer.key(a.text());
                if (key.isEmpty()) {
                    continue;
                }
                String id = a.ids().size() == 1 && !a.ids().get(0).equals("-1") ? a.ids().get(0) : "-";
                idsByKey.computeIfAbsent(key, k -> new TreeMap<>()).merge(id, 1, Integer::sum);
                if (seen.add(key + "\t" + id)) {
                    docsByKey.computeIfAbsent(key, k -> new TreeMap<>()).merge(id, 1, Integer::sum);
                }
                if (!id.equals("-")) {
                    surfaceById.computeIfAbsent(id, k -> new TreeMap<>()).merge(a.text(), 1, Integer::sum);
                    typeById.putIfAbsent(id, a.type());
                }
            }
        }
        int learnedSynonyms = 0;
        int learnedConcepts = 0;
        Map<String, String> learnedKeyToId = new HashMap<>();
        for (String key : new TreeSet<>(idsByKey.keySet())) {
            Map<String, Integer> counts = idsByKey.get(key);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            Map.Entry<String, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (top.getKey().equals("-") || top.getValue() * 4 < total * 3) {
                continue;
            }
            String meshId = top.getKey();
            String id = "MESH:" + meshId;
            // the surface most often written for this key
            String surface = mostFrequent(surfaceById.get(meshId), key);
            // an abbreviation seen in only one document is that document's own definition
            if (EntityRecognizer.isAbbreviation(surface) && docsByKey.get(key).getOrDefault(meshId, 0) < 2
                    || surface.length() <= 2 && !EntityRecognizer.isAbbreviation(surface)) {
                continue;
            }
            Draft d = drafts.get(id);
            if (d == null) {
                if (core.containsKey(id)) {
                    d = new Draft(id, core.get(id).kind(), core.get(id).name());
                } else {
                    String best = mostFrequent(surfaceById.get(meshId), null);
                    d = new Draft(id, "Disease".equals(typeById.get(meshId)) ? EntityKind.CONDITION : EntityKind.DRUG, best);
                    learnedConcepts++;
                }
                drafts.put(id, d);
            }
            learnedKeyToId.put(key, id);
            if (!Tokenizer.key(d.name).equals(key) && d.synonyms.add(surface)) {
                learnedSynonyms++;
            }
        }
        // a synonym the training set consistently grounds elsewhere is removed from the other concepts
        for (Draft d : drafts.values()) {
            d.synonyms.removeIf(s -> {
                String owner = learnedKeyToId.get(Tokenizer.key(s));
                return owner != null && !owner.equals(d.id);
            });
        }

        // 3. names that mostly match where the training set annotates nothing
        Set<String> noisy = noisyNames(drafts, core, training);
        int droppedNames = dropNames(drafts, core, noisy);
        return new Learned(drafts, core, learnedKeyToId, noisy, idsByKey.keySet(), drugs, conditions, learnedSynonyms,
                learnedConcepts, droppedNames);
    }

    /** The most frequent surface (first in sort order on ties), optionally only those with this key. */
    private static String mostFrequent(Map<String, Integer> surfaces, String key) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> s : surfaces.entrySet()) { // a TreeMap: sorted, deterministic
            if ((key == null || Tokenizer.key(s.getKey()).equals(key)) && s.getValue() > bestCount) {
                best = s.getKey();
                bestCount = s.getValue();
            }
        }
        return best == null ? key : best;
    }

    static boolean usableGeneAlias(String a) {
        if (a.length() <= 2 || COMMON.contains(a.toUpperCase(Locale.ROOT))) {
            return false;
        }
        boolean upper = a.chars().anyMatch(Character::isUpperCase);
        boolean digit = a.chars().anyMatch(Character::isDigit);
        boolean lower = a.chars().anyMatch(Character::isLowerCase);
        if (!upper && !digit) {
            return a.contains(" ") && a.length() >= 8; // a descriptive multi-word name
        }
        if (lower && !digit && a.length() <= 5) {
            return false; // "Was", "Nov": words more than genes
        }
        return Tokenizer.tokens(a).size() > 0 && !a.chars().allMatch(c -> Character.isDigit(c) || c == '-');
    }

    /** MeSH trees to a kind: C and F03 are conditions, D is drugs and chemicals; others are left out. */
    static EntityKind meshKind(List<String> trees) {
        if (trees == null) {
            return null;
        }
        boolean drug = false;
        for (String t : trees) {
            if (t.startsWith("C") || t.startsWith("F03")) {
                return EntityKind.CONDITION;
            }
            drug |= t.startsWith("D") && NOT_CHEMICAL.stream().noneMatch(t::startsWith);
        }
        return drug ? EntityKind.DRUG : null;
    }

    /** "Lung Diseases, Interstitial" reads naturally as "Interstitial Lung Diseases". */
    static String naturalOrder(String name) {
        if (!name.contains(", ") || name.matches(".*\\d,\\s*\\d.*")) {
            return null;
        }
        String[] parts = name.split(",\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = parts.length - 1; i >= 1; i--) {
            sb.append(parts[i]).append(' ');
        }
        sb.append(parts[0]);
        return sb.toString();
    }

    /** Writes the benchmark naming resource next to the resources folder of {@code vocabFile}, sorted. */
    private static void writeBenchmarkNames(Path vocabFile, Map<String, String> prefer, Set<String> block) throws IOException {
        Path resources = vocabFile.toAbsolutePath().getParent();
        for (int i = 0; i < 4 && resources != null; i++) {
            resources = resources.getParent(); // .../resources/org/litgraph/ingest/lexicon -> .../resources
        }
        if (resources == null) {
            return;
        }
        Path out = resources.resolve(BC5CDR_NAMES);
        Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder("# BC5CDR naming learned from the training set by LexiconBuilder: prefer <key> <id> | block <key>\n");
        new TreeMap<>(prefer).forEach((k, id) -> sb.append("prefer\t").append(k).append('\t').append(id).append('\n'));
        new TreeSet<>(block).forEach(k -> sb.append("block\t").append(k).append('\n'));
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }

    private static int dropNames(Map<String, Draft> drafts, Map<String, LexiconEntry> core, Set<String> noisy) {
        int dropped = 0;
        for (var it = drafts.values().iterator(); it.hasNext(); ) {
            Draft d = it.next();
            int before = d.synonyms.size();
            d.synonyms.removeIf(s -> noisy.contains(Tokenizer.key(s)));
            dropped += before - d.synonyms.size();
            if (noisy.contains(Tokenizer.key(d.name)) && !core.containsKey(d.id)) {
                if (d.synonyms.isEmpty()) {
                    it.remove();
                } else {
                    d.name = d.synonyms.first();
                    d.synonyms.remove(d.name);
                }
                dropped++;
            }
        }
        return dropped;
    }

    /** Names whose matches in the training text are mostly not annotated there (at least 2 wrong, under 30% right). */
    private static Set<String> noisyNames(Map<String, Draft> drafts, Map<String, LexiconEntry> core, List<PubTator.Doc> training) {
        List<LexiconEntry> entries = new ArrayList<>();
        for (LexiconEntry e : core.values()) {
            if (e.id().startsWith("MESH:") && !drafts.containsKey(e.id())) {
                entries.add(e);
            }
        }
        for (Draft d : drafts.values()) {
            LexiconEntry c = core.get(d.id);
            if (c != null) {
                List<String> syn = new ArrayList<>(d.synonyms);
                syn.addAll(c.synonyms());
                syn.add(d.name);
                entries.add(new LexiconEntry(d.id, d.kind, c.name(), syn, List.of(), null));
            } else {
                entries.add(d.entry());
            }
        }
        entries.removeIf(e -> e.kind() != EntityKind.DRUG && e.kind() != EntityKind.CONDITION);
        EntityRecognizer recognizer = new EntityRecognizer(Lexicon.of(entries));
        Map<String, int[]> byKey = new HashMap<>(); // key -> {right, wrong}
        for (PubTator.Doc doc : training) {
            String text = doc.text();
            Map<Long, String> gold = new HashMap<>();
            for (PubTator.Annotation a : doc.annotations()) {
                gold.put(((long) a.start() << 32) | a.end(), a.type());
            }
            for (Mention m : recognizer.find(text, 0, text.length(), Map.of())) {
                String type = gold.get(((long) m.start() << 32) | m.end());
                String want = m.entry().kind() == EntityKind.DRUG ? "Chemical" : "Disease";
                int[] c = byKey.computeIfAbsent(Tokenizer.key(m.surface()), k -> new int[2]);
                c[want.equals(type) ? 0 : 1]++;
            }
        }
        Set<String> noisy = new HashSet<>();
        byKey.forEach((k, c) -> {
            if (c[1] >= 2 && c[0] * 10 < (c[0] + c[1]) * 3) {
                noisy.add(k);
            }
        });
        return noisy;
    }

    private static long write(Map<String, Draft> drafts, Path outFile) throws IOException {
        if (outFile.getParent() != null) {
            Files.createDirectories(outFile.getParent());
        }
        try (OutputStream os = Files.newOutputStream(outFile);
             GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16); // Java writes mtime 0: same bytes every build
             Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            write(drafts, w);
        }
        return Files.size(outFile);
    }

    private static void write(Map<String, Draft> drafts, Writer w) throws IOException {
        {
            w.write("# litgraph generated lexicon (LexiconBuilder): id, kind, name, synonyms, parents, symbol\n");
            for (Draft d : drafts.values()) {
                d.synonyms.remove(d.name);
                w.write(d.id + "\t" + d.kind + "\t" + clean(d.name) + "\t" + join(d.synonyms) + "\t" + join(d.parents)
                        + "\t" + (d.symbol == null ? "" : d.symbol) + "\n");
            }
        }
    }

    private static String join(Set<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            String c = clean(s);
            if (c.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('|', '/').strip();
    }

    private static List<String[]> tsv(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    private static final class Draft {
        final String id;
        final EntityKind kind;
        String name;
        String symbol;
        final TreeSet<String> synonyms = new TreeSet<>();
        final TreeSet<String> parents = new TreeSet<>();

        Draft(String id, EntityKind kind, String name) {
            this.id = id;
            this.kind = kind;
            this.name = name;
        }

        LexiconEntry entry() {
            return new LexiconEntry(id, kind, name, List.copyOf(synonyms), List.copyOf(parents), symbol);
        }
    }
}
