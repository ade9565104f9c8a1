package org.litgraph.graph;

/**
 * Opens an embedded Neo4j store. The implementation lives in the {@code litgraph-embedded} module
 * (the only one that depends on the Neo4j database itself) and is found with {@link java.util.ServiceLoader},
 * so that the graph model, the parsers and the client need no embedded database on their class path.
 */
public interface EmbeddedStoreFactory {
    Store open(StoreConfig config);
}
