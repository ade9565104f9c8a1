package org.litgraph.ingest.relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.extract.RelationExtractor;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.relation.DocumentView.Entity;
import org.litgraph.ingest.relation.DocumentView.Span;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Candidate pairs of a document and their features. Document-level: co-occurrence in a sentence,
 * sentence distance, title mentions, mention counts and ranks, first mention, how many concepts of
 * each kind, an indication context ("patients with D"), a more specific condition named. Sentence
 * level, for the closest mention pair of each sentence where both occur: the (stemmed) words
 * between and around the two mentions, their order and distance, other mentions between, the
 * project's cue patterns ({@link RelationExtractor}), negation and speculation ({@link Modality}).
 * No parser: word windows stand in for syntax. Deterministic; thread-safe.
 */
final class Features {
    private static final Pattern INDICATION = Pattern.compile("(?:patients? (?:with|having|suffering from)|treatment of|treated for|"
            + "therapy (?:of|for)|management of|for|against|history of|prevent|prevention of|cases of|model of|"
            + "subjects with|children with|women with|men with)\\s+(?:\\S+\\s+){0,2}$");
    private static final Pattern INDICATION_WORD = Pattern.compile("with|of|for|against|prevent|having|from");
    private static final int MAX_BETWEEN = 15;

    private final RelationExtractor rules;
    private final Function<String, List<String>> parents;
    private final FeatureIndex index;

    /**
     * @param rules   cue patterns whose matches become features (null: none)
     * @param parents broader concepts of an id (MeSH tree), for "a more specific condition is named"
     */
    Features(RelationExtractor rules, Function<String, List<String>> parents, FeatureIndex index) {
        this.rules = rules;
        this.parents = parents == null ? id -> List.of() : parents;
        this.index = index;
    }

    FeatureIndex index() {
        return index;
    }

    /** Feature ids and values being collected; {@link #sorted} merges repeated ids (first value kept). */
    static final class Vector {
        int[] ids = new int[64];
        double[] values = new double[64];
        int n;
        private final FeatureIndex index;

        Vector(FeatureIndex index) {
            this.index = index;
        }

        void add(String name, double value) {
            add(index.id(name), value);
        }

        void add(int id, double value) {
            if (id < 0 || value == 0) {
                return;
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            ids[n] = id;
            values[n++] = value;
        }

        void flag(String name, boolean on) {
            if (on) {
                add(name, 1.0);
            }
        }

        /** The collected ids sorted and unique (values ignored: binary features). */
        int[] uniqueIds() {
            int[] out = Arrays.copyOf(ids, n);
            Arrays.sort(out);
            int m = 0;
            for (int i = 0; i < out.length; i++) {
                if (m == 0 || out[m - 1] != out[i]) {
                    out[m++] = out[i];
                }
            }
            return m == out.length ? out : Arrays.copyOf(out, m);
        }

        /** The collected ids sorted and unique, with their values: {ids, values}. */
        Object[] sorted() {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = ((long) ids[i] << 32) | i;
            }
            Arrays.sort(packed);
            int[] outIds = new int[n];
            double[] outValues = new double[n];
            int m = 0;
            for (long p : packed) {
                int id = (int) (p >>> 32);
                if (m > 0 && outIds[m - 1] == id) {
                    continue;
                }
                outIds[m] = id;
                outValues[m++] = values[(int) p];
            }
            return new Object[] {Arrays.copyOf(outIds, m), Arrays.copyOf(outValues, m)};
        }
    }

    /** Per-document facts shared by its candidates. */
    private static final class Doc {
        final DocumentView view;
        final int[] sentenceOf;
        final List<List<Integer>> bySentence = new ArrayList<>();
        final Map<String, List<Integer>> mentionsOf = new LinkedHashMap<>();
        final Map<String, EntityKind> kindOf = new HashMap<>();
        final Map<EntityKind, Integer> maxCount = new HashMap<>();
        final Map<EntityKind, Integer> distinct = new HashMap<>();
        final Map<EntityKind, Integer> mentionsOfKind = new HashMap<>();
        final Map<EntityKind, String> firstId = new HashMap<>();
        final Set<String> inTitle = new HashSet<>();
        final Map<String, BitSet> sentencesOf = new HashMap<>();
        final Map<Integer, Tokens> tokens = new HashMap<>();
        final Map<Integer, Modality.Sentence> modality = new HashMap<>();
        Map<Integer, Set<String>> ruleHits;
        Map<String, double[]> indication;
        Set<String> general;

