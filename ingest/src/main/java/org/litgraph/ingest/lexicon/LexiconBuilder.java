package org.litgraph.ingest.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.bc5cdr.PubTator;
import org.litgraph.ingest.text.Tokenizer;

/**
 * Builds the generated lexicon resources from open vocabularies in the shared data folder
 * ({@code litgraph lexicon build}; see {@code lexicon/README.md}):
 * <ul>
 * <li>{@code vocab.tsv.gz}: MeSH 2024 descriptors with all entry terms (conditions from trees C and F03,
 * drugs and chemicals from D, anatomy/organisms/procedures from A, B and E as known non-entities), Gene
 * Ontology biological processes with their is_a/part_of parents, protein-coding human genes (NCBI Gene ids)
 * with HGNC gene families as parents, and names learned from the BC5CDR <em>training</em> set;</li>
 * <li>{@code drugs/drugs.tsv.gz} and {@code drugs/drug-targets.tsv.gz} (CC BY-SA 4.0, separately licensed):
 * DrugCentral and RxNorm names and brands, merged with MeSH by cross-reference so that one drug is one entry
 * with one id, and DrugCentral's drug-&gt;target mechanism rows;</li>
 * </ul>
 * The output is deterministic: sorted rows, sorted lists, gzip without a timestamp.
 */
