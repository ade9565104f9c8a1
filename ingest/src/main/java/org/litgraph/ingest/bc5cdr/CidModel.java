package org.litgraph.ingest.bc5cdr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;

/**
 * Scores (chemical, disease) concept pairs of one abstract as chemical-induced-disease relations:
 * logistic regression over document features (co-occurrence in a sentence, cue words between the
 * two, the project's cue-pattern statements, title mentions, mention counts, distance, the
 * disease's MeSH branch, whether a more specific disease is named) and priors counted on the
 * BC5CDR training set. Weights, threshold and priors are a small resource written by
 * {@link CidTrainer}; nothing is downloaded.
 */
final class CidModel {
    static final String RESOURCE = "org/litgraph/ingest/bc5cdr/cid-model.tsv";

    private static final Pattern CAUSE_CUE = Pattern.compile("induc|caus|associated|attribut|due to|provok|produc|develop|result|precipitat|toxic|after|follow|secondary");
    private static final Pattern TREAT_CUE = Pattern.compile("treat|therap|prevent|protect|reduc|attenuat|revers|improv|alleviat|manag|efficacy|effective|inhibit|antagon|block");
    private static final Pattern NEGATION_CUE = Pattern.compile("\\b(?:no|not|without|neither|nor|absence)\\b");
    private static final Pattern INDICATION = Pattern.compile("(?:patients? (?:with|having|suffering from)|treatment of|treated for|"
            + "therapy (?:of|for)|management of|in|for|against|with|history of|prevent|prevention of|"
            + "cases of|model of)\\s+(?:\\S+\\s+){0,2}$");
    private static final Pattern INDUCED = Pattern.compile("^\\s*[-‐]?\\s*(?:induced|associated|related)");