        Doc(DocumentView view) {
            this.view = view;
            List<Entity> es = view.entities();
            sentenceOf = new int[es.size()];
            List<Span> ss = view.sentences();
            for (int i = 0; i < ss.size(); i++) {
                bySentence.add(new ArrayList<>());
            }
            int s = 0;
            for (int i = 0; i < es.size(); i++) {
                Entity e = es.get(i);
                while (s + 1 < ss.size() && ss.get(s).end() <= e.start()) {
                    s++;
                }
                sentenceOf[i] = ss.isEmpty() ? 0 : s;
                if (!ss.isEmpty()) {
                    bySentence.get(s).add(i);
                }
                mentionsOf.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(i);
                kindOf.putIfAbsent(e.id(), e.kind());
                sentencesOf.computeIfAbsent(e.id(), k -> new BitSet()).set(sentenceOf[i]);
                if (e.start() < view.titleEnd()) {
                    inTitle.add(e.id());
                }
                firstId.putIfAbsent(e.kind(), e.id());
            }
            mentionsOf.forEach((id, ms) -> {
                EntityKind k = kindOf.get(id);
                maxCount.merge(k, ms.size(), Math::max);
                mentionsOfKind.merge(k, ms.size(), Integer::sum);
                distinct.merge(k, 1, Integer::sum);
            });
        }

        private final Map<Integer, Map<String, List<String>>> rulesByPair = new HashMap<>();
        private final Map<String, List<String>> ancestors = new HashMap<>();

        /** The id's broader concepts, nearest first (at most 12). */
        List<String> ancestors(String id, Function<String, List<String>> parents) {
            return ancestors.computeIfAbsent(id, k -> {
                List<String> out = new ArrayList<>();
                List<String> todo = new ArrayList<>(parents.apply(k));
                Set<String> seen = new HashSet<>();
                while (!todo.isEmpty() && out.size() < 12) {
                    String p = todo.remove(0);
                    if (seen.add(p)) {
                        out.add(p);
                        todo.addAll(parents.apply(p));
                    }
                }
                return out;
            });
        }

        /** The cue-pattern features of each (subject TAB object) pair of one sentence, or null. */
        Map<String, List<String>> rulesBySentence(int sentence) {
            Set<String> hits = ruleHits.get(sentence);
            if (hits == null) {
                return null;
            }
            return rulesByPair.computeIfAbsent(sentence, k -> {
                Map<String, List<String>> out = new HashMap<>();
                for (String h : hits) {
                    String[] f = h.split("\t");
                    out.computeIfAbsent(f[0] + "\t" + f[2], x -> new ArrayList<>()).add(
                            (f.length > 3 ? "i:ruleNeg:" : "i:rule:") + f[1]);
                }
                return out;
            });
        }

        Modality.Sentence modality(int sentence) {
            return modality.computeIfAbsent(sentence, k -> Modality.analyse(view.slice(view.sentences().get(k))));
        }

        Tokens tokens(int sentence) {
            return tokens.computeIfAbsent(sentence, k -> Tokens.of(view, view.sentences().get(k), bySentence.get(k)));
        }
    }

    /** All candidate pairs of the document for these groups, in a stable order. */
    List<Candidate> candidates(DocumentView view, Set<Group> groups) {
        return candidates(view, groups, null);
    }

