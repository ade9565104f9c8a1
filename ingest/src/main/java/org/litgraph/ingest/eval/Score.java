package org.litgraph.ingest.eval;

/** True positives, false positives and false negatives of one scored row. */
public record Score(int tp, int fp, int fn) {
    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score o) {
        return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }
}
