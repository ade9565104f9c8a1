package org.litgraph.ingest.cases;

/** One tagged span: its role and its character offsets in the text the tagger was given. */
public record Argument(Role role, int start, int end) {
    public Argument {
        if (end < start) {
            throw new IllegalArgumentException("argument ends before it starts: " + start + ".." + end);
        }
    }

    public boolean overlaps(int s, int e) {
        return start < e && s < end;
    }
}
