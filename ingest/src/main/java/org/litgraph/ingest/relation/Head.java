package org.litgraph.ingest.relation;

import java.util.Map;
import org.litgraph.graph.Predicate;

/**
 * One learned binary decision: does {@code predicate} hold for a candidate pair of {@code group}?
 * A logistic model (weights by feature name, trained by Tribuo/liblinear), its priors, the
 * decision threshold and a fallback: a document with no pair above the threshold still states its
 * best pair when that scores at least {@code fallback} (1 = never).
 */
record Head(Predicate predicate, Group group, Map<String, Double> weights, Priors priors, double threshold,
            double fallback) {

    String key() {
        return predicate + "/" + group;
    }

    /** The probability of the candidate under this head, with the priors' features added. */
    double score(Candidate c, Priors.Contribution own) {
        double z = 0;
        for (Map.Entry<String, Double> e : c.features().entrySet()) {
            Double w = weights.get(e.getKey());
            if (w != null) {
                z += w * e.getValue();
            }
        }
        if (priors != null) {
            Map<String, Double> p = new java.util.HashMap<>(8);
            priors.features(c.subject(), c.object(), own, p);
            for (Map.Entry<String, Double> e : p.entrySet()) {
                Double w = weights.get(e.getKey());
                if (w != null) {
                    z += w * e.getValue();
                }
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The sum of weights of one sentence's features: how strongly that sentence states the relation. */
    double instanceScore(Candidate.Instance in) {
        double z = 0;
        for (String f : in.features()) {
            z += weights.getOrDefault(f, 0.0);
        }
        return z;
    }

    Head with(double newThreshold, double newFallback) {
        return new Head(predicate, group, weights, priors, newThreshold, newFallback);
    }
}
