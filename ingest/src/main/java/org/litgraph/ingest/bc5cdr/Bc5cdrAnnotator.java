package org.litgraph.ingest.bc5cdr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.litgraph.ingest.text.Tokenizer;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.extract.RelationExtractor;
import org.litgraph.ingest.lexicon.EntityRecognizer;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;

/**
 * Annotates PubTator titles and abstracts with BC5CDR-style chemical and disease mentions (MeSH
 * ids) and chemical-induced-disease relations, ignoring any annotations the input carries.
 * Mentions come from the project's {@link EntityRecognizer} over the lexicon's MeSH drugs and
 * conditions, with abbreviations defined in the abstract; relations from {@link CidModel}, which
 * uses the project's {@link RelationExtractor} statements among its features.
 *
 * <pre>java ... org.litgraph.ingest.bc5cdr.Bc5cdrAnnotator INPUT.PubTator [OUTPUT.PubTator]</pre>
 */
public final class Bc5cdrAnnotator {
    static final String NAMES = "org/litgraph/ingest/bc5cdr/names.tsv";
    private static volatile Bc5cdrAnnotator standard;
    static final boolean COMPOSITES = true;
    static final boolean VARIANTS = true;

    private final Lexicon lexicon;
    private final EntityRecognizer recognizer;
    private final RelationExtractor relations = RelationExtractor.standard();
    private final CidModel model;

    Bc5cdrAnnotator(Lexicon full, CidModel model) {
        this(full, shippedNames(true), shippedNames(false).keySet(), model);
    }

