package org.litgraph.ingest.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.text.Token;
import org.litgraph.ingest.text.Tokenizer;

/**
 * The names litgraph grounds text to. Loaded from TSV resources (columns: id, kind, name, synonyms,
 * parents, symbol, xrefs, guarded names, note; lists separated by {@code |}): the hand-curated
 * {@code lexicon/core.tsv} first, then the generated {@code lexicon/drugs/drugs.tsv.gz} (DrugCentral and
 * RxNorm names, separately licensed) and {@code lexicon/vocab.tsv.gz} (MeSH, GO, genes, HGNC families),
 * both built by {@code litgraph lexicon build}. Rows with the same id merge: a curated name wins, otherwise
 * the first name loaded; synonyms, parents and xrefs are united.
 *
 * <p>Rows whose kind is {@code anatomy}, {@code organism} or {@code procedure} are known non-entities (MeSH
 * trees A, B and E): the recogniser matches them only to keep their words from being read as entities
 * ("glucose tolerance test" is no drug; "Mycobacterium tuberculosis" is an organism, not the disease).
 */
public final class Lexicon {
    static final String CORE = "org/litgraph/ingest/lexicon/core.tsv";
    static final String GENERATED = "org/litgraph/ingest/lexicon/vocab.tsv.gz";
    static final String DRUGS = "org/litgraph/ingest/lexicon/drugs/drugs.tsv.gz";
    /** Prefix of processes composed from an anatomical phrase and a process noun ("alveolar epithelial cell repair"). */
    static final String COMPOSED_PROCESS = "LG:process/";
    private static volatile Lexicon defaultLexicon;

    /** A known non-entity (anatomy, organism, procedure): its id and category. */
    record NonEntity(String id, String category) {
    }

    private final Map<String, LexiconEntry> byId;
    private final Map<String, String> idByXref = new HashMap<>();
    private final LexiconEntry[] entries;
    private final List<NonEntity> nonEntities;
    private final NameIndex index = new NameIndex();
    private final Set<Integer> processHeads = new HashSet<>();
    private final Map<String, LexiconEntry> composed = new ConcurrentHashMap<>();

    /**
     * A probe whose normalised key the generated resources record in their {@code #keys} line: when this analyser
     * still gives the same key, the precomputed keys in the resources are used instead of analysing every name again.
     */
    static final String KEY_PROBE = "Imatinib's T-cell Opacities, Haemorrhage/ALL-1 caf\u00e9 3.5 mg";

    private Lexicon(Map<String, LexiconEntry> byId, Map<NonEntity, List<String>> nonEntityNames) {
        this(byId, nonEntityNames, Map.of());
    }