    /**
     * The same, with the cue-pattern statements of each sentence (by index into the view's sentences,
     * as "subject TAB PREDICATE TAB object", plus "TAB neg" when negated) already found by the caller;
     * null: find them here.
     */
    List<Candidate> candidates(DocumentView view, Set<Group> groups, Map<Integer, Set<String>> cueHits) {
        Doc d = new Doc(view);
        d.ruleHits = cueHits;
        List<Candidate> out = new ArrayList<>();
        for (Group g : Group.values()) {
            if (!groups.contains(g) || !d.distinct.containsKey(g.subject) || !d.distinct.containsKey(g.object)) {
                continue;
            }
            if (d.ruleHits == null) {
                d.ruleHits = ruleHits(d);
            }
            if (g.object == EntityKind.CONDITION && d.indication == null) {
                d.indication = indication(d);
                d.general = general(d);
            }
            Map<String, double[]> indication = g.object == EntityKind.CONDITION ? d.indication : Map.of();
            Set<String> general = g.object == EntityKind.CONDITION ? d.general : Set.of();
            for (Map.Entry<String, List<Integer>> s : d.mentionsOf.entrySet()) {
                if (d.kindOf.get(s.getKey()) != g.subject) {
                    continue;
                }
                for (Map.Entry<String, List<Integer>> o : d.mentionsOf.entrySet()) {
                    if (d.kindOf.get(o.getKey()) != g.object || o.getKey().equals(s.getKey())
                            || (g.symmetric() && s.getKey().compareTo(o.getKey()) > 0)) {
                        continue;
                    }
                    out.add(candidate(d, g, s.getKey(), o.getKey(), indication, general));
                }
            }
        }
        return out;
    }

    private Candidate candidate(Doc d, Group g, String subj, String obj, Map<String, double[]> indication, Set<String> general) {
        DocumentView v = d.view;
        List<Entity> es = v.entities();
        List<Integer> sm = d.mentionsOf.get(subj);
        List<Integer> om = d.mentionsOf.get(obj);
        BitSet shared = (BitSet) d.sentencesOf.get(subj).clone();
        shared.and(d.sentencesOf.get(obj));
        List<Candidate.Instance> instances = new ArrayList<>();
        for (int si = shared.nextSetBit(0); si >= 0; si = shared.nextSetBit(si + 1)) {
            int bestS = -1;
            int bestO = -1;
            int best = Integer.MAX_VALUE;
            for (int a : d.bySentence.get(si)) {
                if (!es.get(a).id().equals(subj)) {
                    continue;
                }
                for (int b : d.bySentence.get(si)) {
                    if (!es.get(b).id().equals(obj)) {
                        continue;
                    }
                    int dist = Math.max(0, Math.max(es.get(a).start(), es.get(b).start()) - Math.min(es.get(a).end(), es.get(b).end()));
                    if (dist < best) {
                        best = dist;
                        bestS = a;
                        bestO = b;
                    }
                }
            }
            instances.add(new Candidate.Instance(si, bestS, bestO, instanceFeatures(d, si, bestS, bestO)));
        }
        // nearest mentions across sentences
        int ns = sm.get(0);
        int no = om.get(0);
        int minSentDist = Integer.MAX_VALUE;
        int minChar = Integer.MAX_VALUE;
        for (int a : sm) {
            for (int b : om) {
                int sd = Math.abs(d.sentenceOf[a] - d.sentenceOf[b]);
                int cd = Math.abs(es.get(a).start() - es.get(b).start());
                if (sd < minSentDist || (sd == minSentDist && cd < minChar)) {
                    minSentDist = sd;
                    minChar = cd;
                    ns = a;
                    no = b;
                }
            }
        }
        Vector f = new Vector(index);
        f.add("bias", 1.0);
        int n = instances.size();
        f.flag("cooc", n > 0);
        f.add("coocLog", Math.log1p(Math.min(n, 5)));
        f.flag("sdist1", minSentDist == 1);
        f.flag("sdist2", minSentDist == 2);
        f.flag("sdist3", minSentDist >= 3);
        boolean sTitle = d.inTitle.contains(subj);
        boolean oTitle = d.inTitle.contains(obj);
        f.flag("sTitle", sTitle);
        f.flag("oTitle", oTitle);
        f.flag("bothTitle", sTitle && oTitle);
        f.flag("titleCooc", v.titleEnd() > 0 && shared.get(0));
        int sc = sm.size();
        int oc = om.size();
        f.add("sCountLog", Math.log1p(Math.min(sc, 10)));
        f.add("sShare", (double) sc / d.mentionsOfKind.get(g.subject));
        f.add("oCountLog", Math.log1p(Math.min(oc, 10)));
        f.add("oShare", (double) oc / d.mentionsOfKind.get(g.object));
        f.flag("sTop", sc == d.maxCount.get(g.subject));
        f.flag("oTop", oc == d.maxCount.get(g.object));
        f.flag("sFirst", subj.equals(d.firstId.get(g.subject)));
        f.flag("oFirst", obj.equals(d.firstId.get(g.object)));
        int nS = d.distinct.get(g.subject);
        int nO = d.distinct.get(g.object);
        f.add("nSubjLog", Math.log1p(Math.min(nS, 15)));
        f.add("nObjLog", Math.log1p(Math.min(nO, 15)));
        f.flag("sOnly", nS == 1);
        f.flag("oOnly", nO == 1);
        f.flag("sTopOTop", sc == d.maxCount.get(g.subject) && oc == d.maxCount.get(g.object));
        f.flag("sTitleOTop", sTitle && oc == d.maxCount.get(g.object));
        f.flag("sTopOTitle", sc == d.maxCount.get(g.subject) && oTitle);
        f.flag("coocSTop", n > 0 && sc == d.maxCount.get(g.subject));
        f.flag("singleSentence", v.sentences().size() <= 1);
        double[] ind = indication.get(obj);
        if (ind != null && ind[0] > 0) {
            f.add("oIndication", ind[1] / ind[0]);
            f.flag("oIndicationAll", ind[1] == ind[0]);
        }
        f.flag("oGeneral", general.contains(obj));
        // broader concepts (MeSH tree ancestors): what kind of drug and of condition, learnable beyond the ids seen
        for (String anc : d.ancestors(subj, parents)) {
            f.add(fSAnc.id(anc), 1.0);
        }
        for (String anc : d.ancestors(obj, parents)) {
            f.add(fOAnc.id(anc), 1.0);
        }
        // sentence-level features: the union over the sentences where both occur
        for (Candidate.Instance in : instances) {
            for (int x : in.ids()) {
                f.add(x, 1.0);
            }
        }
        Object[] sorted = f.sorted();
        return new Candidate(g, subj, obj, (int[]) sorted[0], (double[]) sorted[1], instances, ns, no);
    }

