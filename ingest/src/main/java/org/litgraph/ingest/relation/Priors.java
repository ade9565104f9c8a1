package org.litgraph.ingest.relation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How often, in the training documents, a concept (or a pair) appears and how often it is in a
 * positive relation of one head: document counts keyed by id. While training, a document's own
 * counts are left out ({@link #without}), so its features look like those of an unseen document.
 */
final class Priors {
    /** id or "subject TAB object" -> {documents where it appears, documents where it is positive}. */
    final Map<String, int[]> subjects = new HashMap<>();
    final Map<String, int[]> objects = new HashMap<>();
    final Map<String, int[]> pairs = new HashMap<>();

    /** One document's contribution: the ids and pairs it names and those it relates. */
    record Contribution(Set<String> subjects, Set<String> objects, Set<String> pairs, Set<String> positiveSubjects,
                        Set<String> positiveObjects, Set<String> positivePairs) {
    }

    /** Counts over these contributions (one per training document, merged by PMID beforehand). */
    static Priors of(Iterable<Contribution> contributions) {
        Priors p = new Priors();
        java.util.Set<String> positive = new java.util.HashSet<>();
        contributions.forEach(c -> positive.addAll(c.positivePairs()));
        for (Contribution c : contributions) {
            c.subjects().forEach(s -> bump(p.subjects, s, 1, c.positiveSubjects().contains(s)));
            c.objects().forEach(o -> bump(p.objects, o, 1, c.positiveObjects().contains(o)));
            java.util.Set<String> keys = new java.util.HashSet<>(c.pairs());
            keys.addAll(c.positivePairs());
            for (String k : keys) {
                if (positive.contains(k)) {
                    bump(p.pairs, k, 1, c.positivePairs().contains(k));
                }
            }
        }
        return p;
    }

    /** The union of two contributions (documents sharing a PMID). */
    static Contribution merge(Contribution a, Contribution b) {
        return new Contribution(union(a.subjects(), b.subjects()), union(a.objects(), b.objects()), union(a.pairs(), b.pairs()),
                union(a.positiveSubjects(), b.positiveSubjects()), union(a.positiveObjects(), b.positiveObjects()),
                union(a.positivePairs(), b.positivePairs()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static void bump(Map<String, int[]> map, String key, int sign, boolean positive) {
        int[] c = map.computeIfAbsent(key, k -> new int[2]);
        c[0] += sign;
        if (positive) {
            c[1] += sign;
        }
    }

    private static final int[] ZERO = new int[2];

    /** The prior features' names, in the order of {@link #values}. */
    static final java.util.List<String> NAMES = java.util.List.of("p:sKnown", "p:sRate", "p:oKnown", "p:oRate", "p:pairPos",
            "p:pairPosLog", "p:pairRate");

    /** This head's prior features of the pair (see {@link #NAMES}), leaving out {@code own} (null: nothing). */
    double[] values(String subject, String object, Contribution own) {
        return values(subject, object, null, own);
    }

    /** The same with the pair's key ("subject TAB object") already made. */
    double[] values(String subject, String object, String pairKey, Contribution own) {
        double[] v = new double[NAMES.size()];
        int[] s = minus(subjects.getOrDefault(subject, ZERO), own, subject, true, false);
        int[] o = minus(objects.getOrDefault(object, ZERO), own, object, false, false);
        int[] p = ZERO;
        if (!pairs.isEmpty()) {
            String key = pairKey != null ? pairKey : subject + "\t" + object;
            p = minus(pairs.getOrDefault(key, ZERO), own, key, false, true);
        }
        if (s[0] > 0) {
            v[0] = 1;
            v[1] = (double) s[1] / s[0];
        }
        if (o[0] > 0) {
            v[2] = 1;
            v[3] = (double) o[1] / o[0];
        }
        if (p[1] > 0) {
            v[4] = 1;
            v[5] = Math.log1p(p[1]);
            if (p[0] > 0) {
                v[6] = Math.min(1.0, (double) p[1] / p[0]);
            }
        }
        return v;
    }

    private static int[] minus(int[] c, Contribution own, String key, boolean subject, boolean pair) {
        if (own == null) {
            return c;
        }
        int seen = pair ? (own.pairs().contains(key) || own.positivePairs().contains(key) ? 1 : 0)
                : (subject ? own.subjects() : own.objects()).contains(key) ? 1 : 0;
        int pos = pair ? (own.positivePairs().contains(key) ? 1 : 0)
                : (subject ? own.positiveSubjects() : own.positiveObjects()).contains(key) ? 1 : 0;
        if (seen == 0 && pos == 0) {
            return c;
        }
        return new int[] {Math.max(0, c[0] - seen), Math.max(0, c[1] - pos)};
    }
}
