package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.TestNeo4j;

/** {@code litgraph bench} on a tiny corpus prints every figure, each positive, and questions that return rows. */
class BenchCommandTest {
    private static final String NUM = "([0-9]+(?:\\.[0-9]+)?)";

    @Test
    void shouldPrintEveryFigurePositiveForATinyCorpus(@TempDir Path dir) {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        CliCypherTest.Run r = CliCypherTest.cli("bench", "--citations", "300", "--per-file", "100", "--queries", "20",
                "--updates", "40", "--deletions", "10", "--work", dir.toString(),
                "--source", shared.resolve("data/pubmed").toString());
        String out = r.out();
        assertEquals(0, r.status(), out);
        assertTrue(out.contains("300 citations"), out);
        assertTrue(out.contains("3 gzipped PubmedArticleSet file(s)"), out);
        assertTrue(out.contains("update: 20 changed + 20 new citations"), out);
        for (String[] phase : List.of(new String[] {"parse-only", "300"}, new String[] {"bulk first load", "300"},
                new String[] {"transactional updates", "40"}, new String[] {"deletions", "10"})) {
            Matcher m = Pattern.compile("(?m)^" + phase[0] + ".*?\\s+(\\d+)\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM
                    + "\\s+(\\d+)\\s+" + NUM + "\\s+" + NUM + "$").matcher(out);
            assertTrue(m.find(), phase[0] + " row missing:\n" + out);
            assertEquals(Integer.parseInt(phase[1]), Integer.parseInt(m.group(1)), out);
            for (int g = 2; g <= 6; g++) {
                assertTrue(Double.parseDouble(m.group(g)) > 0, phase[0] + " figure " + g + " not positive:\n" + out);
            }
        }
        for (String part : List.of("import files", "offline import", "store start", "transactional remainder")) {
            assertTrue(Pattern.compile("(?m)^  " + part + ".*?\\s+300\\s+" + NUM).matcher(out).find(), part + ":\n" + out);
        }
        Matcher share = Pattern.compile("bulk first load end to end is " + NUM + "% of the parse-only ceiling").matcher(out);
        assertTrue(share.find() && Double.parseDouble(share.group(1)) > 0, out);
        Matcher store = Pattern.compile("= " + NUM + " MiB per 1,000 abstracts .*graph (\\d+) nodes, (\\d+) relationships")
                .matcher(out);
        assertTrue(store.find() && Double.parseDouble(store.group(1)) > 0 && Long.parseLong(store.group(2)) > 0, out);
        for (String question : List.of("ask mechanism", "ask evidence", "search", "case series")) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(question) + " .*?\\s+20\\s+" + NUM + "\\s+" + NUM + "\\s+"
                    + NUM + "\\s+" + NUM + "\\s+(\\d+)$").matcher(out);
            assertTrue(m.find(), question + " row missing:\n" + out);
            for (int g = 1; g <= 4; g++) {
                assertTrue(Double.parseDouble(m.group(g)) > 0, question + " figure " + g + " not positive:\n" + out);
            }
        }
        assertTrue(out.contains("targets: bulk first load >= 5000/s: "), out);
    }
}
