package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;

/** Bad files are reported with a reason and skipped; good files beside them are ingested. */
class BadInputTest {

    private static void writeFiles(Path dir) throws Exception {
        Files.writeString(dir.resolve("good-case.txt"), "A 70-year-old woman developed a rash after starting "
                + "amiodarone 200 mg/day. Amiodarone-induced rash resolved after discontinuation of amiodarone.\n");
        Files.write(dir.resolve("binary.txt"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, (byte) 0xff, 0});
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 au lait spots".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldSkipBadFilesWithReasonsAndIngestTheGoodOne(@TempDir Path dir) throws Exception {
        writeFiles(dir);
        Store store = TestNeo4j.emptyStore();
        IngestReport report = new Ingestor(store).ingest(List.of(dir));
        assertEquals(4, report.files());
        assertEquals(1, report.documentsWritten());
        Map<String, String> reasons = report.skipped().stream()
                .collect(Collectors.toMap(s -> s.file().getFileName().toString(), IngestReport.Skipped::reason));
        assertEquals(3, reasons.size(), reasons::toString);
        assertTrue(reasons.get("binary.txt").contains("binary"), reasons::toString);
        assertTrue(reasons.get("empty.txt").contains("empty"), reasons::toString);
        assertTrue(reasons.get("latin1.txt").contains("UTF-8"), reasons::toString);
    }

    @Test
    void shouldExitWithStatusThreeAndNameEachSkippedFile(@TempDir Path dir) throws Exception {
        writeFiles(dir);
        TestNeo4j.emptyStore();
        Store store = TestNeo4j.store();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = Main.run("ingest", "--uri", store.uri(), "--user", "", dir.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(Main.SKIPPED, status, printed);
        assertTrue(printed.contains("binary.txt") && printed.contains("empty.txt") && printed.contains("latin1.txt"), printed);
        assertTrue(printed.contains("documents: 1 read, 1 written"), printed);
    }
}