    /**
     * Feature ids of one family ("i:bw:" + a stem): suffix -> id, cached so that a stem (whose hash its
     * String keeps) costs one lookup and no concatenation. Bounded; thread-safe.
     */
    private final class Family {
        private final String prefix;
        private final Map<String, Integer> cache = new ConcurrentHashMap<>();

        Family(String prefix) {
            this.prefix = prefix;
        }

        int id(String suffix) {
            Integer i = cache.get(suffix);
            if (i == null) {
                i = index.id(prefix + suffix);
                if (cache.size() < 100_000) {
                    cache.put(suffix, i);
                }
            }
            return i;
        }
    }

    private final Family fOrd = new Family("i:ord:");
    private final Family fNb = new Family("i:nb:");
    private final Family fBw = new Family("i:bw:");
    private final Family fBwSO = new Family("i:bwSO:");
    private final Family fBwOS = new Family("i:bwOS:");
    private final Family fBwSeq = new Family("i:bwseq:");
    private final Family fBwL = new Family("i:bwL:");
    private final Family fBwFirst = new Family("i:bwFirst:");
    private final Family fBwLast = new Family("i:bwLast:");
    private final Family fOthers = new Family("i:others:");
    private final Family fS1 = new Family("i:s-1:");
    private final Family fS2 = new Family("i:s+1:");
    private final Family fO1 = new Family("i:o-1:");
    private final Family fO2 = new Family("i:o+1:");
    private final Family fSS1 = new Family("i:s-2:");
    private final Family fSS2 = new Family("i:s+2:");
    private final Family fOO1 = new Family("i:o-2:");
    private final Family fOO2 = new Family("i:o+2:");
    private final Family fBefore = new Family("i:before:");
    private final Family fAfter = new Family("i:after:");
    private final Family fFlag = new Family("i:");
    private final Family fSAnc = new Family("sAnc:");
    private final Family fOAnc = new Family("oAnc:");

