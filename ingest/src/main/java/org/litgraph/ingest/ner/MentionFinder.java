package org.litgraph.ingest.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.ner.Abbreviations.Abbreviation;
import org.litgraph.ingest.ner.FoundMention.Source;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * Finds chemical, disease and gene mentions (and, so that they are not mistaken for those, cell
 * lines, species and sequence variants) with the learned tagger and the lexicon together, and
 * grounds them:
 * <ol>
 * <li>the CRFs tag the sentence ({@link CrfTagger}); each tagged span gets a confidence from the
 * forward-backward marginals;</li>
 * <li>a lexicon match the tagger did not tag is kept only if the tagger gives it some probability
 * ({@link Policy#dictionaryMin}), a short all-capital or very short name more
 * ({@link Policy#shortMin}) — author initials, cell lines, assay names and lab values are names
 * in the lexicon that the tagger does not believe;</li>
 * <li>short forms defined in the document (Schwartz-Hearst) take the type and ids of their long
 * form's mention wherever they occur; a defined short form whose long form is not an entity
 * yields no lexicon-only mention;</li>
 * <li>a tagged span is grounded by {@link Grounder} (lexicon entries of its kind, or a stable
 * {@code LG:} id).</li>
 * </ol>
 * Thread-safe; per-thread scratch space. Call {@link #context(String)} once per document, then
 * {@link #find} for its sentences in reading order.
 */
public final class MentionFinder {
    static final String MODEL = "org/litgraph/ingest/ner/tagger-model.bin.gz";
    private static volatile MentionFinder standard;

    /** How tagger and lexicon evidence combine; tuned on the development splits. */
    public record Policy(double taggerMin, double dictionaryMin, double shortMin, boolean groundToLg) {
        public static Policy defaults() {
            return new Policy(0.0, 0.2, 0.5, true);
        }
    }

    private final DictionaryMatcher matcher;
    private final Grounder grounder;
    private final CrfTagger tagger;
    private final Policy policy;
    /** Per model and label index: the type (null for O) and whether the label begins a mention. */
    private final EntityType[][] labelType;
    private final boolean[][] labelBegin;
    /** Per type: the model and the label indexes of B- and I-. */
    private final int[] typeModel = new int[EntityType.values().length];
    private final int[] typeB = new int[EntityType.values().length];
    private final int[] typeI = new int[EntityType.values().length];

    public MentionFinder(Lexicon lexicon, InputStream model, Policy policy) throws IOException {
        this(new DictionaryMatcher(lexicon), TaggerModel.read(model), policy);
    }

    MentionFinder(DictionaryMatcher matcher, TaggerModel model, Policy policy) {
        this(matcher, new CrfTagger(model), policy);
    }

    private MentionFinder(DictionaryMatcher matcher, CrfTagger tagger, Policy policy) {
        this.matcher = matcher;
        this.grounder = new Grounder(matcher);
        this.tagger = tagger;
        this.policy = policy;
        int nm = tagger.models();
        labelType = new EntityType[nm][];
        labelBegin = new boolean[nm][];
        Arrays.fill(typeModel, -1);
        for (int m = 0; m < nm; m++) {
            List<String> labels = tagger.labels(m);
            labelType[m] = new EntityType[labels.size()];
            labelBegin[m] = new boolean[labels.size()];
            for (int l = 0; l < labels.size(); l++) {
                String name = labels.get(l);
                if (name.length() > 2 && name.charAt(1) == '-') {
                    EntityType t = EntityType.fromCorpus(name.substring(2));
                    labelType[m][l] = t;
                    labelBegin[m][l] = name.charAt(0) == 'B';
                    if (t != null) {
                        typeModel[t.ordinal()] = m;
                        if (name.charAt(0) == 'B') {
                            typeB[t.ordinal()] = l;
                        } else {
                            typeI[t.ordinal()] = l;
                        }
                    }
                }
            }
        }
    }

    /** The finder over the default lexicon and the shipped model (loaded once, shared). */
    public static MentionFinder standard() {
        MentionFinder f = standard;
        if (f == null) {
            synchronized (MentionFinder.class) {
                f = standard;
                if (f == null) {
                    f = load(Lexicon.defaultLexicon(), Policy.defaults());
                    standard = f;
                }
            }
        }
        return f;
    }

    /** A finder over a lexicon with the shipped model. */
    public static MentionFinder load(Lexicon lexicon, Policy policy) {
        return load(new DictionaryMatcher(lexicon), policy);
    }

    /** A finder over a dictionary with the shipped model. */
    public static MentionFinder load(DictionaryMatcher matcher, Policy policy) {
        return new MentionFinder(matcher, shippedTagger(), policy);
    }

    private static volatile CrfTagger shipped;

    /** The shipped weights, read once (they do not depend on the lexicon). */
    private static CrfTagger shippedTagger() {
        CrfTagger t = shipped;
        if (t == null) {
            synchronized (MentionFinder.class) {
                t = shipped;
                if (t == null) {
                    try (InputStream in = MentionFinder.class.getClassLoader().getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("tagger model resource missing: " + MODEL
                                    + " (train it with ./litgraph lexicon train-tagger)");
                        }
                        t = new CrfTagger(TaggerModel.read(in));
                        shipped = t;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the tagger model", e);
                    }
                }
            }
        }
        return t;
    }

    /** The same lexicon and model with another policy (tuning). */
    public MentionFinder withPolicy(Policy p) {
        return new MentionFinder(matcher, tagger, p);
    }

    public Policy policy() {
        return policy;
    }

    public DictionaryMatcher matcher() {
        return matcher;
    }

    CrfTagger tagger() {
        return tagger;
    }

    /** The document-level step: abbreviation definitions and the lexicon kinds of their long forms. */
    public DocumentContext context(String text) {
        return Encoded.context(text, matcher);
    }

    /** All mentions of a whole text: context, sentences, then {@link #find} per sentence. */
    public List<FoundMention> findAll(String text) {
        DocumentContext ctx = context(text);
        List<FoundMention> out = new ArrayList<>();
        for (Sentence s : SentenceSplitter.split(text)) {
            out.addAll(find(text, s.start(), s.end(), ctx));
        }
        return out;
    }

    /** A span the tagger or the lexicon proposes. */
    private static final class Candidate {
        final int first;
        final int last;
        final EntityType type;
        double score;
        Source source;
        List<LexiconEntry> entries; // lexicon entries when known
        FoundMention resolved; // a short form's long form

        Candidate(int first, int last, EntityType type, double score, Source source) {
            this.first = first;
            this.last = last;
            this.type = type;
            this.score = score;
            this.source = source;
        }
    }

    private static final class Work {
        final Encoded enc = new Encoded();
        int[][] labels = new int[0][];
        double[][] marginals = new double[0][];
        boolean[] haveMarginals = new boolean[0];
    }

    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

    /**
     * Mentions in {@code text[from, to)} (a sentence), sorted, not overlapping. The tagger's raw
     * spans are {@link #tag}; this adds the lexicon, abbreviations and grounding.
     */
    public List<FoundMention> find(String text, int from, int to, DocumentContext ctx) {
        Work w = work.get();
        Encoded enc = w.enc;
        enc.encode(text, from, to, matcher, ctx);
        int n = enc.size;
        if (n == 0) {
            return List.of();
        }
        CrfTagger.Scratch s = tagger.scratch();
        tagger.emissions(enc, s);
        int nm = tagger.models();
        if (w.labels.length < nm) {
            w.labels = new int[nm][];
            w.marginals = new double[nm][];
            w.haveMarginals = new boolean[nm];
        }
        List<Candidate> cands = new ArrayList<>();
        for (int m = 0; m < nm; m++) {
            if (w.labels[m] == null || w.labels[m].length < n) {
                w.labels[m] = new int[Math.max(n, 64)];
            }
            w.haveMarginals[m] = false;
            int[] lab = w.labels[m];
            tagger.viterbi(s, n, m, lab);
            int t = 0;
            while (t < n) {
                EntityType type = labelType[m][lab[t]];
                if (type == null) {
                    t++;
                    continue;
                }
                int first = t;
                t++;
                while (t < n && labelType[m][lab[t]] == type && !labelBegin[m][lab[t]]) {
                    t++;
                }
                Candidate c = new Candidate(first, t - 1, type, 0, Source.TAGGER);
                c.score = confidence(w, s, n, c.first, c.last, type);
                if (c.score >= policy.taggerMin()) {
                    cands.add(c);
                }
            }
        }
        // lexicon matches the tagger did not tag as such
        for (DictionaryMatcher.Match match : enc.matches) {
            for (EntityKind kind : EntityKind.values()) {
                EntityType type = EntityType.of(kind);
                if (type == null || !match.has(kind)) {
                    continue;
                }
                Candidate same = null;
                for (Candidate c : cands) {
                    if (c.first == match.first() && c.last == match.last() && c.type == type) {
                        same = c;
                    }
                }
                List<LexiconEntry> entries = ofKind(match.entries(), kind);
                if (same != null) {
                    same.entries = entries;
                    same.source = Source.TAGGER_AND_LEXICON;
                    continue;
                }
                int sf = ctx == null ? -1 : ctx.shortFormAt(match.start(), match.end());
                if (sf >= 0) {
                    continue; // a defined short form means what its long form means (below)
                }
                if (typeModel[type.ordinal()] < 0) {
                    // a kind the tagger does not learn (processes): the lexicon alone, lowest priority
                    Candidate c = new Candidate(match.first(), match.last(), type, 1.0, Source.LEXICON);
                    c.entries = entries;
                    cands.add(c);
                    continue;
                }
                double conf = confidence(w, s, n, match.first(), match.last(), type);
                String surface = text.substring(match.start(), match.end());
                double min = isShort(surface) ? policy.shortMin() : policy.dictionaryMin();
                if (conf >= min) {
                    Candidate c = new Candidate(match.first(), match.last(), type, conf, Source.LEXICON);
                    c.entries = entries;
                    cands.add(c);
                }
            }
        }
        List<Candidate> kept = resolveOverlaps(cands);
        // abbreviations: long forms defined here resolve their short forms; short forms take their long form's entity
        List<FoundMention> out = new ArrayList<>(kept.size());
        if (ctx != null && !ctx.abbreviations().isEmpty()) {
            for (Candidate c : kept) {
                ground(text, enc, c, ctx);
            }
            for (int a = 0; a < ctx.abbreviations().size(); a++) {
                Abbreviation ab = ctx.abbreviations().get(a);
                if (ab.longEnd() <= enc.tokens.start(0) || ab.longStart() >= enc.tokens.end(n - 1)) {
                    continue;
                }
                for (Candidate c : kept) {
                    int cs = enc.tokens.start(c.first);
                    int ce = enc.tokens.end(c.last);
                    if (c.type.grounded() && ce == ab.longEnd() && cs >= ab.longStart() && c.resolved == null) {
                        ctx.resolve(ab.shortForm(), mention(text, enc, c));
                    }
                }
            }
            List<Candidate> withShort = new ArrayList<>(kept.size());
            for (Candidate c : kept) {
                int sf = ctx.shortFormAt(enc.tokens.start(c.first), enc.tokens.end(c.last));
                if (sf < 0) {
                    withShort.add(c);
                }
            }
            // every short-form occurrence in this range
            for (int[] occ : ctx.occurrencesIn(enc.tokens.start(0), enc.tokens.end(n - 1))) {
                int first = -1;
                int last = -1;
                for (int t = 0; t < n; t++) {
                    if (enc.tokens.start(t) >= occ[0] && enc.tokens.end(t) <= occ[1]) {
                        if (first < 0) {
                            first = t;
                        }
                        last = t;
                    }
                }
                if (first < 0) {
                    continue;
                }
                Abbreviation ab = ctx.abbreviations().get(occ[2]);
                FoundMention lf = ctx.resolved(ab.shortForm());
                Candidate tagged = null;
                for (Candidate c : kept) {
                    if (c.first == first && c.last == last && c.source != Source.LEXICON) {
                        tagged = c;
                    }
                }
                boolean inLonger = false;
                for (Candidate c : withShort) {
                    if (c.source != Source.LEXICON && c.first <= first && c.last >= last && c.last - c.first > last - first) {
                        inLonger = true; // the short form is part of a longer tagged name ("MHC class II genes")
                    }
                }
                if (inLonger) {
                    continue;
                }
                if (lf != null) {
                    Candidate c = new Candidate(first, last, lf.type(), lf.score(), Source.ABBREVIATION);
                    c.resolved = lf;
                    removeOverlapping(withShort, first, last);
                    withShort.add(c);
                } else if (tagged != null) {
                    // the long form is no entity of ours, but the tagger believes the short form: keep it
                    removeOverlapping(withShort, first, last);
                    withShort.add(tagged);
                }
            }
            withShort.sort((x, y) -> Integer.compare(x.first, y.first));
            kept = withShort;
        }
        if (ctx != null && !ctx.aliases().isEmpty()) {
            kept = aliases(text, enc, ctx, kept);
        }
        for (Candidate c : kept) {
            out.add(mention(text, enc, c));
        }
        return out;
    }

    /**
     * Bracketed codes right after a grounded mention ("nilotinib (AMN107)") name that mention's entity
     * wherever they occur in the document, unless a longer tagged name holds them.
     */
    private List<Candidate> aliases(String text, Encoded enc, DocumentContext ctx, List<Candidate> kept) {
        int n = enc.size;
        int from = enc.tokens.start(0);
        int to = enc.tokens.end(n - 1);
        List<Abbreviation> aliases = ctx.aliases();
        for (Abbreviation al : aliases) {
            int paren = al.longStart();
            if (paren < from || paren >= to || ctx.resolved(al.shortForm()) != null) {
                continue;
            }
            for (Candidate c : kept) {
                int ce = enc.tokens.end(c.last);
                if (c.type.grounded() && c.resolved == null && ce <= paren && text.substring(ce, paren).isBlank()) {
                    ground(text, enc, c, ctx);
                    ctx.resolve(al.shortForm(), mention(text, enc, c));
                }
            }
        }
        List<int[]> occurrences = ctx.aliasOccurrencesIn(from, to);
        if (occurrences.isEmpty()) {
            return kept;
        }
        List<Candidate> out = new ArrayList<>(kept);
        for (int[] occ : occurrences) {
            FoundMention named = ctx.resolved(aliases.get(occ[2]).shortForm());
            if (named == null) {
                continue;
            }
            int first = -1;
            int last = -1;
            for (int t = 0; t < n; t++) {
                if (enc.tokens.start(t) >= occ[0] && enc.tokens.end(t) <= occ[1]) {
                    if (first < 0) {
                        first = t;
                    }
                    last = t;
                }
            }
            if (first < 0) {
                continue;
            }
            boolean inLonger = false;
            for (Candidate c : out) {
                if (c.source != Source.LEXICON && c.first <= first && c.last >= last && c.last - c.first > last - first) {
                    inLonger = true;
                }
            }
            if (inLonger) {
                continue;
            }
            Candidate c = new Candidate(first, last, named.type(), named.score(), Source.ABBREVIATION);
            c.resolved = named;
            removeOverlapping(out, first, last);
            out.add(c);
        }
        out.sort((x, y) -> Integer.compare(x.first, y.first));
        return out;
    }

    private static void removeOverlapping(List<Candidate> list, int first, int last) {
        list.removeIf(c -> c.first <= last && c.last >= first);
    }

    private FoundMention mention(String text, Encoded enc, Candidate c) {
        int start = enc.tokens.start(c.first);
        int end = enc.tokens.end(c.last);
        String surface = text.substring(start, end);
        if (c.resolved != null) {
            return new FoundMention(start, end, surface, c.resolved.type(), c.resolved.ids(), c.score, Source.ABBREVIATION);
        }
        List<String> ids = new ArrayList<>(2);
        if (c.type.grounded()) {
            if (c.entries == null) {
                c.entries = grounder.ground(surface, c.type.kind());
            }
            for (LexiconEntry e : c.entries) {
                ids.add(e.id());
            }
            if (ids.isEmpty() && policy.groundToLg()) {
                ids.add(Grounder.lgId(surface, c.type.kind()));
            }
        }
        return new FoundMention(start, end, surface, c.type, ids, c.score, c.source);
    }

    private void ground(String text, Encoded enc, Candidate c, DocumentContext ctx) {
        if (c.entries == null && c.type.grounded()) {
            c.entries = grounder.ground(text.substring(enc.tokens.start(c.first), enc.tokens.end(c.last)), c.type.kind());
        }
    }

    /**
     * Overlapping candidates: types the tagger learns before the others (processes), the tagger's
     * spans before lexicon-only ones, then the longer span (a gene name holding a chemical word, "a
     * sodium channel", stays one gene mention), then the higher confidence, then the earlier.
     */
    private List<Candidate> resolveOverlaps(List<Candidate> cands) {
        if (cands.size() < 2) {
            return cands;
        }
        List<Candidate> sorted = new ArrayList<>(cands);
        sorted.sort((a, b) -> {
            int c = Boolean.compare(typeModel[b.type.ordinal()] >= 0, typeModel[a.type.ordinal()] >= 0);
            if (c != 0) {
                return c;
            }
            c = Boolean.compare(b.source != Source.LEXICON, a.source != Source.LEXICON);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(b.last - b.first, a.last - a.first);
            if (c != 0) {
                return c;
            }
            c = Double.compare(b.score, a.score);
            return c != 0 ? c : Integer.compare(a.first, b.first);
        });
        List<Candidate> kept = new ArrayList<>(sorted.size());
        for (Candidate c : sorted) {
            boolean free = true;
            for (Candidate k : kept) {
                if (c.first <= k.last && c.last >= k.first) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(c);
            }
        }
        kept.sort((a, b) -> Integer.compare(a.first, b.first));
        return kept;
    }

    private static List<LexiconEntry> ofKind(List<LexiconEntry> entries, EntityKind kind) {
        List<LexiconEntry> out = new ArrayList<>(entries.size());
        for (LexiconEntry e : entries) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    /** Very short or abbreviation-like (all capitals and digits): such names need the tagger's agreement. */
    static boolean isShort(String surface) {
        if (surface.length() <= 3) {
            return true;
        }
        return DictionaryMatcher.isAbbreviation(surface);
    }

    /**
     * The tagger's belief that tokens {@code [first, last]} are exactly one mention of {@code type}:
     * the least of P(B at first), P(I inside) and P(not I after), from the marginals.
     */
    private double confidence(Work w, CrfTagger.Scratch s, int n, int first, int last, EntityType type) {
        int m = typeModel[type.ordinal()];
        if (m < 0) {
            return 0;
        }
        int L = tagger.labels(m).size();
        if (!w.haveMarginals[m]) {
            if (w.marginals[m] == null || w.marginals[m].length < n * L) {
                w.marginals[m] = new double[Math.max(n * L, 256)];
            }
            tagger.marginals(s, n, m, w.marginals[m]);
            w.haveMarginals[m] = true;
        }
        double[] mg = w.marginals[m];
        int b = typeB[type.ordinal()];
        int i = typeI[type.ordinal()];
        double conf = mg[first * L + b];
        for (int t = first + 1; t <= last; t++) {
            conf = Math.min(conf, mg[t * L + i]);
        }
        if (last + 1 < n) {
            conf = Math.min(conf, 1 - mg[(last + 1) * L + i]);
        }
        return conf;
    }

    /** The tagger's own spans in {@code text[from, to)}, before lexicon, abbreviations and grounding (evaluation). */
    List<FoundMention> tag(String text, int from, int to, DocumentContext ctx) {
        Work w = work.get();
        Encoded enc = w.enc;
        enc.encode(text, from, to, matcher, ctx);
        int n = enc.size;
        if (n == 0) {
            return List.of();
        }
        CrfTagger.Scratch s = tagger.scratch();
        tagger.emissions(enc, s);
        List<FoundMention> out = new ArrayList<>();
        int[] lab = new int[n];
        for (int m = 0; m < tagger.models(); m++) {
            tagger.viterbi(s, n, m, lab);
            int t = 0;
            while (t < n) {
                EntityType type = labelType[m][lab[t]];
                if (type == null) {
                    t++;
                    continue;
                }
                int first = t;
                t++;
                while (t < n && labelType[m][lab[t]] == type && !labelBegin[m][lab[t]]) {
                    t++;
                }
                int start = enc.tokens.start(first);
                int end = enc.tokens.end(t - 1);
                out.add(new FoundMention(start, end, text.substring(start, end), type, List.of(), 1.0, Source.TAGGER));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }
}
