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
    private static final int MAX_BETWEEN = 15;

    private final RelationExtractor rules;
    private final Function<String, List<String>> parents;

    /**
     * @param rules   cue patterns whose matches become features (null: none)
     * @param parents broader concepts of an id (MeSH tree), for "a more specific condition is named"
     */
    Features(RelationExtractor rules, Function<String, List<String>> parents) {
        this.rules = rules;
        this.parents = parents == null ? id -> List.of() : parents;
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
        final Map<EntityKind, String> firstId = new HashMap<>();
        final Set<String> inTitle = new HashSet<>();
        final Map<String, BitSet> sentencesOf = new HashMap<>();
        final Map<Integer, Tokens> tokens = new HashMap<>();
        Map<Integer, Set<String>> ruleHits;

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
                distinct.merge(k, 1, Integer::sum);
            });
        }

        Tokens tokens(int sentence) {
            return tokens.computeIfAbsent(sentence, k -> Tokens.of(view, view.sentences().get(k), bySentence.get(k)));
        }
    }

    /** All candidate pairs of the document for these groups, in a stable order. */
    List<Candidate> candidates(DocumentView view, Set<Group> groups) {
        Doc d = new Doc(view);
        List<Candidate> out = new ArrayList<>();
        for (Group g : Group.values()) {
            if (!groups.contains(g) || !d.distinct.containsKey(g.subject) || !d.distinct.containsKey(g.object)) {
                continue;
            }
            if (d.ruleHits == null) {
                d.ruleHits = ruleHits(d);
            }
            Map<String, double[]> indication = g.object == EntityKind.CONDITION ? indication(d) : Map.of();
            Set<String> general = g.object == EntityKind.CONDITION ? general(d) : Set.of();
            for (Map.Entry<String, List<Integer>> s : d.mentionsOf.entrySet()) {
                if (d.kindOf.get(s.getKey()) != g.subject) {
                    continue;
                }
                for (Map.Entry<String, List<Integer>> o : d.mentionsOf.entrySet()) {
                    if (d.kindOf.get(o.getKey()) != g.object || o.getKey().equals(s.getKey())) {
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
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("bias", 1.0);
        int n = instances.size();
        put(f, "cooc", n > 0);
        f.put("coocLog", Math.log1p(n));
        put(f, "sdist1", minSentDist == 1);
        put(f, "sdist2", minSentDist == 2);
        put(f, "sdist3", minSentDist >= 3);
        boolean sTitle = d.inTitle.contains(subj);
        boolean oTitle = d.inTitle.contains(obj);
        put(f, "sTitle", sTitle);
        put(f, "oTitle", oTitle);
        put(f, "bothTitle", sTitle && oTitle);
        put(f, "titleCooc", v.titleEnd() > 0 && shared.get(0));
        int sc = sm.size();
        int oc = om.size();
        f.put("sCountLog", Math.log1p(sc));
        f.put("oCountLog", Math.log1p(oc));
        put(f, "sTop", sc == d.maxCount.get(g.subject));
        put(f, "oTop", oc == d.maxCount.get(g.object));
        put(f, "sFirst", subj.equals(d.firstId.get(g.subject)));
        put(f, "oFirst", obj.equals(d.firstId.get(g.object)));
        int nS = d.distinct.get(g.subject);
        int nO = d.distinct.get(g.object);
        f.put("nSubjLog", Math.log1p(nS));
        f.put("nObjLog", Math.log1p(nO));
        put(f, "sOnly", nS == 1);
        put(f, "oOnly", nO == 1);
        put(f, "sTopOTop", sc == d.maxCount.get(g.subject) && oc == d.maxCount.get(g.object));
        put(f, "sTitleOTop", sTitle && oc == d.maxCount.get(g.object));
        put(f, "sTopOTitle", sc == d.maxCount.get(g.subject) && oTitle);
        put(f, "coocSTop", n > 0 && sc == d.maxCount.get(g.subject));
        put(f, "singleSentence", v.sentences().size() <= 1);
        double[] ind = indication.get(obj);
        if (ind != null && ind[0] > 0) {
            f.put("oIndication", ind[1] / ind[0]);
            put(f, "oIndicationAll", ind[1] == ind[0]);
        }
        put(f, "oGeneral", general.contains(obj));
        // sentence-level features: the union over the sentences where both occur
        Set<String> seen = new HashSet<>();
        for (Candidate.Instance in : instances) {
            for (String x : in.features()) {
                if (seen.add(x)) {
                    f.put(x, 1.0);
                }
            }
        }
        return new Candidate(g, subj, obj, f, instances, ns, no);
    }

    private static void put(Map<String, Double> f, String name, boolean on) {
        if (on) {
            f.put(name, 1.0);
        }
    }

    /** Sentence-level features of mention pair (subject a, object b) in sentence si. */
    private List<String> instanceFeatures(Doc d, int si, int a, int b) {
        List<String> out = new ArrayList<>(48);
        List<Entity> es = d.view.entities();
        Entity s = es.get(a);
        Entity o = es.get(b);
        boolean sFirst = s.start() <= o.start();
        Entity first = sFirst ? s : o;
        Entity second = sFirst ? o : s;
        String ord = sFirst ? "SO" : "OS";
        out.add("i:ord:" + ord);
        if (si == 0 && d.view.titleEnd() > 0) {
            out.add("i:title");
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
                    between.add("[" + e.kind().name().charAt(0) + "]");
                    others++;
                    if (e.kind() == first.kind() || e.kind() == second.kind()) {
                        sameKindBetween = true;
                    }
                }
                lastMention = m;
                continue;
            }
            between.add(t.stem[k]);
        }
        int nb = between.size();
        out.add("i:nb:" + bucket(nb));
        if (nb <= MAX_BETWEEN) {
            for (String w : between) {
                out.add("i:bw:" + w);
                out.add("i:bw" + ord + ":" + w);
            }
            if (nb <= 4) {
                out.add("i:bwseq:" + ord + ":" + String.join("_", between));
            }
        } else {
            for (int k = 0; k < 4; k++) {
                out.add("i:bwL:" + between.get(k));
                out.add("i:bwL:" + between.get(nb - 1 - k));
            }
        }
        if (!between.isEmpty()) {
            out.add("i:bwFirst:" + between.get(0));
            out.add("i:bwLast:" + between.get(nb - 1));
        }
        out.add("i:others:" + Math.min(others, 3));
        if (sameKindBetween) {
            out.add("i:sameKindBetween");
        }
        // neighbours of each mention
        int sBefore = t.lastBefore(s.start());
        int sAfter = t.firstAtOrAfter(s.end());
        int oBefore = t.lastBefore(o.start());
        int oAfter = t.firstAtOrAfter(o.end());
        out.add("i:s-1:" + t.word(sBefore));
        out.add("i:s+1:" + t.word(sAfter));
        out.add("i:o-1:" + t.word(oBefore));
        out.add("i:o+1:" + t.word(oAfter));
        out.add("i:s-2:" + t.word(sBefore - 1) + "_" + t.word(sBefore));
        out.add("i:s+2:" + t.word(sAfter) + "_" + t.word(sAfter + 1));
        out.add("i:o-2:" + t.word(oBefore - 1) + "_" + t.word(oBefore));
        out.add("i:o+2:" + t.word(oAfter) + "_" + t.word(oAfter + 1));
        int firstBefore = t.lastBefore(first.start());
        int secondAfter = t.firstAtOrAfter(second.end());
        for (int k = 1; k <= 3; k++) {
            out.add("i:before:" + t.word(firstBefore - k + 1));
            out.add("i:after:" + t.word(secondAfter + k - 1));
        }
        // cue patterns and modality
        Set<String> hits = d.ruleHits.get(si);
        if (hits != null) {
            for (Predicate p : Predicate.values()) {
                if (hits.contains(s.id() + "\t" + p + "\t" + o.id())) {
                    out.add("i:rule:" + p);
                }
                if (hits.contains(s.id() + "\t" + p + "\t" + o.id() + "\tneg")) {
                    out.add("i:ruleNeg:" + p);
                }
            }
        }
        Span sent = d.view.sentences().get(si);
        Modality m = Modality.of(d.view.slice(sent), s.start() - sent.start(), s.end() - sent.start(),
                o.start() - sent.start(), o.end() - sent.start());
        if (m.negated()) {
            out.add("i:neg");
        }
        if (m.hedged()) {
            out.add("i:hedge");
        }
        return out;
    }

    private static String bucket(int n) {
        return n <= 2 ? String.valueOf(n) : n <= 4 ? "3-4" : n <= 7 ? "5-7" : n <= 12 ? "8-12" : n <= 20 ? "13-20" : "21+";
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
            if (INDICATION.matcher(before).find()) {
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

        private Tokens(int[] start, int[] end, String[] stem, int[] mention) {
            this.start = start;
            this.end = end;
            this.stem = stem;
            this.mention = mention;
        }

        int size() {
            return start.length;
        }

        /** The stem of token k, or a boundary marker outside the sentence. */
        String word(int k) {
            if (k < 0) {
                return "<s>";
            }
            if (k >= start.length) {
                return "</s>";
            }
            return mention[k] >= 0 ? "[M]" : stem[k];
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
            for (int k = 0; k < n; k++) {
                stems[k] = stem(text.substring(st[k], en[k]));
            }
            return new Tokens(st, en, stems, mention);
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
