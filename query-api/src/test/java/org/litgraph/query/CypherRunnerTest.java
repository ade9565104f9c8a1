package org.litgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;

class CypherRunnerTest {

    @Test
    void shouldRefuseQueriesThatWriteBeforeRunningThem() {
        Store store = TestNeo4j.emptyStore();
        CypherRunner runner = new CypherRunner(store);
        for (String q : List.of("CREATE (:Drug {id: 'x', name: 'x'})", "MATCH (n) DETACH DELETE n",
                "MERGE (n:Drug {id: 'y'}) RETURN n", "CREATE INDEX foo IF NOT EXISTS FOR (n:Drug) ON (n.name)")) {
            ReadOnlyViolation e = assertThrows(ReadOnlyViolation.class, () -> runner.run(q, Map.of()), q);
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
        try (Session s = store.session(AccessMode.READ)) {
            assertEquals(0, s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asInt());
        }
    }

    @Test
    void shouldReturnRowsKeyedByColumnWithParametersPassedSeparately() {
        Store store = TestNeo4j.emptyStore();
        try (Session s = store.session(AccessMode.WRITE)) {
            s.run("CREATE (:Drug:Entity {id: 'MESH:D1', name: 'drugone', synonyms: ['Brandone']})").consume();
        }
        QueryResult r = new CypherRunner(store).run(
                "MATCH (d:Drug) WHERE $name IN d.synonyms RETURN d.name AS name, d AS node", Map.of("name", "Brandone"));
        assertEquals(List.of("name", "node"), r.columns());
        assertEquals("drugone", r.rows().get(0).get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) r.rows().get(0).get("node");
        assertEquals(List.of("Brandone"), node.get("synonyms"));
        String json = ResultFormat.JSON.render(r);
        assertTrue(json.strip().startsWith("[") && json.contains("\"name\" : \"drugone\""), json);
        String[] csv = ResultFormat.CSV.render(r).split("\n");
        assertEquals("name,node", csv[0]);
        assertTrue(csv[1].startsWith("drugone,\"{") && csv[1].contains("\"\"Brandone\"\""), csv[1]);
    }

    @Test
    void shouldReadChecksFromACheckFile() {
        List<CheckFile.Check> checks = CheckFile.parse("// header\n// A1: one holds\nRETURN true AS ok;\n"
                + "// A2: one fails\nRETURN\n  false AS ok;\n");
        assertEquals(2, checks.size());
        assertEquals("A2", checks.get(1).id());
        List<CheckFile.Outcome> out = CheckFile.run(new CypherRunner(TestNeo4j.store()), checks);
        assertTrue(out.get(0).ok());
        assertTrue(!out.get(1).ok());
    }
}