    private Lexicon(Map<String, LexiconEntry> byId, Map<NonEntity, List<String>> nonEntityNames, Map<String, String> keys) {
        this.byId = Collections.unmodifiableMap(byId);
        this.entries = byId.values().toArray(new LexiconEntry[0]);
        Map<String, Integer> headCounts = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            LexiconEntry e = entries[i];
            Set<String> guarded = e.guarded().isEmpty() ? Set.of() : new HashSet<>(e.guarded());
            for (String name : names(e)) {
                List<String> terms = terms(name, keys);
                index.add(terms, i, EntityRecognizer.isAbbreviation(name) ? EntityRecognizer.letters(name) : null,
                        guarded.contains(name));
            }
            for (String x : e.xrefs()) {
                idByXref.putIfAbsent(x, e.id());
            }
            if (e.kind() == EntityKind.PROCESS && e.id().startsWith("GO:")) {
                String head = head(e.name());
                if (head != null) {
                    headCounts.merge(head, 1, Integer::sum);
                }
            }
        }
        List<NonEntity> non = new ArrayList<>(nonEntityNames.keySet());
        for (int i = 0; i < non.size(); i++) {
            for (String name : nonEntityNames.get(non.get(i))) {
                index.add(terms(name, keys), -1 - i, null, false);
            }
        }
        this.nonEntities = List.copyOf(non);
        // nouns that head at least three GO process names ("proliferation", "repair", "migration") and name no
        // concept themselves can head a composed process after an anatomical phrase
        headCounts.forEach((head, n) -> {
            int term = index.term(head);
            if (n >= 3 && term >= 0 && !GENERIC_HEADS.contains(head) && lookup(head).isEmpty()) {
                processHeads.add(term);
            }
        });
        index.trim();
    }

    /** Process heads too general to name a process after an anatomical phrase. */
    private static final Set<String> GENERIC_HEADS = Set.of("process", "pathway", "cascade", "activity", "regulation",
            "response", "signaling", "signalling", "transport", "localization", "organization", "assembly", "binding",
            "import", "export", "entry", "maintenance", "formation", "involution", "behavior", "metabolism",
            "biosynthesis", "catabolism", "modification", "clearance", "uptake");

    /** The head noun of a GO process name: the last term before "of", "in", "by", "to", "via" or a comma. */
    static String head(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int cut = n.length();
        for (String sep : new String[] {" of ", " in ", " by ", " to ", " via ", " involved ", " from ", " during ", ","}) {
            int at = n.indexOf(sep);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        List<Token> tokens = Tokenizer.tokens(n.substring(0, cut));
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).term();
    }

    private static List<String> terms(String name, Map<String, String> keys) {
        String key = keys.get(name);
        if (key == null) {
            return terms(name);
        }
        return key.isEmpty() ? List.of() : List.of(key.split(" "));
    }

    private static List<String> terms(String name) {
        List<Token> tokens = Tokenizer.tokens(name);
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.term());
        }
        return out;
    }

    /** The lexicon shipped with litgraph (loaded once, shared). */
    public static Lexicon defaultLexicon() {
        Lexicon l = defaultLexicon;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = defaultLexicon;
                if (l == null) {
                    Loader loader = new Loader();
                    loader.resource(CORE, true);
                    loader.resource(DRUGS, false);
                    loader.resource(GENERATED, false);
                    l = loader.lexicon();
                    defaultLexicon = l;
                }
            }
        }
        return l;
    }

    /** The curated core and shipped drugs plus the given generated rows instead of the shipped {@code vocab.tsv.gz} (cross-validation). */
    static Lexicon withGenerated(BufferedReader generated) throws IOException {
        Loader loader = new Loader();
        loader.resource(CORE, true);
        loader.resource(DRUGS, false);
        loader.read(generated, false);
        return loader.lexicon();
    }

    /** A lexicon of just these entries (tests, custom vocabularies). */
    public static Lexicon of(Collection<LexiconEntry> entries) {
        Map<String, LexiconEntry> map = new LinkedHashMap<>();
        for (LexiconEntry e : entries) {
            merge(map, e, true);
        }
        return new Lexicon(map, Map.of());
    }

    public Optional<LexiconEntry> get(String id) {
        LexiconEntry e = byId.get(id);
        if (e == null && id.startsWith(COMPOSED_PROCESS)) {
            e = composed.get(id);
            if (e == null) {
                e = composeProcess(List.of(id.substring(COMPOSED_PROCESS.length()).split("-")));
            }
        }
        return Optional.ofNullable(e);
    }

    /** The entry with this id, or whose cross-references include it (an older MeSH record, a DrugCentral id). */
    public Optional<LexiconEntry> getByIdOrXref(String id) {
        LexiconEntry e = byId.get(id);
        if (e == null && idByXref.containsKey(id)) {
            e = byId.get(idByXref.get(id));
        }
        return Optional.ofNullable(e);
    }

    public Collection<LexiconEntry> entries() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** How many names (including non-entity names) the index holds. */
    public int names() {
        return index.size();
    }

    /** Ids whose name or a synonym normalises to the same terms as {@code name}. */
    public List<String> lookup(String name) {
        List<String> cached = lookups.get(name);
        if (cached != null) {
            return cached;
        }
        List<String> ids = List.copyOf(lookupUncached(name));
        if (lookups.size() > 50_000) {
            lookups.clear();
        }
        lookups.put(name, ids);
        return ids;
    }

    private final Map<String, List<String>> lookups = new ConcurrentHashMap<>();

    private List<String> lookupUncached(String name) {
        int node = index.walk(terms(name));
        if (node < 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(1);
        for (int t = index.first(node); t >= 0; t = index.next(t)) {
            int ref = index.ref(t);
            if (ref >= 0 && !ids.contains(entries[ref].id())) {
                ids.add(entries[ref].id());
            }
        }
        return ids;
    }

    /** The first entry of the wanted kind a name resolves to ("Gleevec" resolves to imatinib). */
    public Optional<LexiconEntry> resolve(String name, EntityKind kind) {
        for (String id : lookup(name)) {
            LexiconEntry e = byId.get(id);
            if (kind == null || e.kind() == kind) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The entry's name followed by its synonyms. */
    public static List<String> namesOf(LexiconEntry e) {
        return names(e);
    }

    static List<String> names(LexiconEntry e) {
        List<String> all = new ArrayList<>(1 + e.synonyms().size());
        all.add(e.name());
        all.addAll(e.synonyms());
        return all;
    }

    NameIndex index() {
        return index;
    }

    LexiconEntry entryAt(int ref) {
        return entries[ref];
    }

    NonEntity nonEntity(int ref) {
        return nonEntities.get(-1 - ref);
    }

    boolean processHead(int term) {
        return processHeads.contains(term);
    }

    /**
     * A process named by anatomical terms and a process noun that GO has no term for ("alveolar epithelial cell
     * repair"): a stable id from its normalised terms, and as parent the GO process named by the longest tail of
     * the phrase that GO knows ("epithelial cell proliferation" for "alveolar epithelial cell proliferation").
     */
    LexiconEntry composeProcess(List<String> terms) {
        String id = COMPOSED_PROCESS + String.join("-", terms);
        LexiconEntry known = composed.get(id);
        if (known != null) {
            return known;
        }
        if (terms.size() < 2 || terms.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        List<String> parents = List.of();
        for (int s = 1; s < terms.size(); s++) {
            int node = index.walk(terms.subList(s, terms.size()));
            String parent = node < 0 ? null : processAt(node);
            if (parent != null) {
                parents = List.of(parent);
                break;
            }
        }
        LexiconEntry e = new LexiconEntry(id, EntityKind.PROCESS, String.join(" ", terms), List.of(), parents, null);
        if (composed.size() < 100_000) {
            composed.putIfAbsent(id, e);
        }
        return e;
    }

    private String processAt(int node) {
        for (int t = index.first(node); t >= 0; t = index.next(t)) {
            int ref = index.ref(t);
            if (ref >= 0 && entries[ref].kind() == EntityKind.PROCESS && !index.guarded(t)) {
                return entries[ref].id();
            }
        }
        return null;
    }

    /** Reads resources into entries and non-entity names. */
    static final class Loader {
        final Map<String, LexiconEntry> entries = new LinkedHashMap<>();
        final Map<NonEntity, List<String>> nonEntities = new LinkedHashMap<>();
        final Map<String, String> keys = new HashMap<>();

        void resource(String resource, boolean curated) {
            InputStream raw = Lexicon.class.getClassLoader().getResourceAsStream(resource);
            if (raw == null) {
                if (curated) {
                    throw new IllegalStateException("lexicon resource missing: " + resource);
                }
                return;
            }
            try (InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                read(r, curated);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon " + resource, e);
            }
        }

        void read(BufferedReader r, boolean curated) throws IOException {
            Lexicon.read(r, entries, nonEntities, keys, curated);
        }

        Lexicon lexicon() {
            return new Lexicon(entries, nonEntities, keys);
        }
    }

    static boolean nonEntityKind(String kind) {
        return kind.equals("anatomy") || kind.equals("organism") || kind.equals("procedure");
    }

    /** Reads TSV rows into the map; curated rows override names, all rows add synonyms. */
    static void read(BufferedReader r, Map<String, LexiconEntry> into, boolean curated) throws IOException {
        read(r, into, null, null, curated);
    }

    /**
     * Reads rows; a {@code #keys} line whose probe key matches this analyser's says that column 10 holds each row's
     * names' normalised keys (name first, then synonyms, {@code |}-separated), which {@code keys} then collects.
     */
    static void read(BufferedReader r, Map<String, LexiconEntry> into, Map<NonEntity, List<String>> nonEntities,
                     Map<String, String> keys, boolean curated) throws IOException {
        String line;
        int lineNo = 0;
        boolean keyed = false;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#keys\t")) {
                keyed = keys != null && line.substring(6).equals(Tokenizer.key(KEY_PROBE));
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (keyed && f.length > 9) {
                List<String> names = new ArrayList<>();
                names.add(f[2].strip());
                names.addAll(list(f, 3));
                String[] k = f[9].split("\\|", -1);
                if (k.length == names.size()) {
                    for (int i = 0; i < k.length; i++) {
                        keys.putIfAbsent(names.get(i), k[i]);
                    }
                }
            }
            if (f.length < 3) {
                throw new IOException("lexicon line " + lineNo + ": expected id, kind, name");
            }
            String kind = f[1].strip();
            if (nonEntityKind(kind)) {
                if (nonEntities != null) {
                    List<String> names = nonEntities.computeIfAbsent(new NonEntity(f[0].strip(), kind), k -> new ArrayList<>());
                    names.add(f[2].strip());
                    names.addAll(list(f, 3));
                }
                continue;
            }
            merge(into, new LexiconEntry(f[0].strip(), EntityKind.parse(kind), f[2].strip(),
                    list(f, 3), list(f, 4), f.length > 5 && !f[5].isBlank() ? f[5].strip() : null,
                    list(f, 6), list(f, 7)), curated);
        }
    }

    private static List<String> list(String[] f, int i) {
        if (f.length <= i || f[i].isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : f[i].split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static void merge(Map<String, LexiconEntry> into, LexiconEntry e, boolean curated) {
        LexiconEntry old = into.get(e.id());
        if (old == null) {
            into.put(e.id(), e);
            return;
        }
        Set<String> syn = new LinkedHashSet<>(old.synonyms());
        syn.addAll(e.synonyms());
        Set<String> parents = new LinkedHashSet<>(old.parents());
        parents.addAll(e.parents());
        Set<String> xrefs = new LinkedHashSet<>(old.xrefs());
        xrefs.addAll(e.xrefs());
        Set<String> guarded = new LinkedHashSet<>(old.guarded());
        guarded.addAll(e.guarded());
        String name = old.name();
        if (curated && !e.name().equals(old.name())) {
            syn.add(old.name());
            name = e.name();
        } else if (!e.name().equals(old.name())) {
            syn.add(e.name());
        }
        syn.remove(name);
        if (curated) {
            guarded.removeAll(names(e));
        }
        into.put(e.id(), new LexiconEntry(e.id(), old.kind(), name, List.copyOf(syn), List.copyOf(parents),
                old.symbol() != null ? old.symbol() : e.symbol(), List.copyOf(xrefs), List.copyOf(guarded)));
    }
}