    /** Sentence-level feature ids of mention pair (subject a, object b) in sentence si, sorted and unique. */
    private int[] instanceFeatures(Doc d, int si, int a, int b) {
        Vector out = new Vector(index);
        List<Entity> es = d.view.entities();
        Entity s = es.get(a);
        Entity o = es.get(b);
        boolean sFirst = s.start() <= o.start();
        Entity first = sFirst ? s : o;
        Entity second = sFirst ? o : s;
        String ord = sFirst ? "SO" : "OS";
        out.add(fOrd.id(ord), 1);
        if (si == 0 && d.view.titleEnd() > 0) {
            out.add(fFlag.id("title"), 1);
        }
        Tokens t = d.tokens(si);
        int firstEndTok = t.firstAtOrAfter(first.end());
        int secondStartTok = t.lastBefore(second.start());
        // words between (other mentions as their kind)
        List<String> between = new ArrayList<>();
        int others = 0;
        int lastMention = -2;
        boolean sameKindBetween = false;
        for (int k = firstEndTok; k <= secondStartTok && k < t.size(); k++) {
            int m = t.mention[k];
            if (m >= 0) {
                if (m != lastMention && m != a && m != b) {
                    Entity e = es.get(m);
                    between.add(KIND_TOKEN.get(e.kind()));
                    others++;
                    if (e.kind() == first.kind() || e.kind() == second.kind()) {
                        sameKindBetween = true;
                    }
                }
                lastMention = m;
                continue;
            }
            between.add(t.stem(k));
        }
        int nb = between.size();
        out.add(fNb.id(bucket(nb)), 1);
        Family bwOrd = sFirst ? fBwSO : fBwOS;
        if (nb <= MAX_BETWEEN) {
            for (String w : between) {
                out.add(fBw.id(w), 1);
                out.add(bwOrd.id(w), 1);
            }
            if (nb <= 4) {
                out.add(fBwSeq.id(ord + ":" + String.join("_", between)), 1);
            }
        } else {
            for (int k = 0; k < 4; k++) {
                out.add(fBwL.id(between.get(k)), 1);
                out.add(fBwL.id(between.get(nb - 1 - k)), 1);
            }
        }
        if (!between.isEmpty()) {
            out.add(fBwFirst.id(between.get(0)), 1);
            out.add(fBwLast.id(between.get(nb - 1)), 1);
        }
        out.add(fOthers.id(String.valueOf(Math.min(others, 3))), 1);
        if (sameKindBetween) {
            out.add(fFlag.id("sameKindBetween"), 1);
        }
        // neighbours of each mention
        int sBefore = t.lastBefore(s.start());
        int sAfter = t.firstAtOrAfter(s.end());
        int oBefore = t.lastBefore(o.start());
        int oAfter = t.firstAtOrAfter(o.end());
        out.add(fS1.id(t.word(sBefore)), 1);
        out.add(fS2.id(t.word(sAfter)), 1);
        out.add(fO1.id(t.word(oBefore)), 1);
        out.add(fO2.id(t.word(oAfter)), 1);
        out.add(fSS1.id(t.word(sBefore - 1) + "_" + t.word(sBefore)), 1);
        out.add(fSS2.id(t.word(sAfter) + "_" + t.word(sAfter + 1)), 1);
        out.add(fOO1.id(t.word(oBefore - 1) + "_" + t.word(oBefore)), 1);
        out.add(fOO2.id(t.word(oAfter) + "_" + t.word(oAfter + 1)), 1);
        int firstBefore = t.lastBefore(first.start());
        int secondAfter = t.firstAtOrAfter(second.end());
        for (int k = 1; k <= 3; k++) {
            out.add(fBefore.id(t.word(firstBefore - k + 1)), 1);
            out.add(fAfter.id(t.word(secondAfter + k - 1)), 1);
        }
        // cue patterns and modality
        Map<String, List<String>> hits = d.rulesBySentence(si);
        if (hits != null) {
            List<String> fs = hits.get(s.id() + "\t" + o.id());
            if (fs != null) {
                for (String f : fs) {
                    out.add(f, 1);
                }
            }
        }
        Span sent = d.view.sentences().get(si);
        Modality m = Modality.of(d.modality(si), s.start() - sent.start(), s.end() - sent.start(),
                o.start() - sent.start(), o.end() - sent.start());
        if (m.negated()) {
            out.add(fFlag.id("neg"), 1);
        }
        if (m.hedged()) {
            out.add(fFlag.id("hedge"), 1);
        }
        return out.uniqueIds();
    }

