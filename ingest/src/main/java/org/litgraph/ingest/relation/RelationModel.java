package org.litgraph.ingest.relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.extract.RelationExtractor;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.relation.DocumentView.Entity;
import org.litgraph.ingest.relation.DocumentView.Span;

/**
 * Relations of a document: learned where annotated data exists, cue patterns where it does not.
 * <ul>
 * <li>drug/chemical -> condition (CAUSES, TREATS, ASSOCIATED_WITH), drug -> gene (INHIBITS,
 * ACTIVATES, BINDS, ASSOCIATED_WITH) and gene -> condition (ASSOCIATED_WITH): logistic models over
 * document-level candidate pairs ({@link Features}), trained with Tribuo/liblinear by
 * {@link RelationTrainer} on BC5CDR, BioRED and PHEE training sets, thresholds tuned on their
 * development sets; shipped as {@code relation-model.tsv.gz};</li>
 * <li>target -> process (REGULATES), process -> condition (LEADS_TO), drug -> process (INHIBITS):
 * the cue patterns of {@code relation-rules.tsv} ({@link RelationExtractor}).</li>
 * </ul>
 * Every statement carries its evidence (the sentence, or the smallest window of sentences, where
 * the pair co-occurs with the strongest cue; offsets into the document) and its negation and
 * speculation ({@link Modality}). Deterministic and thread-safe.
 */
public final class RelationModel {
    public static final String RESOURCE = "org/litgraph/ingest/relation/relation-model.tsv.gz";
    private static volatile RelationModel standard;

    private final Map<Group, List<Head>> heads;
    private final Features features;
    private final RelationExtractor rules;

