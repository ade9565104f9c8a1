package org.litgraph.ingest.relation;

import java.util.Map;
import java.util.TreeMap;
import org.litgraph.graph.Predicate;

/**
 * One learned binary decision: does {@code predicate} hold for a candidate pair of {@code group}?
 * A logistic model (weights by feature id of {@code index}, trained by Tribuo/liblinear), its priors,
 * the decision threshold and a fallback: a document with no pair above the threshold still states
 * its best pair when that scores at least {@code fallback} (1 = never).
 */
final class Head {
    private final Predicate predicate;
    private final Group group;
    private final double[] weights;
    private final FeatureIndex index;
    private final Priors priors;
    private final double threshold;
    private final double fallback;
    private final int[] priorIds;

    Head(Predicate predicate, Group group, Map<String, Double> weightsByName, FeatureIndex index, Priors priors,
         double threshold, double fallback) {
        this.predicate = predicate;
        this.group = group;
        this.index = index;
        this.priors = priors == null ? new Priors() : priors;
        this.threshold = threshold;
        this.fallback = fallback;
        int max = -1;
        int[] ids = new int[weightsByName.size()];
        double[] ws = new double[weightsByName.size()];
        int k = 0;
        for (Map.Entry<String, Double> e : weightsByName.entrySet()) {
            ids[k] = index.id(e.getKey());
            ws[k] = e.getValue();
            max = Math.max(max, ids[k]);
            k++;
        }
        this.weights = new double[max + 1];
        for (int i = 0; i < k; i++) {
            if (ids[i] >= 0) {
                weights[ids[i]] = ws[i];
            }
        }
        this.priorIds = new int[Priors.NAMES.size()];
        for (int i = 0; i < priorIds.length; i++) {
            priorIds[i] = index.id(Priors.NAMES.get(i));
        }
    }

    private Head(Head h, double threshold, double fallback) {
        this.predicate = h.predicate;
        this.group = h.group;
        this.weights = h.weights;
        this.index = h.index;
        this.priors = h.priors;
        this.threshold = threshold;
        this.fallback = fallback;
        this.priorIds = h.priorIds;
    }

    Predicate predicate() {
        return predicate;
    }

    Group group() {
        return group;
    }

    Priors priors() {
        return priors;
    }

    double threshold() {
        return threshold;
    }

    double fallback() {
        return fallback;
    }

    String key() {
        return predicate + "/" + group;
    }

    private double w(int id) {
        return id >= 0 && id < weights.length ? weights[id] : 0;
    }

    /** The weights by feature name (non-zero ones), sorted. */
    Map<String, Double> weightsByName() {
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                out.put(index.name(i), weights[i]);
            }
        }
        return out;
    }

    /** The probability of the candidate under this head, with the priors' features added ({@code own} left out). */
    double score(Candidate c, Priors.Contribution own) {
        return score(c, null, own);
    }

    /** The same with the candidate's pair key already made (shared by the heads of its group). */
    double score(Candidate c, String pairKey, Priors.Contribution own) {
        double z = 0;
        int[] ids = c.ids();
        double[] vs = c.values();
        for (int k = 0; k < ids.length; k++) {
            z += w(ids[k]) * vs[k];
        }
        double[] p = priors.values(c.subject(), c.object(), pairKey, own);
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                z += w(priorIds[i]) * p[i];
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The sum of weights of one sentence's features: how strongly that sentence states the relation. */
    double instanceScore(Candidate.Instance in) {
        double z = 0;
        for (int id : in.ids()) {
            z += w(id);
        }
        return z;
    }

    Head with(double newThreshold, double newFallback) {
        return new Head(this, newThreshold, newFallback);
    }
}