    private static final Map<EntityKind, String> KIND_TOKEN = Map.of(EntityKind.DRUG, "[D]", EntityKind.TARGET, "[T]",
            EntityKind.PROCESS, "[P]", EntityKind.CONDITION, "[C]");

    private static String bucket(int n) {
        return n <= 2 ? String.valueOf(n) : n <= 4 ? "3-4" : n <= 7 ? "5-7" : n <= 12 ? "8-12" : n <= 20 ? "13-20" : "21+";
    }

    /** The cue-pattern statements of each sentence of a view (keys as {@link RelationModel#cueKey}). */
    Map<Integer, Set<String>> cueHits(DocumentView view) {
        return ruleHits(new Doc(view));
    }

    /** Cue-pattern statements of each sentence, as "subject TAB predicate TAB object[ TAB neg]". */
    private Map<Integer, Set<String>> ruleHits(Doc d) {
        Map<Integer, Set<String>> out = new HashMap<>();
        if (rules == null) {
            return out;
        }
        List<Entity> es = d.view.entities();
        for (int si = 0; si < d.bySentence.size(); si++) {
            List<Integer> ms = d.bySentence.get(si);
            if (ms.size() < 2) {
                continue;
            }
            Set<EntityKind> kinds = new HashSet<>();
            ms.forEach(i -> kinds.add(es.get(i).kind()));
            if (kinds.size() < 2) {
                continue;
            }
            List<Mention> mentions = new ArrayList<>(ms.size());
            int lastEnd = -1;
            for (int i : ms) {
                Entity e = es.get(i);
                if (e.start() < lastEnd) {
                    continue; // the rules read non-overlapping mentions
                }
                lastEnd = e.end();
                String surface = d.view.text().substring(e.start(), e.end());
                mentions.add(new Mention(e.start(), e.end(), surface,
                        new LexiconEntry(e.id(), e.kind(), surface, List.of(), List.of(), null)));
            }
            Span sent = d.view.sentences().get(si);
            Set<String> hits = new HashSet<>();
            for (RelationExtractor.Found f : rules.extract(d.view.slice(sent), sent.start(), mentions)) {
                String key = mentions.get(f.subject()).entry().id() + "\t" + f.predicate() + "\t"
                        + mentions.get(f.object()).entry().id();
                hits.add(f.negated() ? key + "\tneg" : key);
            }
            if (!hits.isEmpty()) {
                out.put(si, hits);
            }
        }
        return out;
    }

    /** Condition id -> {mentions, mentions in an indication context}. */
    private static Map<String, double[]> indication(Doc d) {
        Map<String, double[]> out = new HashMap<>();
        String text = d.view.text();
        for (Entity e : d.view.entities()) {
            if (e.kind() != EntityKind.CONDITION) {
                continue;
            }
            double[] c = out.computeIfAbsent(e.id(), k -> new double[2]);
            c[0]++;
            String before = text.substring(Math.max(0, e.start() - 40), e.start()).toLowerCase(Locale.ROOT);
            if (INDICATION_WORD.matcher(before).find() && INDICATION.matcher(before).find()) {
                c[1]++;
            }
        }
        return out;
    }

