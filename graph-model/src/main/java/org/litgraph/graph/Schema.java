package org.litgraph.graph;

import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/** Applies {@code cypher/schema/*.cypher} (constraints, then indexes); every statement is idempotent. */
public final class Schema {
    static final List<String> FILES = List.of("schema/01-constraints", "schema/02-indexes", "schema/03-await-indexes");

    private Schema() {
    }

    public static void apply(Driver driver, String database) {
        SessionConfig.Builder config = SessionConfig.builder();
        if (database != null) {
            config.withDatabase(database);
        }
        try (Session session = driver.session(config.build())) {
            for (String file : FILES) {
                for (String statement : CypherLibrary.statements(file)) {
                    session.run(statement).consume();
                }
            }
        }
    }
}
