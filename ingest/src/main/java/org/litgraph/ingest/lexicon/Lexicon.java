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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.text.Tokenizer;

/**
 * The names litgraph grounds text to. Loaded from TSV resources (columns: id, kind, name,
 * synonyms, parents, symbol; lists separated by {@code |}): the hand-curated
 * {@code lexicon/core.tsv} first, then the generated {@code lexicon/vocab.tsv.gz} when present
 * (built from open vocabularies by {@code litgraph lexicon}). A curated entry's name wins; synonyms
 * are merged.
 */
public final class Lexicon {
    static final String CORE = "org/litgraph/ingest/lexicon/core.tsv";
    static final String GENERATED = "org/litgraph/ingest/lexicon/vocab.tsv.gz";
    private static volatile Lexicon defaultLexicon;

    private final Map<String, LexiconEntry> byId;
    private final Map<String, List<String>> idsByKey;

    private Lexicon(Map<String, LexiconEntry> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        Map<String, List<String>> keys = new HashMap<>();
        for (LexiconEntry e : byId.values()) {
            for (String name : names(e)) {
                String key = Tokenizer.key(name);
                if (!key.isEmpty()) {
                    List<String> ids = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
                    if (!ids.contains(e.id())) {
                        ids.add(e.id());
                    }
                }
            }
        }
        this.idsByKey = keys;
    }

    /** The lexicon shipped with litgraph (loaded once, shared). */
    public static Lexicon defaultLexicon() {
        Lexicon l = defaultLexicon;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = defaultLexicon;
                if (l == null) {
                    Map<String, LexiconEntry> entries = new LinkedHashMap<>();
                    readResource(CORE, entries, true);
                    readResource(GENERATED, entries, false);
                    l = new Lexicon(entries);
                    defaultLexicon = l;
                }
            }
        }
        return l;
    }

    /** The curated core plus the given generated rows instead of the shipped {@code vocab.tsv.gz} (cross-validation). */
    static Lexicon withGenerated(BufferedReader generated) throws IOException {
        Map<String, LexiconEntry> entries = new LinkedHashMap<>();
        readResource(CORE, entries, true);
        read(generated, entries, false);
        return new Lexicon(entries);
    }

    /** A lexicon of just these entries (tests, custom vocabularies). */
    public static Lexicon of(Collection<LexiconEntry> entries) {
        Map<String, LexiconEntry> map = new LinkedHashMap<>();
        for (LexiconEntry e : entries) {
            merge(map, e, true);
        }
        return new Lexicon(map);
    }

    public Optional<LexiconEntry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<LexiconEntry> entries() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** Ids whose name or a synonym normalises to the same terms as {@code name}. */
    public List<String> lookup(String name) {
        return idsByKey.getOrDefault(Tokenizer.key(name), List.of());
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

    private static void readResource(String resource, Map<String, LexiconEntry> into, boolean curated) {
        InputStream raw = Lexicon.class.getClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            if (curated) {
                throw new IllegalStateException("lexicon resource missing: " + resource);
            }
            return;
        }
        try (InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            read(r, into, curated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    /** Reads TSV rows into the map; curated rows override names, all rows add synonyms. */
    static void read(BufferedReader r, Map<String, LexiconEntry> into, boolean curated) throws IOException {
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IOException("lexicon line " + lineNo + ": expected id, kind, name");
            }
            merge(into, new LexiconEntry(f[0].strip(), EntityKind.parse(f[1]), f[2].strip(),
                    list(f, 3), list(f, 4), f.length > 5 && !f[5].isBlank() ? f[5].strip() : null), curated);
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
        String name = old.name();
        if (curated && !e.name().equals(old.name())) {
            syn.add(old.name());
            name = e.name();
        } else if (!e.name().equals(old.name())) {
            syn.add(e.name());
        }
        syn.remove(name);
        into.put(e.id(), new LexiconEntry(e.id(), old.kind(), name, List.copyOf(syn), List.copyOf(parents),
                old.symbol() != null ? old.symbol() : e.symbol()));
    }
}