    /** Counts from the training set: concept -> {documents naming it, documents where it is in a CID relation}. */
    record Priors(Map<String, int[]> chemicals, Map<String, int[]> diseases, Map<String, int[]> pairs) {
        static Priors empty() {
            return new Priors(new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        /** Adds one gold document's counts (sign +1) or removes them again (-1, leave-one-out). */
        void add(PubTator.Doc doc, int sign) {
            Set<String> chems = new HashSet<>();
            Set<String> diss = new HashSet<>();
            for (PubTator.Annotation a : doc.annotations()) {
                for (String id : a.ids()) {
                    if (!id.equals("-1")) {
                        ("Chemical".equals(a.type()) ? chems : diss).add("MESH:" + id);
                    }
                }
            }
            Set<String> cid = new HashSet<>();
            Set<String> cidChems = new HashSet<>();
            Set<String> cidDiss = new HashSet<>();
            for (PubTator.Relation r : doc.relations()) {
                cid.add("MESH:" + r.chemical() + "\t" + "MESH:" + r.disease());
                cidChems.add("MESH:" + r.chemical());
                cidDiss.add("MESH:" + r.disease());
            }
            chems.forEach(c -> bump(chemicals, c, sign, cidChems.contains(c)));
            diss.forEach(d -> bump(diseases, d, sign, cidDiss.contains(d)));
            for (String c : chems) {
                for (String d : diss) {
                    String key = c + "\t" + d;
                    if (cid.contains(key) || pairs.containsKey(key) || sign > 0) {
                        bump(pairs, key, sign, cid.contains(key));
                    }
                }
            }
        }

        private static void bump(Map<String, int[]> map, String key, int sign, boolean positive) {
            int[] c = map.computeIfAbsent(key, k -> new int[2]);
            c[0] += sign;
            if (positive) {
                c[1] += sign;
            }
        }
    }

    record Candidate(String chemical, String disease, double[] x) {
    }

    static final List<String> FEATURES = new ArrayList<>();
    private static final Map<String, Integer> INDEX = new LinkedHashMap<>();

    static {
        for (String f : List.of("bias", "sameSentence", "sameSentenceLog", "causesRule", "causesRuleNegated", "treatsRule",
                "chemInTitle", "diseaseInTitle", "bothInTitle", "titleSentenceBoth", "chemTop", "diseaseTop", "chemCountLog",
                "diseaseCountLog", "chemFirst", "dist1", "dist2", "dist3plus", "causeCue", "treatCue", "negationCue",
                "inducedCompound", "moreSpecificDisease", "chemOnlyOne", "diseaseOnlyOne", "sameSentenceChemTop",
                "pairPriorLog", "pairRate", "pairSeen", "chemRate", "diseaseRate", "chemSeen", "diseaseSeen",
                "tokenDistanceLog", "chemMentions1", "nChemicalsLog", "nDiseasesLog", "indication", "indicationAll",
                "chemTitleDiseaseTop", "chemTopDiseaseTitle", "sameSentenceCause", "sameSentenceTreat", "chemTitleSame",
                "diseaseCooccurChemsLog", "chemCooccurDisLog", "causesRuleOrInduced")) {
            add(f);
        }
        for (String top : List.of("C01", "C04", "C06", "C08", "C10", "C12", "C13", "C14", "C15", "C16", "C17", "C19",
                "C20", "C21", "C23", "C25", "C26", "F03", "other")) {
            add("tree" + top);
        }
    }

    private static void add(String f) {
        INDEX.put(f, FEATURES.size());
        FEATURES.add(f);
    }

    final double[] weights;
    final double threshold;
    /** When no pair of a document reaches the threshold, its best pair is still taken if it scores at least this. */
    final double fallback;
    final Priors priors;
    private final Map<String, String> treeByDisease;

    CidModel(double[] weights, double threshold, double fallback, Priors priors, Map<String, String> treeByDisease) {
        this.weights = weights;
        this.threshold = threshold;
        this.fallback = fallback;
        this.priors = priors;
        this.treeByDisease = treeByDisease;
    }

    double score(double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The CID relations predicted for an analysed abstract, as (chemical id, disease id) pairs in a stable order. */
    List<String[]> predict(Analysis a, Lexicon lexicon) {
        List<String[]> out = new ArrayList<>();
        Candidate best = null;
        double bestScore = -1;
        for (Candidate c : candidates(a, lexicon, priors, treeByDisease)) {
            double s = score(c.x());
            if (s >= threshold) {
                out.add(new String[] {c.chemical(), c.disease()});
            }
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        if (out.isEmpty() && best != null && bestScore >= fallback) {
            out.add(new String[] {best.chemical(), best.disease()});
        }
        return out;
    }

    /** Every (chemical, disease) pair of the abstract's concepts, with its features. */
    static List<Candidate> candidates(Analysis a, Lexicon lexicon, Priors priors, Map<String, String> treeByDisease) {
        Map<String, Integer> chemCount = new TreeMap<>();
        Map<String, Integer> disCount = new TreeMap<>();
        Map<String, Integer> firstPos = new HashMap<>();
        Set<String> inTitle = new HashSet<>();
        List<Mention> all = a.mentions();
        for (Mention m : all) {
            String id = m.entry().id();
            (m.entry().kind() == EntityKind.DRUG ? chemCount : disCount).merge(id, 1, Integer::sum);
            firstPos.putIfAbsent(id, m.start());
            if (m.start() < a.titleEnd()) {
                inTitle.add(id);
            }
        }
        if (chemCount.isEmpty() || disCount.isEmpty()) {
            return List.of();
        }
        int maxChem = chemCount.values().stream().max(Integer::compare).orElse(0);
        int maxDis = disCount.values().stream().max(Integer::compare).orElse(0);
        String firstChem = chemCount.keySet().stream().min((x, y) -> Integer.compare(firstPos.get(x), firstPos.get(y))).orElse(null);
        // sentence indexes of each concept
        Map<String, List<Integer>> sentencesOf = new HashMap<>();
        for (int i = 0; i < a.mentionsBySentence().size(); i++) {
            for (Mention m : a.mentionsBySentence().get(i)) {
                List<Integer> l = sentencesOf.computeIfAbsent(m.entry().id(), k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != i) {
                    l.add(i);
                }
            }
        }
        // diseases written where an indication usually is ("patients with D", "treatment of D"): share of mentions
        Map<String, int[]> indication = new HashMap<>();
        for (Mention m : all) {
            if (m.entry().kind() != EntityKind.CONDITION) {
                continue;
            }
            String before = a.text().substring(Math.max(0, m.start() - 40), m.start()).toLowerCase(Locale.ROOT);
            int[] c = indication.computeIfAbsent(m.entry().id(), k -> new int[2]);
            c[0]++;
            if (INDICATION.matcher(before).find()) {
                c[1]++;
            }
        }
        // how many concepts of the other kind share a sentence with each concept
        Map<String, Set<String>> cooccur = new HashMap<>();
        for (List<Mention> ms : a.mentionsBySentence()) {
            for (Mention x : ms) {
                for (Mention y : ms) {
                    if (x.entry().kind() != y.entry().kind()) {
                        cooccur.computeIfAbsent(x.entry().id(), k -> new HashSet<>()).add(y.entry().id());
                    }
                }
            }
        }
        // diseases that have a more specific disease named in the same abstract
        Set<String> general = new HashSet<>();
        for (String d : disCount.keySet()) {
            for (String anc : ancestors(d, lexicon)) {
                if (disCount.containsKey(anc)) {
                    general.add(anc);
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (String c : chemCount.keySet()) {
            for (String d : disCount.keySet()) {
                double[] x = new double[FEATURES.size()];
                set(x, "bias", 1);
                int same = 0;
                int minDist = Integer.MAX_VALUE;
                boolean cause = false, treat = false, neg = false, induced = false, titleBoth = false;
                int minTok = Integer.MAX_VALUE;
                for (int si : sentencesOf.get(c)) {
                    for (int di : sentencesOf.get(d)) {
                        minDist = Math.min(minDist, Math.abs(si - di));
                    }
                    if (!sentencesOf.get(d).contains(si)) {
                        continue;
                    }
                    same++;
                    if (si == 0) {
                        titleBoth = true;
                    }
                    List<Mention> ms = a.mentionsBySentence().get(si);
                    for (Mention mc : ms) {
                        if (!mc.entry().id().equals(c)) {
                            continue;
                        }
                        for (Mention md : ms) {
                            if (!md.entry().id().equals(d)) {
                                continue;
                            }
                            int from = Math.min(mc.end(), md.end());
                            int to = Math.max(mc.start(), md.start());
                            String between = from < to ? a.text().substring(from, to).toLowerCase(Locale.ROOT) : "";
                            minTok = Math.min(minTok, between.split("\\s+").length);
                            cause |= CAUSE_CUE.matcher(between).find();
                            treat |= TREAT_CUE.matcher(between).find();
                            neg |= NEGATION_CUE.matcher(between).find();
                            if (mc.end() <= md.start() && INDUCED.matcher(between).find()) {
                                induced = true;
                            }
                        }
                    }
                }
                boolean rule = false, ruleNeg = false, treats = false;
                for (Analysis.Statement s : a.statements()) {
                    if (s.subject().equals(c) && s.object().equals(d)) {
                        if (s.predicate() == Predicate.CAUSES) {
                            if (s.negated()) {
                                ruleNeg = true;
                            } else {
                                rule = true;
                            }
                        } else if (s.predicate() == Predicate.TREATS) {
                            treats = true;
                        }
                    }
                }
                set(x, "sameSentence", same > 0 ? 1 : 0);
                set(x, "sameSentenceLog", Math.log1p(same));
                set(x, "causesRule", rule ? 1 : 0);
                set(x, "causesRuleNegated", ruleNeg ? 1 : 0);
                set(x, "treatsRule", treats ? 1 : 0);
                set(x, "chemInTitle", inTitle.contains(c) ? 1 : 0);
                set(x, "diseaseInTitle", inTitle.contains(d) ? 1 : 0);
                set(x, "bothInTitle", inTitle.contains(c) && inTitle.contains(d) ? 1 : 0);
                set(x, "titleSentenceBoth", titleBoth ? 1 : 0);
                set(x, "chemTop", chemCount.get(c) == maxChem ? 1 : 0);
                set(x, "diseaseTop", disCount.get(d) == maxDis ? 1 : 0);
                set(x, "chemCountLog", Math.log1p(chemCount.get(c)));
                set(x, "diseaseCountLog", Math.log1p(disCount.get(d)));
                set(x, "chemFirst", c.equals(firstChem) ? 1 : 0);
                set(x, "dist1", minDist == 1 ? 1 : 0);
                set(x, "dist2", minDist == 2 ? 1 : 0);
                set(x, "dist3plus", minDist >= 3 ? 1 : 0);
                set(x, "causeCue", cause ? 1 : 0);
                set(x, "treatCue", treat ? 1 : 0);
                set(x, "negationCue", neg ? 1 : 0);
                set(x, "inducedCompound", induced ? 1 : 0);
                set(x, "moreSpecificDisease", general.contains(d) ? 1 : 0);
                set(x, "chemOnlyOne", chemCount.size() == 1 ? 1 : 0);
                set(x, "diseaseOnlyOne", disCount.size() == 1 ? 1 : 0);
                set(x, "sameSentenceChemTop", same > 0 && chemCount.get(c) == maxChem ? 1 : 0);
                int[] pc = priors.pairs().getOrDefault(c + "\t" + d, new int[2]);
                int[] cc = priors.chemicals().getOrDefault(c, new int[2]);
                int[] dc = priors.diseases().getOrDefault(d, new int[2]);
                set(x, "pairPriorLog", Math.log1p(Math.max(0, pc[1])));
                set(x, "pairRate", pc[0] > 0 ? (double) pc[1] / pc[0] : 0);
                set(x, "pairSeen", pc[1] > 0 ? 1 : 0);
                set(x, "chemRate", cc[0] > 0 ? (double) cc[1] / cc[0] : 0);
                set(x, "diseaseRate", dc[0] > 0 ? (double) dc[1] / dc[0] : 0);
                set(x, "chemSeen", cc[0] > 0 ? 1 : 0);
                set(x, "diseaseSeen", dc[0] > 0 ? 1 : 0);
                set(x, "tokenDistanceLog", minTok == Integer.MAX_VALUE ? 0 : Math.log1p(minTok));
                set(x, "chemMentions1", chemCount.get(c) == 1 ? 1 : 0);
                set(x, "nChemicalsLog", Math.log1p(chemCount.size()));
                set(x, "nDiseasesLog", Math.log1p(disCount.size()));
                int[] ind = indication.getOrDefault(d, new int[2]);
                set(x, "indication", ind[0] > 0 ? (double) ind[1] / ind[0] : 0);
                set(x, "indicationAll", ind[0] > 0 && ind[1] == ind[0] ? 1 : 0);
                set(x, "chemTitleDiseaseTop", inTitle.contains(c) && disCount.get(d) == maxDis ? 1 : 0);
                set(x, "chemTopDiseaseTitle", chemCount.get(c) == maxChem && inTitle.contains(d) ? 1 : 0);
                set(x, "sameSentenceCause", same > 0 && cause ? 1 : 0);
                set(x, "sameSentenceTreat", same > 0 && treat ? 1 : 0);
                set(x, "chemTitleSame", inTitle.contains(c) && same > 0 ? 1 : 0);
                set(x, "diseaseCooccurChemsLog", Math.log1p(cooccur.getOrDefault(d, Set.of()).size()));
                set(x, "chemCooccurDisLog", Math.log1p(cooccur.getOrDefault(c, Set.of()).size()));
                set(x, "causesRuleOrInduced", rule || induced ? 1 : 0);
                String tree = treeByDisease.getOrDefault(d, "other");
                set(x, INDEX.containsKey("tree" + tree) ? "tree" + tree : "treeother", 1);
                out.add(new Candidate(c, d, x));
            }
        }
        return out;
    }

    private static void set(double[] x, String feature, double value) {
        x[INDEX.get(feature)] = value;
    }

    private static Set<String> ancestors(String id, Lexicon lexicon) {
        Set<String> out = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(id));
        while (!todo.isEmpty() && out.size() < 200) {
            String cur = todo.remove(todo.size() - 1);
            LexiconEntry e = lexicon.get(cur).orElse(null);
            if (e == null) {
                continue;
            }
            for (String p : e.parents()) {
                if (out.add(p)) {
                    todo.add(p);
                }
            }
        }
        return out;
    }

    /** Reads the shipped model; tree branches come with it (disease id -> first tree prefix). */
    static CidModel load() {
        InputStream in = CidModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE + " (run CidTrainer)");
        }
        double[] w = new double[FEATURES.size()];
        double threshold = 0.5;
        double fallback = 1;
        Priors priors = Priors.empty();
        Map<String, String> trees = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "w" -> {
                        Integer i = INDEX.get(f[1]);
                        if (i != null) {
                            w[i] = Double.parseDouble(f[2]);
                        }
                    }
                    case "threshold" -> threshold = Double.parseDouble(f[1]);
                    case "fallback" -> fallback = Double.parseDouble(f[1]);
                    case "chem" -> priors.chemicals().put(f[1], new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                    case "disease" -> priors.diseases().put(f[1], new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                    case "pair" -> priors.pairs().put(f[1] + "\t" + f[2], new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[4])});
                    case "tree" -> trees.put(f[1], f[2]);
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CidModel(w, threshold, fallback, priors, trees);
    }
}