public final class LexiconBuilder {
    /** What a build produced (printed by {@code litgraph lexicon build}). */
    public record Stats(Map<String, Long> counts) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-58s %,12d%n", k, v)));
            return sb.toString();
        }
    }

    /** Common English words (upper-cased) that gene symbols and aliases may be only with gene context. */
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
     * MeSH D branches that are not chemicals a text names as such: macromolecular substances (D05), enzymes
     * (D08.811) and proteins (D12.776) — targets, which the gene vocabulary names — complex mixtures (D20),
     * biological factors (D23), and the specialty uses and chemical actions of D27 (D27.720, D27.888). A descriptor
     * found only there is a drug only when DrugCentral lists it (rituximab, alteplase). The pharmacologic
     * actions (D27.505: "Protein Kinase Inhibitors", "Immunosuppressive Agents") are drug classes.
     */
    static final List<String> NOT_CHEMICAL = List.of("D05", "D08.811", "D12.776", "D20", "D23", "D26.255", "D27.720",
            "D27.888");
    /** The benchmark's naming resource: names the training set prefers for an id, and names it never annotates. */
    /** GO terms no text names as such: the root and its direct children ("cellular process", "biological regulation"). */
    private static final String GO_ROOT = "GO:0008150";
    /** GO "response to chemical": its subtree names drugs as stimuli ("response to cisplatin"), not processes a text means. */
    private static final String GO_RESPONSE_TO_CHEMICAL = "GO:0042221";
    private static final Pattern REGULATION = Pattern.compile("^(?:(?:positive|negative) )?regulation of .*");
    private static final Pattern REGULATION_CUE = Pattern.compile(
            "^(?:activation|inhibition|stimulation|suppression|induction|promotion|prevention|repression|enhancement|"
                    + "attenuation|up[- ]?regulation|down[- ]?regulation|positive regulation|negative regulation|regulation)\\b.*");
    /** "T cell proliferation" as biomedical English writes a compound modifier: "T-cell proliferation". */
    private static final Pattern CELL_MODIFIER = Pattern.compile("\\b([A-Z]{1,3}|NKT?) cell (?=[a-z])");
    private static final String[][] BRITISH = {
            {"hem", "haem"}, {"edema", "oedema"}, {"esophag", "oesophag"}, {"tumor", "tumour"}, {"emia", "aemia"},
            {"leukemi", "leukaemi"}, {"anemi", "anaemi"}, {"ischemi", "ischaemi"}, {"diarrhea", "diarrhoea"},
            {"pediatric", "paediatric"}, {"estr", "oestr"}, {"fetal", "foetal"}, {"celiac", "coeliac"},
            {"sulf", "sulph"}, {"aluminum", "aluminium"}, {"cesium", "caesium"}, {"etiolog", "aetiolog"}};

    private LexiconBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("litgraph.shared", "../shared"));
        Path out = Path.of(args.length > 1 ? args[1]
                : "ingest/src/main/resources/org/litgraph/ingest/lexicon/vocab.tsv.gz");
        Stats s = build(shared, out);
        System.out.print(s);
        System.out.println("wrote " + out);
    }

    public static Stats build(Path sharedDir, Path outFile) throws IOException {
        return build(sharedDir, outFile, Integer.MAX_VALUE);
    }

    /** As {@link #build(Path, Path)}, reading at most {@code maxGenes} gene rows (tests use a slice). */
    static Stats build(Path sharedDir, Path outFile, int maxGenes) throws IOException {
        Build b = new Build(sharedDir, maxGenes, true);
        b.learn(PubTator.read(sharedDir.resolve("data/bc5cdr/CDR_TrainingSet.PubTator.txt")));
        b.resolveCollisions();
        Path drugDir = outFile.toAbsolutePath().getParent().resolve("drugs");
        Files.createDirectories(drugDir);
        long vocabBytes = writeGz(outFile, w -> b.write(w, false, d -> true));
        long drugBytes = writeGz(drugDir.resolve("drugs.tsv.gz"), w -> b.write(w, true, d -> true));
        long targetBytes = writeGz(drugDir.resolve("drug-targets.tsv.gz"), b::writeTargets);
        Map<String, Long> c = b.counts;
        c.put("bytes: vocab.tsv.gz", vocabBytes);
        c.put("bytes: drugs/drugs.tsv.gz", drugBytes);
        c.put("bytes: drugs/drug-targets.tsv.gz", targetBytes);
        b.countNames();
        return new Stats(c);
    }

    private interface WriterBody {
        void write(Writer w) throws IOException;
    }

    private static long writeGz(Path file, WriterBody body) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream os = Files.newOutputStream(file);
             GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16); // Java writes mtime 0: same bytes every build
             Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        return Files.size(file);
    }

    /** One concept (or non-entity) being built. {@code kind} is an {@link EntityKind} label or a non-entity category. */
    static final class Draft {
        final String id;
        final String kind;
        String name;
        String symbol;
        final TreeSet<String> synonyms = new TreeSet<>();
        final TreeSet<String> parents = new TreeSet<>();
        final TreeSet<String> xrefs = new TreeSet<>();
        final TreeSet<String> guarded = new TreeSet<>();
        /** Names from DrugCentral/RxNorm (written to the separately licensed drugs file, never to vocab). */
        String drugName;
        final TreeSet<String> drugSynonyms = new TreeSet<>();
        /** A MeSH pharmacologic-action class (D27.505: "Immunosuppressive Agents"). */
        boolean drugClass;
        /** The MeSH heading and its natural order, for conditions. */
        final Set<String> headings = new HashSet<>();
        final TreeSet<String> drugXrefs = new TreeSet<>();

        Draft(String id, String kind, String name) {
            this.id = id;
            this.kind = kind;
            this.name = name;
        }

        boolean entity() {
            return !Lexicon.nonEntityKind(kind);
        }

        EntityKind entityKind() {
            return EntityKind.parse(kind);
        }

        List<String> allNames() {
            List<String> out = new ArrayList<>();
            if (name != null) {
                out.add(name);
            }
            out.addAll(synonyms);
            if (drugName != null) {
                out.add(drugName);
            }
            out.addAll(drugSynonyms);
            return out;
        }

        LexiconEntry entry() {
            Set<String> syn = new TreeSet<>(synonyms);
            syn.addAll(drugSynonyms);
            String display = drugName != null ? drugName : name;
            if (name != null && !name.equals(display)) {
                syn.add(name);
            }
            syn.remove(display);
            return new LexiconEntry(id, entityKind(), display, List.copyOf(syn), List.copyOf(parents), symbol,
                    List.copyOf(xrefs), List.copyOf(guarded));
        }
    }

    /** The state of one build. */
    private static final class Build {
        final Path data;
        final int maxGenes;
        final boolean full;
        final Map<String, Long> counts = new LinkedHashMap<>();
        final Map<String, LexiconEntry> core = new LinkedHashMap<>();
        final Map<String, Draft> drafts = new TreeMap<>();
        /** Other ids of a concept (older MeSH records, DrugCentral/RxNorm ids) to the id the lexicon uses. */
        final Map<String, String> alias = new HashMap<>();
        final Map<String, String> prefer = new TreeMap<>();
        Set<String> noisy = new TreeSet<>();
        final Set<String> trainingKeys = new HashSet<>();
        final Map<String, Integer> lowerWords = new HashMap<>();
        final List<String[]> targetRows = new ArrayList<>();
        final Set<String> mesh2015 = new HashSet<>();

        Build(Path sharedDir, int maxGenes, boolean full) throws IOException {
            this.data = sharedDir.resolve("data");
            this.maxGenes = maxGenes;
            this.full = full;
            try (InputStream in = LexiconBuilder.class.getClassLoader().getResourceAsStream(Lexicon.CORE);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Lexicon.read(r, core, true);
            }
            for (String[] f : tsv(data.resolve("vocab/mesh/terms.tsv"))) {
                mesh2015.add(f[0]);
            }
            mesh();
            drugs();
            if (full) {
                words();
                go();
                genes();
                drugTargets();
            }
        }

        void count(String what, long n) {
            counts.merge(what, n, Long::sum);
        }

        // ---------------------------------------------------------------- MeSH 2024

        final Map<String, List<String>> meshTerms = new LinkedHashMap<>();
        final Map<String, String> meshPreferred = new HashMap<>();
        final Map<String, List<String>> meshTrees = new TreeMap<>();
        /** Keys of MeSH drug-tree entry terms to their descriptors (for joining drugs by name). */
        final Map<String, Set<String>> meshDrugKeys = new HashMap<>();

        void mesh() {
            for (String[] f : tsvGz(data.resolve("vocab/mesh2024/mesh2024-entry-terms.tsv.gz"))) {
                meshTerms.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
                if ("true".equals(f[3])) {
                    meshPreferred.put(f[0], f[2]);
                }
            }
            for (String[] f : tsvGz(data.resolve("vocab/mesh2024/mesh2024-tree-numbers.tsv.gz"))) {
                meshTrees.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
            }
            for (Map.Entry<String, List<String>> e : meshTrees.entrySet()) {
                if (e.getValue().stream().anyMatch(t -> t.startsWith("D"))) {
                    for (String term : meshTerms.getOrDefault(e.getKey(), List.of())) {
                        meshDrugKeys.computeIfAbsent(Tokenizer.key(term), k -> new TreeSet<>()).add(e.getKey());
                    }
                }
            }
        }

        /** MeSH trees to a kind: C and F03 are conditions; D chemicals (see {@link #NOT_CHEMICAL}); A, B, E non-entities. */
        static String meshKind(List<String> trees, boolean listedDrug) {
            boolean drug = false;
            boolean chemicalTree = false;
            String non = null;
            for (String t : trees) {
                if (t.startsWith("C") || t.startsWith("F03")) {
                    return "condition";
                }
                if (t.startsWith("D")) {
                    chemicalTree = true;
                    drug |= NOT_CHEMICAL.stream().noneMatch(t::startsWith) && !t.equals("D27")
                            && !t.equals("D27.505") && !t.equals("D27.505.519") && !t.equals("D27.505.696")
                            && !t.equals("D27.505.954");
                }
                if (non == null && t.startsWith("A")) {
                    non = "anatomy";
                } else if (non == null && t.startsWith("B")) {
                    non = "organism";
                } else if (non == null && t.startsWith("E")) {
                    non = "procedure";
                }
            }
            if (drug || chemicalTree && listedDrug) {
                return "drug";
            }
            return non;
        }

        /** MeSH descriptors become drafts; called after {@link #drugs()} has chosen which protein descriptors are drugs. */
        void meshDrafts(Set<String> listedDrugs) {
            Map<String, String> kindById = new HashMap<>();
            for (Map.Entry<String, List<String>> e : meshTrees.entrySet()) {
                String kind = meshKind(e.getValue(), listedDrugs.contains("MESH:" + e.getKey()));
                if (kind != null) {
                    kindById.put(e.getKey(), kind);
                }
            }
            Map<String, String> idByTree = new HashMap<>();
            meshTrees.forEach((id, trees) -> trees.forEach(t -> idByTree.put(t, id)));
            for (Map.Entry<String, String> k : new TreeMap<>(kindById).entrySet()) {
                String ui = k.getKey();
                String kind = k.getValue();
                String preferred = meshPreferred.get(ui);
                if (preferred == null) {
                    continue;
                }
                String natural = naturalOrder(preferred);
                Draft d = new Draft("MESH:" + ui, kind, natural != null && kind.equals("condition") ? natural : preferred);
                d.synonyms.add(preferred); // the heading as PubMed indexes it ("Lung Diseases, Interstitial")
                d.drugClass = meshTrees.get(ui).stream().anyMatch(t -> t.startsWith("D27.505."));
                d.headings.add(preferred);
                if (natural != null) {
                    d.headings.add(natural);
                }
                for (String term : meshTerms.get(ui)) {
                    if (term.length() > 80 || term.length() < 2) {
                        continue;
                    }
                    String nat = naturalOrder(term);
                    if (nat != null && !term.equals(preferred)) {
                        d.synonyms.add(nat); // "Mesylate, Imatinib" reads "Imatinib Mesylate"
                    } else {
                        d.synonyms.add(term);
                    }
                    if (nat != null && term.equals(preferred)) {
                        d.synonyms.add(nat);
                    }
                }
                if (d.entity()) {
                    for (String s : List.copyOf(d.synonyms)) {
                        for (String v : britishVariants(s)) {
                            d.synonyms.add(v);
                        }
                    }
                }
                if (kind.equals("condition")) {
                    for (String tree : meshTrees.get(ui)) {
                        int dot = tree.lastIndexOf('.');
                        if (dot > 0) {
                            String parent = idByTree.get(tree.substring(0, dot));
                            if (parent != null && !parent.equals(ui) && "condition".equals(kindById.get(parent))) {
                                d.parents.add("MESH:" + parent);
                            }
                        }
                    }
                }
                d.synonyms.remove(d.name);
                drafts.put(d.id, d);
                count("MeSH 2024 descriptors: " + kind, 1);
            }
        }

        // ---------------------------------------------------------------- DrugCentral + RxNorm

        final Map<String, String> drugIdBySource = new HashMap<>();

        void drugs() {
            Path dir = data.resolve("vocab/drugs");
            Map<String, List<String[]>> names = new TreeMap<>();
            for (String[] f : tsvGz(dir.resolve("drug-names.tsv.gz"))) {
                names.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
            Map<String, List<String[]>> xrefs = new HashMap<>();
            for (String[] f : tsvGz(dir.resolve("drug-xrefs.tsv.gz"))) {
                xrefs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
            Map<String, String> chosen = new TreeMap<>();
            Map<String, Set<String>> otherIds = new HashMap<>();
            int byXref = 0;
            int byName = 0;
            int bySupplementary = 0;
            int own = 0;
            for (Map.Entry<String, List<String[]>> e : names.entrySet()) {
                String src = e.getKey();
                String preferred = e.getValue().stream().filter(f -> f[2].equals("preferred")).map(f -> f[1]).findFirst()
                        .orElse(e.getValue().get(0)[1]);
                List<String> meshD = new ArrayList<>();
                List<String> meshC = new ArrayList<>();
                Set<String> others = new TreeSet<>();
                others.add(sourceId(src));
                for (String[] x : xrefs.getOrDefault(src, List.of())) {
                    if (x[1].equals("MESH")) {
                        (x[2].startsWith("D") && meshTrees.containsKey(x[2]) ? meshD : meshC).add(x[2]);
                    } else if (x[1].equals("RXCUI")) {
                        others.add("RXCUI:" + x[2]);
                    }
                }
                String id = null;
                if (!meshD.isEmpty()) {
                    String key = Tokenizer.key(preferred);
                    id = meshD.stream().filter(ui -> meshTerms.getOrDefault(ui, List.of()).stream()
                            .anyMatch(t -> Tokenizer.key(t).equals(key))).findFirst().orElse(meshD.get(0));
                    byXref++;
                } else {
                    // a supplementary record promoted to a descriptor since (docetaxel C067311 -> D000077143), or a
                    // drug DrugCentral gives no MeSH id: join by its name when exactly one MeSH chemical has it
                    for (String n : List.of(preferred)) {
                        Set<String> uis = meshDrugKeys.get(Tokenizer.key(n));
                        if (uis != null && uis.size() == 1) {
                            id = uis.iterator().next();
                            byName++;
                        }
                    }
                    if (id == null && !meshC.isEmpty()) {
                        id = meshC.get(0);
                        bySupplementary++;
                    }
                }
                meshD.forEach(ui -> others.add("MESH:" + ui));
                meshC.forEach(ui -> others.add("MESH:" + ui));
                String finalId;
                if (id == null) {
                    finalId = sourceId(src);
                    own++;
                } else {
                    finalId = "MESH:" + id;
                }
                others.remove(finalId);
                chosen.put(src, finalId);
                otherIds.computeIfAbsent(finalId, k -> new TreeSet<>()).addAll(others);
            }
            Set<String> listed = new HashSet<>(chosen.values());
            meshDrafts(listed);
            for (Map.Entry<String, List<String[]>> e : names.entrySet()) {
                String id = chosen.get(e.getKey());
                drugIdBySource.put(sourceId(e.getKey()), id);
                Draft d = drafts.get(id);
                if (d == null) {
                    d = new Draft(id, "drug", null);
                    drafts.put(id, d);
                } else if (!d.kind.equals("drug")) {
                    // a MeSH condition or non-entity with a drug's name: the drug keeps its own id
                    id = sourceId(e.getKey());
                    chosen.put(e.getKey(), id);
                    drugIdBySource.put(sourceId(e.getKey()), id);
                    d = drafts.computeIfAbsent(id, k -> new Draft(k, "drug", null));
                }
                for (String[] f : e.getValue()) {
                    String n = f[1].strip();
                    if (n.length() < 2) {
                        continue;
                    }
                    if (f[2].equals("preferred") && d.drugName == null) {
                        d.drugName = n;
                    } else if (f[2].equals("brand")) {
                        if (usableBrand(n)) {
                            d.drugSynonyms.add(n);
                            count("DrugCentral/RxNorm brand names kept", 1);
                        } else {
                            count("DrugCentral/RxNorm brand names refused (short or a word)", 1);
                        }
                    } else {
                        d.drugSynonyms.add(n);
                    }
                }
                for (String other : otherIds.getOrDefault(chosen.get(e.getKey()), Set.of())) {
                    if (other.startsWith("MESH:")) {
                        d.drugXrefs.add(other);
                        alias.putIfAbsent(other, d.id);
                    } else {
                        d.drugXrefs.add(other);
                    }
                }
                d.drugXrefs.add(sourceId(e.getKey()));
                d.drugXrefs.remove(d.id);
            }
            count("DrugCentral/RxNorm concepts read", names.size());
            count("drugs joined to MeSH by a MeSH descriptor xref", byXref);
            count("drugs joined to a MeSH descriptor by name (no descriptor xref)", byName);
            count("drugs with a MeSH supplementary (C) id", bySupplementary);
            count("drugs with their own DRUGCENTRAL:/RXCUI: id", own);
        }

        static String sourceId(String src) {
            return src.startsWith("DrugCentral:") ? "DRUGCENTRAL:" + src.substring("DrugCentral:".length()) : src;
        }

        boolean usableBrand(String n) {
            if (n.length() <= 3) {
                return false;
            }
            String lower = n.toLowerCase(Locale.ROOT);
            return !COMMON.contains(n.toUpperCase(Locale.ROOT)) && !(lowerWords.getOrDefault(lower, 0) >= 3
                    && lower.chars().allMatch(Character::isLetter));
        }

        void drugTargets() {
            Map<String, String> geneBySymbol = new HashMap<>();
            for (Draft d : drafts.values()) {
                if (d.kind.equals("target") && d.symbol != null && d.id.startsWith("NCBIGene:")) {
                    geneBySymbol.put(d.symbol, d.id);
                }
            }
            Set<String> seen = new HashSet<>();
            int skipped = 0;
            for (String[] f : tsvGz(data.resolve("vocab/drugs/drug-targets.tsv.gz"))) {
                String drug = drugIdBySource.get(sourceId(f[0]));
                String gene = geneBySymbol.get(f[2]);
                boolean human = f[5].isEmpty() || f[5].equals("Homo sapiens");
                if (drug == null || gene == null || !human) {
                    skipped++;
                    continue;
                }
                String predicate = predicate(f[4]);
                if (seen.add(drug + "\t" + predicate + "\t" + gene + "\t" + f[4])) {
                    targetRows.add(new String[] {drug, predicate, gene, f[2], "DrugCentral", f[4], f[6], f[1]});
                }
            }
            targetRows.sort((a, b) -> String.join("\t", a).compareTo(String.join("\t", b)));
            count("drug->target rows skipped (non-human or unknown gene)", skipped);
        }

        /** DrugCentral's action to the graph's predicate: inhibitors and blockers inhibit, agonists activate, others bind. */
        static String predicate(String action) {
            return switch (action) {
                case "inhibitor", "antagonist", "blocker", "negative modulator", "negative allosteric modulator",
                        "inverse agonist", "allosteric antagonist" -> "INHIBITS";
                case "agonist", "partial agonist", "activator", "positive allosteric modulator", "positive modulator",
                        "opener" -> "ACTIVATES";
                default -> "BINDS";
            };
        }

        void writeTargets(Writer w) throws IOException {
            w.write("# litgraph drug->target statements from DrugCentral (CC BY-SA 4.0, see README.md): "
                    + "drug_id, predicate, target_id, target_symbol, source, action, mechanism_of_action, drug_name\n");
            long written = 0;
            for (String[] r : targetRows) {
                if (drafts.containsKey(r[0]) && drafts.containsKey(r[2])) {
                    w.write(String.join("\t", r) + "\n");
                    written++;
                }
            }
            count("drug->target rows written (both ids in the lexicon)", written);
        }

        // ---------------------------------------------------------------- words

        /** Lower-case words of the training corpora (BC5CDR and BioRED training sets), to tell symbols that are words. */
        void words() throws IOException {
            for (Path p : List.of(data.resolve("bc5cdr/CDR_TrainingSet.PubTator.txt"), data.resolve("biored/Train.PubTator"))) {
                if (!Files.exists(p)) {
                    continue;
                }
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        int bar = line.indexOf('|');
                        if (bar < 0 || line.length() < bar + 3 || line.charAt(bar + 2) != '|') {
                            continue;
                        }
                        for (String w : line.substring(bar + 3).split("[^A-Za-z]+")) {
                            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
                                lowerWords.merge(w, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }

        boolean word(String s) {
            String lower = s.toLowerCase(Locale.ROOT);
            return COMMON.contains(s.toUpperCase(Locale.ROOT)) || lowerWords.getOrDefault(lower, 0) >= 2;
        }

        // ---------------------------------------------------------------- GO

        void go() {
            Path dir = data.resolve("vocab/go");
            Map<String, String> names = new TreeMap<>();
            for (String[] f : tsv(dir.resolve("go-bp-terms.tsv"))) {
                names.put(f[0], f[1]);
            }
            Map<String, List<String>> synonyms = new HashMap<>();
            for (String[] f : tsv(dir.resolve("go-bp-synonyms.tsv"))) {
                if (f.length > 2 && f[2].equals("0")) {
                    synonyms.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
                }
            }
            Map<String, List<String>> parents = new HashMap<>();
            Map<String, List<String>> isaChildren = new HashMap<>();
            for (String[] f : tsv(dir.resolve("go-bp-isa.tsv"))) {
                if (f[2].equals("is_a") || f[2].equals("part_of")) {
                    parents.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
                }
                if (f[2].equals("is_a")) {
                    isaChildren.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]);
                }
            }
            Set<String> excluded = new HashSet<>(descendants(isaChildren, GO_RESPONSE_TO_CHEMICAL));
            excluded.add(GO_ROOT);
            excluded.addAll(isaChildren.getOrDefault(GO_ROOT, List.of()));
            int regulation = 0;
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (REGULATION.matcher(e.getValue()).matches()) {
                    excluded.add(e.getKey());
                    regulation++;
                }
            }
            // heads: a single-word name that heads many GO names is too general to match alone ("growth", "transport")
            Map<String, Integer> heads = new HashMap<>();
            for (Map.Entry<String, String> e : names.entrySet()) {
                String h = Lexicon.head(e.getValue());
                if (h != null) {
                    heads.merge(h, 1, Integer::sum);
                }
            }
            int generic = 0;
            int syn = 0;
            int refused = 0;
            for (Map.Entry<String, String> e : names.entrySet()) {
                String id = e.getKey();
                String name = e.getValue();
                if (excluded.contains(id)) {
                    continue;
                }
                if (generic(name, heads)) {
                    excluded.add(id);
                    generic++;
                    continue;
                }
                Draft d = new Draft(id, "process", displayProcessName(name));
                if (!d.name.equals(name)) {
                    d.synonyms.add(name);
                }
                boolean ownCue = REGULATION_CUE.matcher(name).matches() || name.contains("activation")
                        || name.contains("inhibition") || name.contains("induction") || name.contains("suppression");
                for (String s : synonyms.getOrDefault(id, List.of())) {
                    String lower = s.toLowerCase(Locale.ROOT);
                    if (s.length() > 80 || s.length() <= 3 || EntityRecognizer.isAbbreviation(s) || generic(s, heads)
                            || REGULATION_CUE.matcher(lower).matches() && !ownCue) {
                        refused++;
                        continue;
                    }
                    d.synonyms.add(s);
                    syn++;
                }
                drafts.put(id, d);
            }
            for (Draft d : drafts.values()) {
                if (d.kind.equals("process")) {
                    for (String p : parents.getOrDefault(d.id, List.of())) {
                        if (!excluded.contains(p) && names.containsKey(p)) {
                            d.parents.add(p);
                        }
                    }
                }
            }
            count("GO biological processes kept", names.size() - excluded.size());
            count("GO terms left out: regulation-of terms", regulation);
            count("GO terms left out: response-to-chemical subtree, root and its children",
                    excluded.size() - regulation - generic);
            count("GO terms left out: one general word (growth, transport)", generic);
            count("GO synonyms kept", syn);
            count("GO synonyms refused (abbreviation, short, general, regulation wording)", refused);
        }

        static boolean generic(String name, Map<String, Integer> heads) {
            List<org.litgraph.ingest.text.Token> t = Tokenizer.tokens(name);
            return t.size() == 1 && heads.getOrDefault(t.get(0).term(), 0) >= 30;
        }

        static String displayProcessName(String name) {
            return CELL_MODIFIER.matcher(name).replaceAll("$1-cell ");
        }

        static Set<String> descendants(Map<String, List<String>> children, String root) {
            Set<String> out = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
            while (!queue.isEmpty()) {
                String c = queue.poll();
                if (out.add(c)) {
                    queue.addAll(children.getOrDefault(c, List.of()));
                }
            }
            return out;
        }

        // ---------------------------------------------------------------- genes and HGNC families

        void genes() {
            List<String[]> rows = new ArrayList<>();
            int read = 0;
            for (String[] f : tsv(data.resolve("vocab/genes/human_genes_symbols_aliases.tsv"))) {
                if (read++ >= maxGenes) {
                    break;
                }
                if (f.length >= 5 && "protein-coding".equals(f[3])) {
                    rows.add(f);
                }
            }
            Map<String, Set<String>> genesByAlias = new HashMap<>();
            Set<String> symbols = new HashSet<>();
            for (String[] f : rows) {
                symbols.add(f[1]);
                for (String a : f[4].split("\\|")) {
                    if (!a.isBlank()) {
                        genesByAlias.computeIfAbsent(a.strip(), k -> new TreeSet<>()).add(f[0]);
                    }
                }
            }
            int dropped = 0;
            for (String[] f : rows) {
                String id = "NCBIGene:" + f[0];
                Draft d = new Draft(id, "target", f[1]);
                d.symbol = f[1];
                if (!f[2].isBlank()) {
                    d.synonyms.add(f[2]);
                }
                for (String a : f[4].split("\\|")) {
                    String alias = a.strip();
                    if (alias.isEmpty() || alias.equals(f[1])) {
                        continue;
                    }
                    if (alias.length() < 2 || alias.length() > 60 || alias.chars().allMatch(c -> Character.isDigit(c) || c == '-')
                            || symbols.contains(alias) || genesByAlias.get(alias).size() > 1 || !shapedLikeGeneName(alias)) {
                        dropped++; // too short, another gene's symbol or alias, or a lower-case word
                        continue;
                    }
                    d.synonyms.add(alias);
                }
                for (String n : d.allNames()) {
                    if (needsContext(n)) {
                        d.guarded.add(n);
                    }
                }
                drafts.put(id, d);
            }
            count("protein-coding human genes (NCBI Gene ids)", rows.size());
            count("gene aliases refused (short, shared by genes, words)", dropped);
            families(rows);
        }

        /** Lower-case words and short mixed-case words are no gene names ("was", "Nov"); descriptive names are. */
        static boolean shapedLikeGeneName(String a) {
            boolean upper = a.chars().anyMatch(Character::isUpperCase);
            boolean digit = a.chars().anyMatch(Character::isDigit);
            boolean lower = a.chars().anyMatch(Character::isLowerCase);
            if (!upper && !digit) {
                return a.contains(" ") && a.length() >= 8;
            }
            return !(lower && !digit && a.length() <= 5 && !a.contains(" "));
        }

        /** A gene name that is short, an English word or a common abbreviation grounds text only with gene context. */
        boolean needsContext(String n) {
            if (n.contains(" ")) {
                return false;
            }
            String letters = n.replaceAll("[^A-Za-z0-9]", "");
            if (letters.length() <= 3) {
                return true;
            }
            boolean alpha = n.chars().allMatch(Character::isLetter);
            return alpha && n.length() <= 6 && word(n);
        }

        void families(List<String[]> geneRows) {
            Path dir = data.resolve("vocab/hgnc");
            Map<String, String[]> family = new TreeMap<>();
            for (String[] f : csv(dir.resolve("family.csv"))) {
                family.put(f[0], f);
            }
            Map<String, Set<String>> childFamilies = new HashMap<>();
            Map<String, Set<String>> parentFamilies = new HashMap<>();
            for (String[] f : csv(dir.resolve("hierarchy.csv"))) {
                childFamilies.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]);
                parentFamilies.computeIfAbsent(f[1], k -> new TreeSet<>()).add(f[0]);
            }
            Map<String, Set<String>> familiesOfGene = new HashMap<>();
            for (String[] f : tsv(dir.resolve("gene-families.tsv"))) {
                if (f.length > 4 && !f[4].isBlank()) {
                    familiesOfGene.computeIfAbsent("NCBIGene:" + f[4], k -> new TreeSet<>()).add(f[0]);
                }
            }
            Set<String> used = new TreeSet<>();
            Map<String, List<String>> children = mapOfLists(childFamilies);
            Map<String, Set<String>> below = new HashMap<>();
            int links = 0;
            for (Map.Entry<String, Set<String>> g : familiesOfGene.entrySet()) {
                Draft gene = drafts.get(g.getKey());
                if (gene == null) {
                    continue;
                }
                for (String fam : g.getValue()) {
                    // the gene's most specific families: none of its sub-families also holds the gene
                    Set<String> under = below.computeIfAbsent(fam, f -> {
                        Set<String> all = descendants(children, f);
                        all.remove(f);
                        return all;
                    });
                    if (under.stream().noneMatch(g.getValue()::contains)) {
                        gene.parents.add("HGNC.FAMILY:" + fam);
                        links++;
                    }
                }
                used.addAll(g.getValue());
            }
            ArrayDeque<String> queue = new ArrayDeque<>(used);
            while (!queue.isEmpty()) {
                for (String p : parentFamilies.getOrDefault(queue.poll(), Set.of())) {
                    if (used.add(p)) {
                        queue.add(p);
                    }
                }
            }
            Set<String> geneSymbols = new HashSet<>();
            geneRows.forEach(f -> geneSymbols.add(f[1]));
            for (String fam : used) {
                String[] f = family.get(fam);
                if (f == null || f[2].isBlank()) {
                    continue;
                }
                Draft d = new Draft("HGNC.FAMILY:" + fam, "target", f[2].strip());
                String abbr = f[1].strip();
                if (abbr.length() >= 4 && !geneSymbols.contains(abbr) && !word(abbr) && !abbr.contains(",")) {
                    d.synonyms.add(abbr);
                }
                for (String p : parentFamilies.getOrDefault(fam, Set.of())) {
                    d.parents.add("HGNC.FAMILY:" + p);
                }
                drafts.put(d.id, d);
            }
            count("HGNC gene families", used.size());
            count("gene -> HGNC family links (most specific families)", links);
        }

        static Map<String, List<String>> mapOfLists(Map<String, Set<String>> m) {
            Map<String, List<String>> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
            return out;
        }

        // ---------------------------------------------------------------- BC5CDR training names

        /** Names learned from BC5CDR training documents, then names that mostly match unannotated text dropped. */
        void learn(List<PubTator.Doc> training) {
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
            trainingKeys.addAll(idsByKey.keySet());
            int learnedSynonyms = 0;
            int learnedConcepts = 0;
            int promoted = 0;
            Map<String, String> learnedKeyToId = new HashMap<>();
            for (String key : new TreeSet<>(idsByKey.keySet())) {
                Map<String, Integer> counts = idsByKey.get(key);
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                Map.Entry<String, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
                if (top.getKey().equals("-") || top.getValue() * 4 < total * 3) {
                    continue;
                }
                String meshId = top.getKey();
                String surface = mostFrequent(surfaceById.get(meshId), key);
                // an abbreviation seen in only one document is that document's own definition; short
                // abbreviations (K, SE, RA) are left to the abbreviations each document defines
                if (EntityRecognizer.isAbbreviation(surface) && (docsByKey.get(key).getOrDefault(meshId, 0) < 2
                        || surface.replaceAll("[^A-Za-z0-9]", "").length() <= 2)
                        || surface.length() <= 2) {
                    continue;
                }
                String id = lexiconId("MESH:" + meshId, surfaceById.get(meshId));
                if (!id.equals("MESH:" + meshId) && alias.putIfAbsent("MESH:" + meshId, id) == null) {
                    promoted++;
                }
                Draft d = drafts.get(id);
                if (d == null) {
                    if (core.containsKey(id)) {
                        d = new Draft(id, core.get(id).kind().toString(), core.get(id).name());
                    } else {
                        String best = mostFrequent(surfaceById.get(meshId), null);
                        d = new Draft(id, "Disease".equals(typeById.get(meshId)) ? "condition" : "drug", best);
                        learnedConcepts++;
                    }
                    drafts.put(id, d);
                } else if (!d.entity()) {
                    continue;
                }
                if (!id.equals("MESH:" + meshId)) {
                    d.xrefs.add("MESH:" + meshId);
                }
                learnedKeyToId.put(key, id);
                if ((d.name == null || !Tokenizer.key(d.name).equals(key)) && d.synonyms.add(surface)) {
                    learnedSynonyms++;
                }
            }
            // a synonym the training set consistently grounds elsewhere is removed from the other concepts
            for (Draft d : drafts.values()) {
                if (d.kind.equals("drug") || d.kind.equals("condition")) {
                    d.synonyms.removeIf(s -> {
                        String owner = learnedKeyToId.get(Tokenizer.key(s));
                        return owner != null && !owner.equals(d.id);
                    });
                    d.drugSynonyms.removeIf(s -> {
                        String owner = learnedKeyToId.get(Tokenizer.key(s));
                        return owner != null && !owner.equals(d.id);
                    });
                }
            }
            prefer.putAll(learnedKeyToId);
            noisy = noisyNames(training);
            int droppedNames = dropNames(noisy);
            count("BC5CDR training: synonyms learned", learnedSynonyms);
            count("BC5CDR training: concepts learned (MeSH ids not otherwise known)", learnedConcepts);
            count("BC5CDR training: supplementary ids mapped to a newer descriptor", promoted);
            count("BC5CDR training: noisy names dropped", droppedNames);
        }

        /**
         * The lexicon's id for a MeSH id the training set uses: itself when known, the concept it is an older record of
         * (DrugCentral's cross-references), or the one MeSH 2024 chemical descriptor created after 2015 that carries the
         * training set's name for it (a supplementary record promoted to a descriptor).
         */
        String lexiconId(String meshId, Map<String, Integer> surfaces) {
            if (drafts.containsKey(meshId)) {
                return meshId;
            }
            if (alias.containsKey(meshId)) {
                return alias.get(meshId);
            }
            Set<String> found = new TreeSet<>();
            for (String s : surfaces.keySet()) {
                for (String ui : meshDrugKeys.getOrDefault(Tokenizer.key(s), Set.of())) {
                    if (!mesh2015.contains(ui) && drafts.containsKey("MESH:" + ui)) {
                        found.add("MESH:" + ui);
                    }
                }
            }
            return found.size() == 1 ? found.iterator().next() : meshId;
        }

        /** Names whose matches in the training text are mostly not annotated there (at least 2 wrong, under 30% right). */
        Set<String> noisyNames(List<PubTator.Doc> training) {
            List<LexiconEntry> entries = new ArrayList<>();
            for (LexiconEntry e : core.values()) {
                if ((e.kind() == EntityKind.DRUG || e.kind() == EntityKind.CONDITION) && !drafts.containsKey(e.id())) {
                    entries.add(e);
                }
            }
            for (Draft d : drafts.values()) {
                if (!d.kind.equals("drug") && !d.kind.equals("condition")) {
                    continue;
                }
                LexiconEntry c = core.get(d.id);
                LexiconEntry e = d.entry();
                if (c != null) {
                    List<String> syn = new ArrayList<>(e.synonyms());
                    syn.addAll(c.synonyms());
                    syn.add(e.name());
                    e = new LexiconEntry(d.id, e.kind(), c.name(), syn, List.of(), null);
                }
                entries.add(e);
            }
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
            Set<String> out = new TreeSet<>();
            byKey.forEach((k, c) -> {
                if (c[1] >= 2 && c[0] * 10 < (c[0] + c[1]) * 3) {
                    out.add(k);
                }
            });
            return out;
        }

        /**
         * Drops names the training set shows to be mostly unannotated matches from the graph's lexicon too, except
         * where the benchmark's conventions differ from the graph's needs: drug-class names ("immunosuppressive agents",
         * which the graph keeps as classes) and a condition's own MeSH heading ("Pericardial Effusion").
         */
        int dropNames(Set<String> allNoisy) {
            int dropped = 0;
            for (var it = drafts.values().iterator(); it.hasNext(); ) {
                Draft d = it.next();
                if (!d.kind.equals("drug") && !d.kind.equals("condition") || d.drugClass) {
                    continue;
                }
                Set<String> keep = new HashSet<>();
                for (String h : d.headings) {
                    if (h.contains(" ")) {
                        keep.add(Tokenizer.key(h));
                    }
                }
                java.util.function.Predicate<String> noisyName = s -> {
                    String k = Tokenizer.key(s);
                    return allNoisy.contains(k) && !keep.contains(k);
                };
                Set<String> noisy = new java.util.AbstractSet<>() {
                    @Override
                    public boolean contains(Object o) {
                        return allNoisy.contains(o) && !keep.contains(o);
                    }

                    @Override
                    public java.util.Iterator<String> iterator() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public int size() {
                        throw new UnsupportedOperationException();
                    }
                };
                int before = d.synonyms.size() + d.drugSynonyms.size();
                d.synonyms.removeIf(noisyName);
                d.drugSynonyms.removeIf(noisyName);
                dropped += before - d.synonyms.size() - d.drugSynonyms.size();
                if (d.name != null && noisy.contains(Tokenizer.key(d.name)) && !core.containsKey(d.id)) {
                    if (!d.synonyms.isEmpty()) {
                        d.name = d.synonyms.first();
                        d.synonyms.remove(d.name);
                    } else if (d.drugName == null && d.drugSynonyms.isEmpty()) {
                        it.remove();
                    } else {
                        d.name = null;
                    }
                    dropped++;
                }
                if (d.drugName != null && noisy.contains(Tokenizer.key(d.drugName)) && !core.containsKey(d.id)) {
                    dropped++;
                    d.drugName = null;
                    if (d.name == null && d.drugSynonyms.isEmpty() && d.synonyms.isEmpty()) {
                        it.remove();
                    }
                }
            }
            return dropped;
        }

        // ---------------------------------------------------------------- collisions

        /**
         * One name, one kind of concept: curated names win everywhere; a process, gene or family name that is also a
         * drug or condition name is dropped from the process or gene (a gene symbol that is also a non-entity word is
         * guarded instead); a non-entity name that is an entity's name is dropped; a gene alias shared by genes is
         * dropped (done when reading genes).
         */
        void resolveCollisions() {
            Map<String, String> coreOwner = new HashMap<>();
            for (LexiconEntry e : core.values()) {
                for (String n : Lexicon.names(e)) {
                    coreOwner.putIfAbsent(Tokenizer.key(n), e.id());
                }
            }
            Map<String, Integer> ranks = new HashMap<>(); // key -> bit set of the ranks naming it
            Map<String, String> keyCache = new HashMap<>();
            for (Draft d : drafts.values()) {
                int bit = 1 << rank(d.kind);
                for (String n : d.allNames()) {
                    ranks.merge(key(keyCache, n), bit, (a, b) -> a | b);
                }
            }
            // the initials of condition names ("chronic myeloid leukemia" -> CML): as gene aliases they are read
            // in text as the disease's short form far more often than as the gene
            Set<String> conditionInitials = new HashSet<>();
            for (Draft d : drafts.values()) {
                if (d.kind.equals("condition")) {
                    for (String n : d.allNames()) {
                        String ini = initials(n);
                        if (ini != null) {
                            conditionInitials.add(ini);
                        }
                    }
                }
            }
            int dropped = 0;
            int initialsDropped = 0;
            int guardedByWord = 0;
            for (var it = drafts.values().iterator(); it.hasNext(); ) {
                Draft d = it.next();
                int rank = rank(d.kind);
                java.util.function.Predicate<String> loses = n -> {
                    String k = key(keyCache, n);
                    String owner = coreOwner.get(k);
                    if (owner != null && !owner.equals(d.id)) {
                        return true;
                    }
                    int bits = ranks.getOrDefault(k, 0);
                    return (bits & ((1 << rank) - 1)) != 0; // a stronger concept has it
                };
                int before = d.synonyms.size() + d.drugSynonyms.size();
                d.synonyms.removeIf(loses);
                d.drugSynonyms.removeIf(n -> {
                    String owner = coreOwner.get(key(keyCache, n));
                    return owner != null && !owner.equals(d.id);
                });
                dropped += before - d.synonyms.size() - d.drugSynonyms.size();
                if (d.kind.equals("target")) {
                    // a gene alias the BC5CDR training set annotates as a chemical or disease ("ALL", "CML") is no
                    // name of the gene
                    int b = d.synonyms.size();
                    d.synonyms.removeIf(n -> trainingKeys.contains(key(keyCache, n)));
                    dropped += b - d.synonyms.size();
                    int c = d.synonyms.size();
                    d.synonyms.removeIf(n -> n.length() >= 2 && n.length() <= 6 && n.equals(n.toUpperCase(Locale.ROOT))
                            && conditionInitials.contains(n));
                    initialsDropped += c - d.synonyms.size();
                    if (d.name != null && trainingKeys.contains(key(keyCache, d.name))) {
                        d.guarded.add(d.name);
                    }
                    // a gene symbol that is also a non-entity word ("Cats") needs gene context
                    for (String n : d.allNames()) {
                        if ((ranks.getOrDefault(key(keyCache, n), 0) & (1 << 4)) != 0 && !n.contains(" ") && d.guarded.add(n)) {
                            guardedByWord++;
                        }
                    }
                    if (d.name != null && loses.test(d.name)) {
                        if (d.id.startsWith("HGNC.FAMILY:")) {
                            d.name = d.name + " (gene family)"; // kept for the hierarchy, not matched
                        } else {
                            // the symbol names another concept: the gene is named by its full name instead
                            String full = d.synonyms.stream().filter(x -> x.contains(" ")).findFirst().orElse(null);
                            if (full == null) {
                                it.remove();
                                continue;
                            }
                            d.name = full;
                            d.synonyms.remove(full);
                        }
                    }
                    d.guarded.retainAll(d.allNames());
                } else if (rank > 1 && d.name != null && loses.test(d.name)) {
                    if (d.synonyms.isEmpty()) {
                        it.remove();
                        dropped++;
                        continue;
                    }
                    d.name = d.synonyms.first();
                    d.synonyms.remove(d.name);
                }
            }
            count("names dropped for naming a higher-ranked concept", dropped);
            count("gene names guarded for being a non-entity word too", guardedByWord);
            count("gene aliases dropped for being the initials of a condition name (CML, ALL)", initialsDropped);
        }

        private static String key(Map<String, String> cache, String n) {
            return cache.computeIfAbsent(n, Tokenizer::key);
        }

        /** Lower ranks win a shared name: drugs and conditions, then processes, genes and families, then non-entities. */
        static int rank(String kind) {
            return switch (kind) {
                case "drug", "condition" -> 1;
                case "process" -> 2;
                case "target" -> 3;
                default -> 4;
            };
        }

        // ---------------------------------------------------------------- output

        void countNames() {
            Map<String, Long> byKind = new TreeMap<>();
            for (Draft d : drafts.values()) {
                byKind.merge(d.kind, (long) d.allNames().size(), Long::sum);
                count("entries: " + d.kind, 1);
            }
            byKind.forEach((k, v) -> count("names: " + k, v));
            long guarded = drafts.values().stream().mapToLong(d -> d.guarded.size()).sum();
            count("names that need gene context (guarded)", guarded);
        }

        /** Writes the vocab rows ({@code drugFile} false: MeSH, GO, genes, learned) or the DrugCentral/RxNorm rows. */
        void write(Writer w, boolean drugFile, java.util.function.Predicate<Draft> which) throws IOException {
            if (drugFile) {
                w.write("# litgraph drug names from DrugCentral and RxNorm (CC BY-SA 4.0, see README.md), generated by "
                        + "LexiconBuilder: id, kind, name, synonyms, parents, symbol, xrefs\n");
            } else {
                w.write("# litgraph generated lexicon (LexiconBuilder; MeSH 2024, GO, NCBI genes, HGNC families, BC5CDR "
                        + "training names): id, kind, name, synonyms, parents, symbol, xrefs, guarded, (note), keys\n");
            }
            // the normalised keys of each row's names, so that loading need not analyse 200,000 names again
            w.write("#keys\t" + Tokenizer.key(Lexicon.KEY_PROBE) + "\n");
            for (Draft d : drafts.values()) {
                if (!which.test(d)) {
                    continue;
                }
                if (drugFile) {
                    if (d.drugName == null && d.drugSynonyms.isEmpty()) {
                        continue;
                    }
                    String name = d.drugName != null ? d.drugName : d.drugSynonyms.first();
                    TreeSet<String> syn = new TreeSet<>(d.drugSynonyms);
                    syn.remove(name);
                    w.write(d.id + "\tdrug\t" + clean(name) + "\t" + join(syn) + "\t\t\t" + join(d.drugXrefs) + "\t\t\t"
                            + keys(name, syn) + "\n");
                } else {
                    if (d.name == null) {
                        if (d.synonyms.isEmpty()) {
                            continue;
                        }
                        d.name = d.synonyms.first();
                    }
                    d.synonyms.remove(d.name);
                    w.write(d.id + "\t" + d.kind + "\t" + clean(d.name) + "\t" + join(d.synonyms) + "\t" + join(d.parents)
                            + "\t" + (d.symbol == null ? "" : d.symbol) + "\t" + join(d.xrefs) + "\t" + join(d.guarded) + "\t\t"
                            + keys(d.name, d.synonyms) + "\n");
                }
            }
        }
    }

    static String predicate(String action) {
        return Build.predicate(action);
    }

    static String displayProcessName(String name) {
        return Build.displayProcessName(name);
    }

    /** British spellings of a name ("haemorrhage", "oedema", "tumour"), lower-cased. */
    static List<String> britishVariants(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String all = n;
        for (String[] b : BRITISH) {
            if (all.contains(b[0]) && !all.contains(b[1])) {
                all = all.replace(b[0], b[1]);
            }
        }
        return all.equals(n) ? List.of() : List.of(all);
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

    private static final Set<String> INITIALS_SKIP = Set.of("of", "and", "the", "in", "to", "with", "or", "due", "by", "for");

    /** The upper-case initials of a name of 2 to 6 words ("Acute Lymphoblastic Leukemia" -> ALL), else null. */
    static String initials(String name) {
        String[] words = name.split("[\\s\\-/,]+");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty() || INITIALS_SKIP.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Character.isLetter(w.charAt(0))) {
                return null;
            }
            sb.append(Character.toUpperCase(w.charAt(0)));
        }
        return sb.length() >= 2 && sb.length() <= 6 ? sb.toString() : null;
    }

    static boolean usableGeneAlias(String a) {
        return a.length() > 2 && !COMMON.contains(a.toUpperCase(Locale.ROOT)) && Build.shapedLikeGeneName(a)
                && !a.chars().allMatch(c -> Character.isDigit(c) || c == '-');
    }

    /** "Lung Diseases, Interstitial" reads naturally as "Interstitial Lung Diseases". */
    static String naturalOrder(String name) {
        if (!name.contains(", ") || name.matches(".*\\d,\\s*\\d.*") || name.contains("(")) {
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

    /** The normalised keys of a row's name and synonyms, in the order {@link Lexicon} reads them back. */
    private static String keys(String name, Collection<String> synonyms) {
        StringBuilder sb = new StringBuilder(Tokenizer.key(clean(name)));
        for (String s : synonyms) {
            String c = clean(s);
            if (!c.isEmpty()) {
                sb.append('|').append(Tokenizer.key(c));
            }
        }
        return sb.toString();
    }

    private static String join(Collection<String> items) {
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
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return rows(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String[]> tsvGz(Path file) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
            return rows(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String[]> rows(BufferedReader r) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String line = r.readLine(); // header
        while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** Rows of a quoted CSV file (header skipped); fields may hold commas and doubled quotes inside quotes. */
    private static List<String[]> csv(Path file) {
        List<String[]> out = new ArrayList<>();
        List<String> all = lines(file);
        for (String line : all.subList(1, all.size())) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            out.add(fields.stream().map(x -> x.equals("NULL") ? "" : x).toArray(String[]::new));
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
