package org.litgraph.graph;

/** The {@link EmbeddedStoreFactory} of this module, registered in {@code META-INF/services}. */
public final class EmbeddedStoreProvider implements EmbeddedStoreFactory {
    @Override
    public Store open(StoreConfig config) {
        return EmbeddedStore.open(config);
    }
}
