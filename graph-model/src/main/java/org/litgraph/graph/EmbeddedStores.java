package org.litgraph.graph;

import java.util.ServiceLoader;

/** Finds the {@link EmbeddedStoreFactory} on the class path, once. */
final class EmbeddedStores {
    private static volatile EmbeddedStoreFactory factory;

    private EmbeddedStores() {
    }

    static EmbeddedStoreFactory factory() {
        EmbeddedStoreFactory f = factory;
        if (f == null) {
            f = ServiceLoader.load(EmbeddedStoreFactory.class, EmbeddedStores.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new StoreException("no embedded Neo4j on the class path (the litgraph-embedded "
                            + "module); give --uri for a Neo4j server instead"));
            factory = f;
        }
        return f;
    }
}
