package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;

/**
 * {@code litgraph export case-series} on the example corpus: one CSV row per patient, the same rows
 * in an .xlsx workbook whose cells carry their source sentence as a comment, and the workbook opens
 * in LibreOffice (headless conversion; skipped when {@code soffice} is not installed).
 */
class CaseSeriesExportTest {
    private static Store store;

    @TempDir
    Path tmp;

    @BeforeAll
    static void ingest() {
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
    }

    private Path export(String... filters) {
        Path out = tmp.resolve("series.csv");
        List<String> args = new ArrayList<>(List.of("export", "case-series", "--uri", store.uri(), "--user", ""));
        args.addAll(List.of(filters));
        args.addAll(List.of("--out", out.toString()));
        CliCypherTest.Run r = CliCypherTest.cli(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.out());
        return out;
    }

    @Test
    void shouldWriteOneCsvRowPerPatientOfTheDrug() throws Exception {
        List<String> lines = Files.readAllLines(export("--drug", "Gleevec"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("patient,age,sex,drug,role,dose,route,frequency,duration,onset,reaction"), lines.get(0));
        assertTrue(lines.get(0).endsWith("stated causality,computed Naranjo,citation"), lines.get(0));
        assertEquals(1 + 6, lines.size(), () -> String.join("\n", lines)); // the six imatinib patients of the corpus
        assertTrue(lines.stream().anyMatch(l -> l.contains("73-year-old") && l.contains(",female,imatinib,suspect,100 mg/day")
                && l.contains("positive,positive")), () -> String.join("\n", lines));
        List<String> amiodarone = Files.readAllLines(export("--drug", "amiodarone", "--condition", "dyspnea"), StandardCharsets.UTF_8);
        assertEquals(2, amiodarone.size(), () -> String.join("\n", amiodarone));
        assertTrue(amiodarone.get(1).contains("200 mg/day") && amiodarone.get(1).contains("not done"), amiodarone.get(1));
    }

    @Test
    void shouldCommentEveryReadCellWithItsSentenceInTheWorkbook() throws Exception {
        Path csv = export("--drug", "amiodarone");
        Path xlsx = csv.resolveSibling("series.xlsx");
        assertTrue(Files.size(xlsx) > 0);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Case series");
            assertNotNull(sheet);
            Row head = sheet.getRow(0);
            int dose = -1;
            int dechallenge = -1;
            for (Cell c : head) {
                if (c.getStringCellValue().equals("dose")) {
                    dose = c.getColumnIndex();
                }
                if (c.getStringCellValue().equals("dechallenge")) {
                    dechallenge = c.getColumnIndex();
                }
            }
            Row patient = sheet.getRow(1);
            assertEquals("200 mg/day", patient.getCell(dose).getStringCellValue());
            assertTrue(patient.getCell(dose).getCellComment().getString().getString().contains("amiodarone 200 mg/day for 14 months"),
                    patient.getCell(dose).getCellComment().getString()::getString);
            assertEquals("positive", patient.getCell(dechallenge).getStringCellValue());
            assertTrue(patient.getCell(dechallenge).getCellComment().getString().getString().contains("resolved after discontinuation"));
        }
    }

    @Test
    void shouldOpenInLibreOffice() throws Exception {
        Path soffice = List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/bin/libreoffice"), Path.of("/usr/lib/libreoffice/program/soffice"))
                .stream().filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        Path xlsx = export("--drug", "imatinib").resolveSibling("series.xlsx");
        Path outDir = Files.createDirectories(tmp.resolve("converted"));
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + tmp.resolve("lo-profile").toAbsolutePath(),
                "--convert-to", "csv", "--outdir", outDir.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice did not finish");
        Path converted = outDir.resolve("series.csv");
        assertTrue(Files.exists(converted), log);
        String csv = Files.readString(converted, StandardCharsets.UTF_8);
        assertTrue(csv.contains("stated causality") && csv.contains("imatinib") && csv.contains("73-year-old"), csv);
        assertEquals(7, csv.strip().split("\n").length, csv);
    }
}
