package org.litgraph.ingest.relation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.relation.DocumentView.Span;

/**
 * Measures the relation model on the development splits, each with the corpus's gold entities
 * and with the entities the pipeline finds (then a pair counts only when both ends are found and
 * grounded to the gold ids or, for PHEE, overlap the gold spans):
 * <ul>
 * <li>BC5CDR: chemical-induced-disease pairs (non-negated CAUSES statements), per document;</li>
 * <li>BioRED: unordered concept pairs among chemicals, diseases and genes, any relation type;</li>
 * <li>PHEE: drug-effect pairs with the event type (CAUSES = adverse, TREATS = therapeutic), spans
 * overlapping; the effect is the event's Effect or, for therapeutic events without one, the treated
 * disorder; a row with Effect spans only;</li>
 * <li>{@link Modality} on PHEE's Negated and Speculated event attributes (gold spans).</li>
 * </ul>
 * <pre>java ... org.litgraph.ingest.relation.RelationEvaluator [--shared DIR] [--model FILE] [--split dev|train]</pre>
 */
public final class RelationEvaluator {
    /** Counts of one line. */
    public record Score(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        Score plus(Score o) {
            return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        static final Score ZERO = new Score(0, 0, 0);
    }

    /** Set comparison: true positives are the shared keys. */
    static Score compare(Set<String> gold, Set<String> predicted) {
        int tp = 0;
        for (String p : predicted) {
            if (gold.contains(p)) {
                tp++;
            }
        }
        return new Score(tp, predicted.size() - tp, gold.size() - tp);
    }

    /** A typed span pair: drug span, effect span, event type. */
    record SpanPair(Span drug, Span effect, String type) {
    }

    /** One-to-one matching of span pairs: same type, both spans overlapping; greedy in order. */
    static Score compareSpans(List<SpanPair> gold, List<SpanPair> predicted) {
        boolean[] used = new boolean[gold.size()];
        int tp = 0;
        for (SpanPair p : predicted) {
            for (int i = 0; i < gold.size(); i++) {
                SpanPair g = gold.get(i);
                if (!used[i] && g.type().equals(p.type()) && g.drug().overlaps(p.drug()) && g.effect().overlaps(p.effect())) {
                    used[i] = true;
                    tp++;
                    break;
                }
            }
        }
        return new Score(tp, predicted.size() - tp, gold.size() - tp);
    }

    private RelationEvaluator() {
    }

    public static void main(String[] args) {
        Path shared = Path.of(System.getProperty("litgraph.shared", "../shared"));
        Path model = null;
        boolean training = false;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--model" -> model = Path.of(args[i + 1]);
                case "--split" -> training = args[i + 1].equals("train");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Lexicon lexicon = Lexicon.defaultLexicon();
        RelationModel m = model == null ? RelationModel.standard()
                : RelationModel.load(model, id -> lexicon.get(id).map(LexiconEntry::parents).orElse(List.of()));
        System.out.print(evaluate(m, RelationTrainer.corpora(shared, training), new PipelineMentions(lexicon),
                training ? "training" : "development"));
    }

    /** The full report over these documents. */
    static String evaluate(RelationModel model, List<Corpus.Doc> docs, PipelineMentions pipeline, String split) {
        Map<String, Score[]> rows = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        int views = 0;
        for (int mode = 0; mode < 2; mode++) {
            for (Corpus.Doc d : docs) {
                DocumentView v = mode == 0 ? d.gold() : pipeline.view(d);
                List<RelationStatement> st = model.predictLearned(v);
                views++;
                switch (d.corpus()) {
                    case BC5CDR -> {
                        Set<String> gold = Labels.goldPairs(d, Predicate.CAUSES, Group.DRUG_CONDITION);
                        add(rows, "BC5CDR CID pairs (CAUSES)", mode, compare(gold, pairs(st, EnumSet.of(Predicate.CAUSES), false)));
                        Set<String> withCues = pairs(st, EnumSet.of(Predicate.CAUSES), false);
                        model.features().cueHits(v).values().forEach(hs -> hs.forEach(h -> {
                            String[] f = h.split("\t");
                            if (f.length == 3 && f[1].equals("CAUSES")) {
                                withCues.add(f[0] + "\t" + f[2]);
                            }
                        }));
                        add(rows, "  (model + every CAUSES cue pattern)", mode, compare(gold, withCues));
                        ceiling(rows, "  (CID pairs with both ends found)", mode, gold, v);
                    }
                    case BIORED -> biored(rows, mode, d, st, v);
                    case PHEE -> {
                        add(rows, "PHEE drug-effect pairs + type", mode, compareSpans(pheeGold(d, false), pheePredicted(st)));
                        add(rows, "PHEE (Effect spans only)", mode, compareSpans(pheeGold(d, true), pheePredicted(st)));
                        List<SpanPair> found = new ArrayList<>();
                        for (SpanPair g : pheeGold(d, true)) {
                            boolean drug = v.entities().stream().anyMatch(e -> e.kind() == EntityKind.DRUG && e.span().overlaps(g.drug()));
                            boolean effect = v.entities().stream().anyMatch(e -> e.kind() == EntityKind.CONDITION
                                    && e.span().overlaps(g.effect()));
                            if (drug && effect) {
                                found.add(g);
                            }
                        }
                        add(rows, "  (Effect pairs with both ends found)", mode, new Score(found.size(), 0,
                                pheeGold(d, true).size() - found.size()));
                    }
                    default -> {
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Relations on the %s splits: gold entities | pipeline entities%n", split));
        sb.append(String.format(Locale.ROOT, "%-36s %5s %5s %5s %6s %6s %6s | %5s %5s %5s %6s %6s %6s%n", "", "TP", "FP", "FN",
                "P", "R", "F", "TP", "FP", "FN", "P", "R", "F"));
        rows.forEach((name, s) -> sb.append(String.format(Locale.ROOT, "%-36s %s | %s%n", name, line(s[0]), line(s[1]))));
        sb.append(modality(docs));
        sb.append(String.format(Locale.ROOT, "(%d document views predicted in %.1f s, including the pipeline's recognition)%n",
                views, seconds));
        return sb.toString();
    }

    /** The gold pairs (unordered keys or "subject TAB object") whose two ids the view names: the recall ceiling. */
    private static void ceiling(Map<String, Score[]> rows, String name, int mode, Set<String> gold, DocumentView v) {
        Set<String> ids = new HashSet<>();
        v.entities().forEach(e -> ids.add(e.id()));
        int in = 0;
        for (String g : gold) {
            String[] ab = g.split("\t");
            if (ids.contains(ab[0]) && ids.contains(ab[1])) {
                in++;
            }
        }
        add(rows, name, mode, new Score(in, 0, gold.size() - in));
    }

    private static String line(Score s) {
        s = s == null ? Score.ZERO : s;
        return String.format(Locale.ROOT, "%5d %5d %5d %6.4f %6.4f %6.4f", s.tp(), s.fp(), s.fn(), s.precision(), s.recall(), s.f1());
    }

    private static void add(Map<String, Score[]> rows, String name, int mode, Score s) {
        Score[] r = rows.computeIfAbsent(name, k -> new Score[] {Score.ZERO, Score.ZERO});
        r[mode] = r[mode].plus(s);
    }

    /** Subject TAB object of the non-negated statements of these predicates (unordered when asked). */
    static Set<String> pairs(List<RelationStatement> st, Set<Predicate> predicates, boolean unordered) {
        Set<String> out = new HashSet<>();
        for (RelationStatement s : st) {
            if (!s.negated() && predicates.contains(s.predicate())) {
                out.add(unordered ? unordered(s.subjectId(), s.objectId()) : s.subjectId() + "\t" + s.objectId());
            }
        }
        return out;
    }

    static String unordered(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\t" + b : b + "\t" + a;
    }

    private static final Set<EntityKind> BIORED_KINDS = EnumSet.of(EntityKind.DRUG, EntityKind.CONDITION, EntityKind.TARGET);

    private static void biored(Map<String, Score[]> rows, int mode, Corpus.Doc d, List<RelationStatement> st, DocumentView v) {
        Map<String, EntityKind> kinds = Labels.kinds(d.gold());
        Set<String> gold = new HashSet<>();
        Map<String, Set<String>> goldBy = new LinkedHashMap<>();
        for (Corpus.GoldRelation r : d.relations()) {
            EntityKind a = kinds.get(r.a());
            EntityKind b = kinds.get(r.b());
            if (a != null && b != null && BIORED_KINDS.contains(a) && BIORED_KINDS.contains(b)) {
                String k = unordered(r.a(), r.b());
                gold.add(k);
                goldBy.computeIfAbsent(pairName(a, b), x -> new HashSet<>()).add(k);
            }
        }
        Set<String> predicted = new HashSet<>();
        Map<String, Set<String>> predBy = new LinkedHashMap<>();
        for (RelationStatement s : st) {
            if (s.negated()) {
                continue;
            }
            String k = unordered(s.subjectId(), s.objectId());
            predicted.add(k);
            predBy.computeIfAbsent(pairName(kindOf(s.subjectId(), s.predicate(), true), kindOf(s.objectId(), s.predicate(), false)),
                    x -> new HashSet<>()).add(k);
        }
        add(rows, "BioRED pairs (chem/dis/gene, any type)", mode, compare(gold, predicted));
        ceiling(rows, "  (BioRED pairs with both ends found)", mode, gold, v);
        for (String name : List.of("chemical-disease", "chemical-gene", "gene-disease", "gene-gene", "chemical-chemical")) {
            add(rows, "  BioRED " + name, mode, compare(goldBy.getOrDefault(name, Set.of()), predBy.getOrDefault(name, Set.of())));
        }
        // typed: chemical-disease CAUSES/TREATS as BioRED positive/negative correlation
        for (Predicate p : List.of(Predicate.CAUSES, Predicate.TREATS)) {
            add(rows, "  BioRED chemical-disease " + p, mode, compare(Labels.goldPairs(d, p, Group.DRUG_CONDITION),
                    pairs(st, EnumSet.of(p), false)));
        }
        for (Predicate p : List.of(Predicate.INHIBITS, Predicate.ACTIVATES)) {
            add(rows, "  BioRED chemical-gene " + p, mode, compare(Labels.goldPairs(d, p, Group.DRUG_TARGET),
                    pairs(st, EnumSet.of(p), false)));
        }
    }

    /** The kind of a statement's end: the predicate's only kind there, else the drug kind for a subject / target for an object. */
    private static EntityKind kindOf(String id, Predicate p, boolean subject) {
        Set<EntityKind> ks = subject ? p.subjectKinds() : p.objectKinds();
        if (ks.size() == 1) {
            return ks.iterator().next();
        }
        if (id.startsWith("NCBIGene:") || id.startsWith("HGNC:")) {
            return EntityKind.TARGET;
        }
        return subject ? EntityKind.DRUG : EntityKind.CONDITION;
    }

    private static String pairName(EntityKind a, EntityKind b) {
        String x = name(a);
        String y = name(b);
        List<String> order = List.of("chemical", "gene", "disease");
        return order.indexOf(x) <= order.indexOf(y) ? x + "-" + y : y + "-" + x;
    }

    private static String name(EntityKind k) {
        return switch (k) {
            case DRUG -> "chemical";
            case TARGET -> "gene";
            case CONDITION -> "disease";
            case PROCESS -> "process";
        };
    }

    static List<SpanPair> pheeGold(Corpus.Doc d, boolean effectOnly) {
        List<SpanPair> out = new ArrayList<>();
        for (Corpus.Event ev : d.events()) {
            Predicate p = Labels.predicate(Corpus.Name.PHEE, ev.type(), Group.DRUG_CONDITION);
            if (p == null) {
                continue;
            }
            for (Span drug : ev.drugs()) {
                for (Span x : effectOnly ? ev.effects() : ev.effectsOrDisorders()) {
                    out.add(new SpanPair(drug, x, p.name()));
                }
            }
        }
        return out;
    }

    static List<SpanPair> pheePredicted(List<RelationStatement> st) {
        List<SpanPair> out = new ArrayList<>();
        for (RelationStatement s : st) {
            if (s.predicate() == Predicate.CAUSES || s.predicate() == Predicate.TREATS) {
                out.add(new SpanPair(new Span(s.subjectStart(), s.subjectEnd()), new Span(s.objectStart(), s.objectEnd()),
                        s.predicate().name()));
            }
        }
        return out;
    }

    /** Negated and speculated PHEE events (gold spans) against {@link Modality}. */
    static String modality(List<Corpus.Doc> docs) {
        int[] neg = new int[3];
        int[] spec = new int[3];
        int events = 0;
        for (Corpus.Doc d : docs) {
            if (d.corpus() != Corpus.Name.PHEE) {
                continue;
            }
            String text = d.gold().text();
            for (Corpus.Event ev : d.events()) {
                Modality m = eventModality(text, ev);
                if (m == null) {
                    continue;
                }
                events++;
                count(neg, ev.negated(), m.negated());
                count(spec, ev.speculated(), m.hedged());
            }
        }
        if (events == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Negation and speculation of PHEE events (%d events, gold spans)%n", events));
        sb.append(String.format(Locale.ROOT, "%-36s %s%n", "negated events", line(new Score(neg[0], neg[1], neg[2]))));
        sb.append(String.format(Locale.ROOT, "%-36s %s%n", "speculated events", line(new Score(spec[0], spec[1], spec[2]))));
        return sb.toString();
    }

    private static void count(int[] c, boolean gold, boolean predicted) {
        if (gold && predicted) {
            c[0]++;
        } else if (predicted) {
            c[1]++;
        } else if (gold) {
            c[2]++;
        }
    }

    /** An event's modality: relative to its first drug and its effect (or disorder), else its trigger alone. */
    static Modality eventModality(String text, Corpus.Event ev) {
        Span a = ev.drugs().isEmpty() ? null : ev.drugs().get(0);
        Span b = ev.effectsOrDisorders().isEmpty() ? null : ev.effectsOrDisorders().get(0);
        if (a == null && b == null) {
            a = ev.trigger();
        }
        if (a == null) {
            a = b;
        }
        if (b == null) {
            b = a;
        }
        if (a == null) {
            return null;
        }
        return Modality.of(text, a.start(), a.end(), b.start(), b.end());
    }
}