    /** Conditions of the document with a more specific condition also named. */
    private Set<String> general(Doc d) {
        Set<String> conditions = new HashSet<>();
        d.kindOf.forEach((id, k) -> {
            if (k == EntityKind.CONDITION) {
                conditions.add(id);
            }
        });
        Set<String> out = new HashSet<>();
        for (String c : conditions) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(parents.apply(c));
            while (!todo.isEmpty() && seen.size() < 100) {
                String p = todo.remove(todo.size() - 1);
                if (seen.add(p)) {
                    if (conditions.contains(p)) {
                        out.add(p);
                    }
                    todo.addAll(parents.apply(p));
                }
            }
        }
        return out;
    }

    /** The words of one sentence: stems, offsets, and which mention (entity index) covers each. */
    static final class Tokens {
        final int[] start;
        final int[] end;
        final String[] stem;
        final int[] mention;

        private final String text;

        private Tokens(String text, int[] start, int[] end, String[] stem, int[] mention) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.stem = stem;
            this.mention = mention;
        }

        int size() {
            return start.length;
        }

        /** The stem of token k, or a boundary marker outside the sentence. */
        /** The stem of token k, computed on first use. */
        String stem(int k) {
            String st = stem[k];
            if (st == null) {
                st = Features.stem(text.substring(start[k], end[k]));
                stem[k] = st;
            }
            return st;
        }

        String word(int k) {
            if (k < 0) {
                return "<s>";
            }
            if (k >= start.length) {
                return "</s>";
            }
            return mention[k] >= 0 ? "[M]" : stem(k);
        }

        /** Index of the first token starting at or after {@code offset}. */
        int firstAtOrAfter(int offset) {
            int lo = 0;
            int hi = start.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (start[mid] < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Index of the last token ending at or before {@code offset} (-1 when none). */
        int lastBefore(int offset) {
            int lo = 0;
            int hi = end.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] <= offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - 1;
        }

        static Tokens of(DocumentView v, Span s, List<Integer> mentions) {
            String text = v.text();
            int n = 0;
            int[] st = new int[16];
            int[] en = new int[16];
            int i = s.start();
            while (i < s.end()) {
                char c = text.charAt(i);
                int j;
                if (Character.isLetterOrDigit(c)) {
                    j = i + 1;
                    while (j < s.end() && (Character.isLetterOrDigit(text.charAt(j)) || (text.charAt(j) == '\''
                            && j + 1 < s.end() && Character.isLetter(text.charAt(j + 1))))) {
                        j++;
                    }
                } else if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                } else {
                    j = i + 1;
                }
                if (n == st.length) {
                    st = Arrays.copyOf(st, n * 2);
                    en = Arrays.copyOf(en, n * 2);
                }
                st[n] = i;
                en[n] = j;
                n++;
                i = j;
            }
            st = Arrays.copyOf(st, n);
            en = Arrays.copyOf(en, n);
            String[] stems = new String[n];
            int[] mention = new int[n];
            Arrays.fill(mention, -1);
            List<Entity> es = v.entities();
            for (int m : mentions) {
                Entity e = es.get(m);
                for (int k = 0; k < n; k++) {
                    if (st[k] < e.end() && e.start() < en[k] && mention[k] < 0) {
                        mention[k] = m;
                    }
                }
            }
            return new Tokens(text, st, en, stems, mention);
        }
    }

    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    /** Lower-cased Snowball stem; numbers become "<num>". */
    static String stem(String word) {
        String cached = STEMS.get(word);
        if (cached != null) {
            return cached;
        }
        String w = word.toLowerCase(Locale.ROOT);
        String out;
        if (w.chars().anyMatch(Character::isDigit)) {
            out = "<num>";
        } else if (w.length() <= 2 || !Character.isLetter(w.charAt(0))) {
            out = w;
        } else {
            EnglishStemmer st = STEMMER.get();
            st.setCurrent(w);
            st.stem();
            out = st.getCurrent();
        }
        if (STEMS.size() < 200_000) {
            STEMS.put(word, out);
        }
        return out;
    }
}