    RelationModel(Collection<Head> heads, Features features, RelationExtractor rules) {
        Map<Group, List<Head>> byGroup = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            for (Head h : heads) {
                if (h.group() == g) {
                    byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(h);
                }
            }
        }
        this.heads = byGroup;
        this.features = features;
        this.rules = rules;
    }

    /** The shipped model, with the default lexicon's MeSH hierarchy (loaded once, shared). */
    public static RelationModel standard() {
        RelationModel m = standard;
        if (m == null) {
            synchronized (RelationModel.class) {
                m = standard;
                if (m == null) {
                    m = forLexicon(Lexicon.defaultLexicon());
                    standard = m;
                }
            }
        }
        return m;
    }

    /** The shipped model reading broader concepts from this lexicon (its heads are loaded once and shared). */
    public static RelationModel forLexicon(Lexicon lexicon) {
        Shipped sh = shippedHeads();
        return new RelationModel(sh.heads(), new Features(RelationExtractor.standard(),
                id -> lexicon.get(id).map(LexiconEntry::parents).orElse(List.of()), sh.index()), RelationExtractor.standard());
    }

    /** Heads read from a model file, over one frozen feature index. */
    record Shipped(List<Head> heads, FeatureIndex index) {
    }

    private static volatile Shipped shipped;

    private static Shipped shippedHeads() {
        Shipped h = shipped;
        if (h == null) {
            synchronized (RelationModel.class) {
                h = shipped;
                if (h == null) {
                    InputStream in = RelationModel.class.getClassLoader().getResourceAsStream(RESOURCE);
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + RESOURCE + " (run ./litgraph lexicon train-relations)");
                    }
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                        h = read(r);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shipped = h;
                }
            }
        }
        return h;
    }

    /** No learned heads: every statement comes from the cue patterns (what the trainer starts from). */
    public static RelationModel rulesOnly() {
        return new RelationModel(List.of(), new Features(RelationExtractor.standard(), id -> List.of(), FeatureIndex.of(List.of())),
                RelationExtractor.standard());
    }

    /** Whether statements between these kinds (subject first) come from the learned model rather than cue patterns. */
    public boolean learns(EntityKind subject, EntityKind object) {
        return learned(subject, object);
    }

    /** A model written by {@link RelationTrainer} to another file (for evaluation before it ships). */
    public static RelationModel load(Path file, Function<String, List<String>> parents) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            Shipped sh = read(r);
            return new RelationModel(sh.heads(), new Features(RelationExtractor.standard(), parents, sh.index()),
                    RelationExtractor.standard());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    List<Head> heads() {
        List<Head> out = new ArrayList<>();
        heads.values().forEach(out::addAll);
        return out;
    }

    Features features() {
        return features;
    }

    /** The predicates this model learned, by the kinds they link. */
    public Set<Predicate> learnedPredicates() {
        Set<Predicate> out = EnumSet.noneOf(Predicate.class);
        heads().forEach(h -> out.add(h.predicate()));
        return out;
    }

    /** Learned and rule statements of the document, in a stable order. */
    public List<RelationStatement> predict(DocumentView doc) {
        List<RelationStatement> out = new ArrayList<>(predictLearned(doc));
        out.addAll(predictRules(doc));
        return out;
    }

    /** The learned statements only (pairs of the kinds {@link #learns}). */
    public List<RelationStatement> predictLearned(DocumentView doc) {
        return predictLearned(doc, null);
    }

    /**
     * The learned statements, given the cue-pattern statements the caller already found in each
     * sentence of the view: index of the sentence in {@code doc.sentences()} -> keys
     * {@link #cueKey}. Null: the model runs the cue patterns itself.
     */
    public List<RelationStatement> predictLearned(DocumentView doc, Map<Integer, Set<String>> cueHits) {
        List<Candidate> cands = features.candidates(doc, heads.keySet(), cueHits);
        return decide(doc, cands, scores(cands, null));
    }

    /** The key of a cue-pattern statement for {@link #predictLearned(DocumentView, Map)}. */
    public static String cueKey(String subjectId, Predicate predicate, String objectId, boolean negated) {
        String k = subjectId + "\t" + predicate + "\t" + objectId;
        return negated ? k + "\tneg" : k;
    }

    /** Each candidate's probability under each head of its group (heads in this model's order). */
    double[][] scores(List<Candidate> cands, Priors.Contribution own) {
        double[][] out = new double[cands.size()][];
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            List<Head> hs = heads.getOrDefault(c.group(), List.of());
            out[i] = new double[hs.size()];
            String key = c.pairKey();
            for (int k = 0; k < hs.size(); k++) {
                out[i][k] = hs.get(k).score(c, key, own);
            }
        }
        return out;
    }

    /** Thresholds, fallbacks, evidence and modality: the statements from scored candidates. */
    List<RelationStatement> decide(DocumentView doc, List<Candidate> cands, double[][] scores) {
        int n = cands.size();
        int[] chosen = new int[n];
        java.util.Arrays.fill(chosen, -1);
        Map<String, Integer> assigned = new HashMap<>();
        for (int i = 0; i < n; i++) {
            // among the heads whose threshold the pair reaches, the most probable (on the development splits this
            // did as well as comparing margins in log-odds); ASSOCIATED_WITH, which states no direction, only
            // when no directional head is reached
            List<Head> hs = heads.getOrDefault(cands.get(i).group(), List.of());
            double best = Double.NEGATIVE_INFINITY;
            boolean directional = false;
            for (int k = 0; k < hs.size(); k++) {
                double t = hs.get(k).threshold();
                if (scores[i][k] < t || t >= 1) {
                    continue;
                }
                boolean dir = hs.get(k).predicate() != Predicate.ASSOCIATED_WITH;
                double margin = scores[i][k];
                if ((dir && !directional) || (dir == directional && margin > best)) {
                    best = margin;
                    chosen[i] = k;
                    directional = dir;
                }
            }
            if (chosen[i] >= 0) {
                assigned.merge(hs.get(chosen[i]).key(), 1, Integer::sum);
            }
        }
        // fallback: a head with no statement in the document takes its best unassigned pair if it scores enough
        for (List<Head> hs : heads.values()) {
            for (int k = 0; k < hs.size(); k++) {
                Head h = hs.get(k);
                if (h.fallback() >= 1 || assigned.containsKey(h.key())) {
                    continue;
                }
                int bestI = -1;
                for (int i = 0; i < n; i++) {
                    if (cands.get(i).group() == h.group() && chosen[i] < 0
                            && (bestI < 0 || scores[i][k] > scores[bestI][k])) {
                        bestI = i;
                    }
                }
                if (bestI >= 0 && scores[bestI][k] >= h.fallback()) {
                    chosen[bestI] = k;
                }
            }
        }
        List<RelationStatement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (chosen[i] >= 0) {
                Candidate c = cands.get(i);
                out.add(statement(doc, c, heads.get(c.group()).get(chosen[i]), scores[i][chosen[i]]));
            }
        }
        return out;
    }

    /** Evidence (strongest sentence, else the nearest window) and modality of a chosen pair. */
    static RelationStatement statement(DocumentView doc, Candidate c, Head h, double score) {
        List<Entity> es = doc.entities();
        Candidate.Instance best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Candidate.Instance in : c.instances()) {
            double s = h.instanceScore(in);
            if (s > bestScore) {
                bestScore = s;
                best = in;
            }
        }
        double rounded = Math.round(score * 10000) / 10000.0;
        if (best != null) {
            Span sent = doc.sentences().get(best.sentence());
            Entity s = es.get(best.subjectMention());
            Entity o = es.get(best.objectMention());
            Modality m = Modality.of(doc.slice(sent), s.start() - sent.start(), s.end() - sent.start(),
                    o.start() - sent.start(), o.end() - sent.start());
            return new RelationStatement(c.subject(), h.predicate(), c.object(), rounded, m.negated(), m.hedged(),
                    sent.start(), sent.end(), s.start(), s.end(), o.start(), o.end(), RelationStatement.Source.MODEL);
        }
        Entity s = es.get(c.nearestSubject());
        Entity o = es.get(c.nearestObject());
        Span ss = sentenceOf(doc, s.start());
        Span os = sentenceOf(doc, o.start());
        Modality ms = Modality.of(doc.slice(ss), s.start() - ss.start(), s.end() - ss.start());
        Modality mo = Modality.of(doc.slice(os), o.start() - os.start(), o.end() - os.start());
        return new RelationStatement(c.subject(), h.predicate(), c.object(), rounded, mo.negated(),
                ms.hedged() || mo.hedged(), Math.min(ss.start(), os.start()), Math.max(ss.end(), os.end()), s.start(), s.end(),
                o.start(), o.end(), RelationStatement.Source.MODEL);
    }

    private static Span sentenceOf(DocumentView doc, int offset) {
        for (Span s : doc.sentences()) {
            if (s.start() <= offset && offset < s.end()) {
                return s;
            }
        }
        return new Span(offset, offset);
    }

    /** Cue-pattern statements between kinds the model did not learn (target->process, process->condition, drug->process). */
    List<RelationStatement> predictRules(DocumentView doc) {
        List<RelationStatement> out = new ArrayList<>();
        if (rules == null) {
            return out;
        }
        List<Entity> es = doc.entities();
        int e = 0;
        for (Span sent : doc.sentences()) {
            List<Mention> ms = new ArrayList<>();
            int lastEnd = -1;
            while (e < es.size() && es.get(e).start() < sent.end()) {
                Entity x = es.get(e++);
                if (x.start() < sent.start() || x.start() < lastEnd || x.end() > sent.end()) {
                    continue;
                }
                lastEnd = x.end();
                String surface = doc.text().substring(x.start(), x.end());
                ms.add(new Mention(x.start(), x.end(), surface, new LexiconEntry(x.id(), x.kind(), surface, List.of(), List.of(), null)));
            }
            if (ms.size() < 2 || ms.stream().noneMatch(m -> m.entry().kind() == EntityKind.PROCESS)) {
                continue;
            }
            String text = doc.slice(sent);
            for (RelationExtractor.Found f : rules.extract(text, sent.start(), ms)) {
                Mention s = ms.get(f.subject());
                Mention o = ms.get(f.object());
                if (learned(s.entry().kind(), o.entry().kind())) {
                    continue;
                }
                Modality m = Modality.of(text, s.start() - sent.start(), s.end() - sent.start(), o.start() - sent.start(),
                        o.end() - sent.start());
                out.add(new RelationStatement(s.entry().id(), f.predicate(), o.entry().id(), f.factor(), m.negated(),
                        m.hedged(), sent.start(), sent.end(), s.start(), s.end(), o.start(), o.end(),
                        RelationStatement.Source.RULE));
            }
        }
        return out;
    }

    private boolean learned(EntityKind s, EntityKind o) {
        for (Group g : heads.keySet()) {
            if (g.subject == s && g.object == o) {
                return true;
            }
        }
        return false;
    }

    // ---- the resource: one head per "head" line, its weights and priors

    static Shipped read(BufferedReader r) throws IOException {
        Map<String, Object[]> meta = new LinkedHashMap<>();
        Map<String, Map<String, Double>> weights = new HashMap<>();
        Map<String, Priors> priors = new HashMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(Priors.NAMES);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String key = f[1] + "/" + f[2];
            switch (f[0]) {
                case "head" -> meta.put(key, new Object[] {Predicate.valueOf(f[1]), Group.valueOf(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])});
                case "w" -> {
                    weights.computeIfAbsent(key, k -> new HashMap<>()).put(f[3], Double.parseDouble(f[4]));
                    names.add(f[3]);
                }
                case "ps" -> priors.computeIfAbsent(key, k -> new Priors()).subjects.put(f[3], counts(f[4], f[5]));
                case "po" -> priors.computeIfAbsent(key, k -> new Priors()).objects.put(f[3], counts(f[4], f[5]));
                case "pp" -> priors.computeIfAbsent(key, k -> new Priors()).pairs.put(f[3] + "\t" + f[4], counts(f[5], f[6]));
                default -> throw new IOException("unknown line kind '" + f[0] + "'");
            }
        }
        FeatureIndex index = FeatureIndex.of(names);
        List<Head> out = new ArrayList<>();
        meta.forEach((key, m) -> out.add(new Head((Predicate) m[0], (Group) m[1], weights.getOrDefault(key, Map.of()), index,
                priors.getOrDefault(key, new Priors()), (Double) m[2], (Double) m[3])));
        return new Shipped(List.copyOf(out), index);
    }

    private static int[] counts(String a, String b) {
        return new int[] {Integer.parseInt(a), Integer.parseInt(b)};
    }

    /** Writes the heads (sorted, fixed number format: the same model gives the same bytes). */
    static void write(Path out, List<Head> heads, List<String> comments) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)) {
            {
                def.setLevel(9);
            }
        }, StandardCharsets.UTF_8)) {
            for (String c : comments) {
                w.write("# " + c + "\n");
            }
            for (Head h : heads) {
                String k = h.predicate() + "\t" + h.group();
                w.write(String.format(Locale.ROOT, "head\t%s\t%.4f\t%.4f%n", k, h.threshold(), h.fallback()));
            }
            for (Head h : heads) {
                String k = h.predicate() + "\t" + h.group();
                for (Map.Entry<String, Double> e : h.weightsByName().entrySet()) {
                    w.write(String.format(Locale.ROOT, "w\t%s\t%s\t%.6g%n", k, e.getKey(), e.getValue()));
                }
                if (h.priors() != null) {
                    for (Map.Entry<String, int[]> e : new TreeMap<>(h.priors().subjects).entrySet()) {
                        w.write("ps\t" + k + "\t" + e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
                    }
                    for (Map.Entry<String, int[]> e : new TreeMap<>(h.priors().objects).entrySet()) {
                        w.write("po\t" + k + "\t" + e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
                    }
                    for (Map.Entry<String, int[]> e : new TreeMap<>(h.priors().pairs).entrySet()) {
                        w.write("pp\t" + k + "\t" + e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
                    }
                }
            }
        }
    }
}