    /** The shipped naming resource: {@code prefer} rows (key -> id) or {@code block} rows (key -> ""). */
    private static Map<String, String> shippedNames(boolean prefer) {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Bc5cdrAnnotator.class.getClassLoader().getResourceAsStream(NAMES)) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split("\t");
                    if (prefer && f[0].equals("prefer") && f.length == 3) {
                        out.put(f[1], f[2]);
                    } else if (!prefer && f[0].equals("block") && f.length == 2) {
                        out.put(f[1], "");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** An annotator over {@code full}'s MeSH chemicals and diseases with the benchmark's naming (prefer/block keys). */
    Bc5cdrAnnotator(Lexicon full, Map<String, String> prefer, Set<String> block, CidModel model) {
        Map<String, List<String>> preferredNames = new HashMap<>();
        prefer.forEach((key, id) -> preferredNames.computeIfAbsent(id, k -> new ArrayList<>()).add(key));
        List<LexiconEntry> chemDis = new ArrayList<>();
        for (LexiconEntry e : full.entries()) {
            if (!e.id().startsWith("MESH:") || !(e.kind() == EntityKind.DRUG || e.kind() == EntityKind.CONDITION)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : Lexicon.namesOf(e)) {
                String key = Tokenizer.key(n);
                String owner = prefer.get(key);
                if (!block.contains(key) && (owner == null || owner.equals(e.id()))) {
                    names.add(n);
                }
            }
            // a preferred key the entry lacks (keys are lower-cased, so only unambiguous longer ones)
            for (String key : preferredNames.getOrDefault(e.id(), List.of())) {
                if (key.length() > 3 && names.stream().noneMatch(n -> Tokenizer.key(n).equals(key))) {
                    names.add(key);
                }
            }
            if (VARIANTS) {
                for (String n : List.copyOf(names)) {
                    for (String v : Variants.of(n, e.kind())) {
                        String key = Tokenizer.key(v);
                        List<String> owners = full.lookup(v);
                        String owner = prefer.get(key);
                        if (!block.contains(key) && (owner == null || owner.equals(e.id()))
                                && (owners.isEmpty() || owners.equals(List.of(e.id())))) {
                            names.add(v);
                        }
                    }
                }
            }
            if (!names.isEmpty()) {
                chemDis.add(new LexiconEntry(e.id(), e.kind(), names.get(0), names.subList(1, names.size()), e.parents(),
                        e.symbol()));
            }
        }
        this.lexicon = Lexicon.of(chemDis);
        this.recognizer = new EntityRecognizer(lexicon);
        this.model = model;
    }

    /** The annotator over the default lexicon and the shipped relation model (built once, shared). */
    public static Bc5cdrAnnotator standard() {
        Bc5cdrAnnotator a = standard;
        if (a == null) {
            synchronized (Bc5cdrAnnotator.class) {
                a = standard;
                if (a == null) {
                    a = new Bc5cdrAnnotator(Lexicon.defaultLexicon(), CidModel.load());
                    standard = a;
                }
            }
        }
        return a;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** The same mentions with another relation model. */
    Bc5cdrAnnotator withModel(CidModel m) {
        return new Bc5cdrAnnotator(this, m);
    }

    private Bc5cdrAnnotator(Bc5cdrAnnotator other, CidModel m) {
        this.lexicon = other.lexicon;
        this.recognizer = other.recognizer;
        this.model = m;
    }

    Analysis analyse(String title, String abstractText) {
        return Analysis.of(title, abstractText, recognizer, relations);
    }

    /** Annotates one document: its text and the predicted annotations and relations. */
    PubTator.Doc annotate(PubTator.Doc input) {
        Analysis a = analyse(input.title(), input.abstractText());
        List<PubTator.Annotation> anns = new ArrayList<>();
        List<Mention> ms = a.mentions();
        for (int k = 0; k < ms.size(); k++) {
            Mention m = ms.get(k);
            boolean disease = m.entry().kind() == EntityKind.CONDITION;
            List<String> ids = new ArrayList<>(List.of(bare(m.entry().id())));
            int end = m.end();
            // adjacent disease names are one composite mention ("cholestatic hepatitis", "hemorrhagic cystitis")
            while (COMPOSITES && disease && k + 1 < ms.size() && ms.get(k + 1).entry().kind() == EntityKind.CONDITION
                    && ms.get(k + 1).start() == end + 1 && input.text().charAt(end) == ' ') {
                Mention n = ms.get(++k);
                if (!ids.contains(bare(n.entry().id()))) {
                    ids.add(bare(n.entry().id()));
                }
                end = n.end();
            }
            anns.add(new PubTator.Annotation(m.start(), end, input.text().substring(m.start(), end),
                    disease ? "Disease" : "Chemical", List.copyOf(ids)));
        }
        List<PubTator.Relation> rels = new ArrayList<>();
        if (model != null) {
            for (String[] p : model.predict(a, lexicon)) {
                rels.add(new PubTator.Relation("CID", bare(p[0]), bare(p[1])));
            }
        }
        return new PubTator.Doc(input.pmid(), input.title(), input.abstractText(), anns, rels);
    }

    static String bare(String id) {
        return id.startsWith("MESH:") ? id.substring(5) : id;
    }

    /** Reads PubTator documents and writes them back with this annotator's mentions and relations. */
    public static void annotate(Reader in, Writer out) throws IOException {
        Bc5cdrAnnotator annotator = standard();
        for (PubTator.Doc d : PubTator.read(in)) {
            write(annotator.annotate(d), out);
        }
        out.flush();
    }

    static void write(PubTator.Doc d, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(d.title().length() + d.abstractText().length() + 1024);
        sb.append(d.pmid()).append("|t|").append(d.title()).append('\n');
        sb.append(d.pmid()).append("|a|").append(d.abstractText()).append('\n');
        for (PubTator.Annotation a : d.annotations()) {
            sb.append(d.pmid()).append('\t').append(a.start()).append('\t').append(a.end()).append('\t').append(a.text())
                    .append('\t').append(a.type()).append('\t').append(String.join("|", a.ids())).append('\n');
        }
        for (PubTator.Relation r : d.relations()) {
            sb.append(d.pmid()).append('\t').append(r.type()).append('\t').append(r.chemical()).append('\t')
                    .append(r.disease()).append('\n');
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Bc5cdrAnnotator INPUT.PubTator [OUTPUT.PubTator]");
            System.exit(2);
        }
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             Writer out = args.length > 1 ? Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)
                     : new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
            annotate(in, out);
        }
    }
}
