package org.litgraph.graph;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

/**
 * Neo4j's offline importer ({@code neo4j-admin database import full}) run on an embedded store
 * directory. Like {@link EmbeddedStoreFactory}, the implementation lives in the
 * {@code litgraph-embedded} module (the one that depends on the Neo4j database) and is found with
 * {@link ServiceLoader}.
 */
public interface OfflineImporter {

    /** What the importer did; {@code cpu} is the importer process's CPU time, {@code log} its output. */
    record Result(long nodes, long relationships, long properties, Duration elapsed, Duration cpu, String log) {
    }

    /** Whether an embedded store directory already holds a database (possibly empty). */
    boolean hasDatabase(Path storeDir);

    /**
     * Loads {@code files} into {@code storeDir}'s default database, which must not be open.
     *
     * @param offHeapBytes the importer's memory outside the Java heap (its caches and id maps)
     * @param overwrite    replace an existing (empty) database
     * @param progress     where to copy the importer's output as it runs, or null
     */
    Result run(Path storeDir, ImportFiles.Summary files, long offHeapBytes, boolean overwrite, PrintStream progress);

    /** The implementation on the class path. */
    static OfflineImporter find() {
        return ServiceLoader.load(OfflineImporter.class, OfflineImporter.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new StoreException("no offline importer on the class path (the litgraph-embedded "
                        + "module); write the import files for an operator instead"));
    }
}
