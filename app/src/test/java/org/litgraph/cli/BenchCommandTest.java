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

/** {@code litgraph bench} on a tiny corpus prints every figure, each positive. */
class BenchCommandTest {
    private static final String NUM = "([0-9]+(?:\\.[0-9]+)?)";

    @Test
    void shouldPrintEveryFigurePositiveForATinyCorpus(@TempDir Path dir) {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        CliCypherTest.Run r = CliCypherTest.cli("bench", "--citations", "300", "--per-file", "100", "--queries", "20",
                "--work", dir.toString(), "--source", shared.resolve("data/pubmed").toString());
        String out = r.out();
        assertEquals(0, r.status(), out);
        assertTrue(out.contains("300 citations"), out);
        assertTrue(out.contains("3 gzipped PubmedArticleSet file(s)"), out);
        for (String phase : List.of("parse-only", "end-to-end", "write ceiling")) {
            Matcher m = Pattern.compile("(?m)^" + phase + ".*?\\s+(\\d+)\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s+(\\d+)$")
                    .matcher(out);
            assertTrue(m.find(), phase + " row missing:\n" + out);
            assertEquals(300, Integer.parseInt(m.group(1)), out);
            for (int g = 2; g <= 5; g++) {
                assertTrue(Double.parseDouble(m.group(g)) > 0, phase + " figure " + g + " not positive:\n" + out);
            }
        }
        Matcher share = Pattern.compile("end-to-end is " + NUM + "% of the parse-only ceiling and " + NUM + "% of the write ceiling")
                .matcher(out);
        assertTrue(share.find() && Double.parseDouble(share.group(1)) > 0 && Double.parseDouble(share.group(2)) > 0, out);
        Matcher store = Pattern.compile("= " + NUM + " MiB per 1,000 abstracts; graph (\\d+) nodes, (\\d+) relationships").matcher(out);
        assertTrue(store.find() && Double.parseDouble(store.group(1)) > 0 && Long.parseLong(store.group(2)) > 0, out);
        for (String query : List.of("case/evidence full-text search", "mechanism paths", "evidence for a claim")) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(query) + ".*?\\s+20\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s+\\d+$")
                    .matcher(out);
            assertTrue(m.find(), query + " row missing:\n" + out);
            for (int g = 1; g <= 3; g++) {
                assertTrue(Double.parseDouble(m.group(g)) > 0, query + " latency not positive:\n" + out);
            }
        }
        assertTrue(out.contains("targets: "), out);
    }
}
