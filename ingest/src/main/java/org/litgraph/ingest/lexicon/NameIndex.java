package org.litgraph.ingest.lexicon;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact token trie over normalised names: terms are interned to ints, the edges of all nodes
 * live in one open-addressing table keyed by (node, term), and each node's targets form a linked
 * list in parallel int arrays. A few hundred thousand names cost tens of megabytes instead of the
 * hundreds a map per node would. Built once, then read-only (safe to share between threads).
 */
final class NameIndex {
    /** Target flag: the name grounds text only with context (see {@link LexiconEntry#guarded()}). */
    static final byte GUARDED = 1;

    private final Map<String, Integer> termIds = new HashMap<>();
    private long[] edgeKeys = new long[1 << 16];
    private int[] edgeValues = new int[1 << 16];
    private int edges;
    private int[] nodeFirst = new int[1 << 16];
    private int nodes = 1; // node 0 is the root
    private int[] targetRef = new int[1 << 16];
    private int[] targetNext = new int[1 << 16];
    private byte[] targetFlags = new byte[1 << 16];
    private String[] targetExact = new String[1 << 16];
    private int targets;

    NameIndex() {
        Arrays.fill(edgeKeys, -1L);
        nodeFirst[0] = -1;
    }

    /** The interned id of a normalised term, or -1 when no name has it. */
    int term(String term) {
        Integer id = termIds.get(term);
        return id == null ? -1 : id;
    }

    /** The child of {@code node} along {@code term}, or -1. */
    int child(int node, int term) {
        if (term < 0) {
            return -1;
        }
        long key = ((long) node << 32) | term;
        int mask = edgeKeys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = edgeKeys[slot];
            if (k == key) {
                return edgeValues[slot];
            }
            if (k == -1L) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The node reached by these terms from the root, or -1. */
    int walk(List<String> terms) {
        int node = 0;
        for (String t : terms) {
            node = child(node, term(t));
            if (node < 0) {
                return -1;
            }
        }
        return node;
    }

    int first(int node) {
        return nodeFirst[node];
    }

    int next(int target) {
        return targetNext[target];
    }

    /** An entry index (&gt;= 0) or a non-entity index encoded as {@code -1 - index}. */
    int ref(int target) {
        return targetRef[target];
    }

    boolean guarded(int target) {
        return (targetFlags[target] & GUARDED) != 0;
    }

    /** For names shaped like abbreviations: the letters the text must show with the same capitals. */
    String exact(int target) {
        return targetExact[target];
    }

    /** Adds a name (its normalised terms) pointing at {@code ref}; a repeated (ref, exact, guard) is ignored. */
    void add(List<String> terms, int ref, String exact, boolean guarded) {
        if (terms.isEmpty()) {
            return;
        }
        int node = 0;
        for (String t : terms) {
            Integer id = termIds.get(t);
            if (id == null) {
                id = termIds.size();
                termIds.put(t, id);
            }
            int c = child(node, id);
            if (c < 0) {
                c = newNode();
                putEdge(((long) node << 32) | id, c);
            }
            node = c;
        }
        int last = -1;
        for (int t = nodeFirst[node]; t >= 0; t = targetNext[t]) {
            if (targetRef[t] == ref && java.util.Objects.equals(targetExact[t], exact)) {
                if (!guarded) {
                    targetFlags[t] &= ~GUARDED; // an unguarded name of the same concept wins
                }
                return;
            }
            last = t;
        }
        if (targets == targetRef.length) {
            int n = targets * 2;
            targetRef = Arrays.copyOf(targetRef, n);
            targetNext = Arrays.copyOf(targetNext, n);
            targetFlags = Arrays.copyOf(targetFlags, n);
            targetExact = Arrays.copyOf(targetExact, n);
        }
        int t = targets++;
        targetRef[t] = ref;
        targetNext[t] = -1;
        targetFlags[t] = guarded ? GUARDED : 0;
        targetExact[t] = exact;
        if (last < 0) {
            nodeFirst[node] = t;
        } else {
            targetNext[last] = t;
        }
    }

    int size() {
        return targets;
    }

    /** The terms on the path of every name whose target {@code ref} satisfies {@code refs} (a name's every term). */
    java.util.BitSet termsOf(java.util.function.IntPredicate refs) {
        int[] parentNode = new int[nodes];
        int[] parentTerm = new int[nodes];
        for (int slot = 0; slot < edgeKeys.length; slot++) {
            long k = edgeKeys[slot];
            if (k != -1L) {
                int child = edgeValues[slot];
                parentNode[child] = (int) (k >>> 32);
                parentTerm[child] = (int) k;
            }
        }
        java.util.BitSet terms = new java.util.BitSet();
        boolean[] done = new boolean[nodes];
        for (int node = 1; node < nodes; node++) {
            boolean wanted = false;
            for (int t = nodeFirst[node]; t >= 0 && !wanted; t = targetNext[t]) {
                wanted = refs.test(targetRef[t]);
            }
            for (int x = node; wanted && x != 0 && !done[x]; x = parentNode[x]) {
                done[x] = true;
                terms.set(parentTerm[x]);
            }
        }
        return terms;
    }

    /** Releases spare capacity once everything is added. */
    void trim() {
        targetRef = Arrays.copyOf(targetRef, targets);
        targetNext = Arrays.copyOf(targetNext, targets);
        targetFlags = Arrays.copyOf(targetFlags, targets);
        targetExact = Arrays.copyOf(targetExact, targets);
        nodeFirst = Arrays.copyOf(nodeFirst, nodes);
    }

    private int newNode() {
        if (nodes == nodeFirst.length) {
            nodeFirst = Arrays.copyOf(nodeFirst, nodes * 2);
        }
        nodeFirst[nodes] = -1;
        return nodes++;
    }

    private void putEdge(long key, int value) {
        if ((edges + 1) * 4L > edgeKeys.length * 3L) {
            long[] oldKeys = edgeKeys;
            int[] oldValues = edgeValues;
            edgeKeys = new long[oldKeys.length * 2];
            edgeValues = new int[oldKeys.length * 2];
            Arrays.fill(edgeKeys, -1L);
            edges = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1L) {
                    putEdge(oldKeys[i], oldValues[i]);
                }
            }
        }
        int mask = edgeKeys.length - 1;
        int slot = mix(key) & mask;
        while (edgeKeys[slot] != -1L) {
            slot = (slot + 1) & mask;
        }
        edgeKeys[slot] = key;
        edgeValues[slot] = value;
        edges++;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
