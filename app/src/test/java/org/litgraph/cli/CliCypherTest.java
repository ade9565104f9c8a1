package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.CheckFile;

/** The seed checks hold when asked through the {@code litgraph cypher} command, and writes are refused. */
class CliCypherTest {
    private static Store store;
    private static Path shared;

    record Run(int status, String out) {
    }

    static Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(Main.run(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void ingest() {
        shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(shared.resolve("seeds")));
    }

    @Test
    void shouldAnswerEverySeedCheckWithOkTrueAsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<CheckFile.Check> checks = CheckFile.parse(Files.readString(shared.resolve("spec/seed-acceptance.cypher")));
        for (CheckFile.Check c : checks) {
            Run r = cli("cypher", "--uri", store.uri(), "--user", "", "--format", "json", c.query());
            assertEquals(0, r.status(), r.out());
            List<?> rows = json.readValue(r.out(), List.class);
            assertEquals(1, rows.size(), c.id() + ": " + r.out());
            assertEquals(true, ((Map<?, ?>) rows.get(0)).get("ok"), c.id() + ": " + r.out());
        }
    }

    @Test
    void shouldRefuseAWriteWithAClearMessageAndStatusFour() {
        Run r = cli("cypher", "--uri", store.uri(), "--user", "", "MATCH (n:Drug) SET n.name = 'x'");
        assertEquals(4, r.status(), r.out());
        assertTrue(r.out().contains("refused") && r.out().contains("read-only"), r.out());
        Run check = cli("cypher", "--uri", store.uri(), "--user", "", "--format", "csv",
                "--param", "name=Gleevec", "MATCH (d:Drug) WHERE $name IN d.synonyms RETURN d.name AS name");
        assertEquals("name\nimatinib\n", check.out());
    }

    @Test
    void shouldReportAllChecksHoldingThroughTheCheckCommand() {
        Run r = cli("check", "--uri", store.uri(), "--user", "", shared.resolve("spec/seed-acceptance.cypher").toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("18 of 18 checks hold"), r.out());
    }
}
