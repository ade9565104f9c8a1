package org.litgraph.ingest.eval;

import java.util.Set;

/** Set comparison and id normalisation shared by the evaluators. */
final class Sets {
    private Sets() {
    }

    static Score compare(Set<String> gold, Set<String> predicted) {
        int tp = 0;
        int fp = 0;
        for (String p : predicted) {
            if (gold.contains(p)) {
                tp++;
            } else {
                fp++;
            }
        }
        int fn = 0;
        for (String g : gold) {
            if (!predicted.contains(g)) {
                fn++;
            }
        }
        return new Score(tp, fp, fn);
    }

    /** An id as benchmarks write it: {@code MESH:D001} and {@code D001} alike, {@code NCBIGene:5156} as {@code 5156}. */
    static String bare(String id) {
        String s = id.strip();
        for (String prefix : new String[] {"MESH:", "MeSH:", "mesh:", "NCBIGene:", "NCBIGENE:", "Gene:"}) {
            if (s.startsWith(prefix)) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }
}
