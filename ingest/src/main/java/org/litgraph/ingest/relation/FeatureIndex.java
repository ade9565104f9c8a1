package org.litgraph.ingest.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature names to dense ids. While training it grows (every name gets an id); a shipped model's
 * index is frozen (names it does not know answer -1 and are dropped), and then thread-safe.
 */
final class FeatureIndex {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private boolean frozen;

    static FeatureIndex growing() {
        return new FeatureIndex();
    }

    /** A frozen index over these names. */
    static FeatureIndex of(Iterable<String> names) {
        FeatureIndex f = new FeatureIndex();
        names.forEach(f::id);
        f.frozen = true;
        return f;
    }

    int id(String name) {
        Integer i = ids.get(name);
        if (i != null) {
            return i;
        }
        if (frozen) {
            return -1;
        }
        synchronized (this) {
            i = ids.get(name);
            if (i == null) {
                i = names.size();
                names.add(name);
                ids.put(name, i);
            }
            return i;
        }
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }
}
