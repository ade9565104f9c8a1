package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.litgraph.ingest.format.ParsedDocument.MeshHeading;

class MedlineTextParserTest {
    private static final Pattern PMID_LINE = Pattern.compile("(?m)^PMID- ");

    @Test
    void shouldReadEveryRecordOfEveryMedlineTextFile() throws Exception {
        int files = 0;
        for (Path f : TestData.files("pubmed")) {
            if (!f.getFileName().toString().matches(".*\\.txt(\\.gz)?")) {
                continue;
            }
            String content = TestData.content(f);
            List<ParsedDocument> docs = TestData.parse(Format.MEDLINE_TEXT, f);
            assertEquals(TestData.count(PMID_LINE, content), docs.size(), f.toString());
            for (ParsedDocument d : docs) {
                assertTrue(d.metadata().pmid().matches("\\d+"));
                assertTrue(d.text().startsWith(d.metadata().title()));
                assertTrue(d.metadata().year() >= 1990);
                TestData.assertOffsetsConsistent(d);
            }
            files++;
        }
        assertEquals(3, files);
    }

    @Test
    void shouldJoinContinuationLinesAndReadMeshMarks() throws Exception {
        ParsedDocument d = TestData.parse(Format.MEDLINE_TEXT,
                TestData.data("pubmed/debian-python-biopython-doc/pubmed_result1.txt")).get(0);
        assertEquals("12230038", d.metadata().pmid());
        assertEquals("The Bio* toolkits--a brief overview.", d.metadata().title());
        assertEquals(List.of("Mangalam H"), d.metadata().authors());
        assertEquals("Brief Bioinform", d.metadata().journal());
        assertEquals("2002-09", d.metadata().published());
        assertTrue(d.text().contains("commercial software. The Open Source"), "continuation joined");
        MeshHeading cb = d.meshHeadings().stream().filter(h -> h.descriptor().equals("Computational Biology"))
                .findFirst().orElseThrow();
        assertTrue(cb.major());
    }

    @Test
    void shouldReadDoiQualifiersAcrossLinesAndStructuredAbstractLabels() throws Exception {
        ParsedDocument d = TestData.parse(Format.MEDLINE_TEXT,
                TestData.data("pubmed/debian-python-biopython-doc/pubmed_result3.txt")).get(0);
        assertEquals("10.1118/1.4748329", d.metadata().doi());
        assertEquals("Med Phys", d.metadata().journal());
        MeshHeading h = d.meshHeadings().stream()
                .filter(x -> x.descriptor().equals("High-Intensity Focused Ultrasound Ablation")).findFirst()
                .orElseThrow();
        assertEquals(List.of("adverse effects", "instrumentation", "methods"),
                h.qualifiers().stream().map(ParsedDocument.Qualifier::name).toList());
        assertTrue(h.qualifiers().get(2).major());
        assertTrue(d.sections().stream().anyMatch(s -> s.title().equals("PURPOSE")));
        List<ParsedDocument> gz = TestData.parse(Format.MEDLINE_TEXT,
                TestData.data("pubmed/debian-python-biopython-doc/pubmed_result2.txt.gz"));
        assertEquals("10.1186/1471-2105-7-10", gz.get(0).metadata().doi());
    }

    @Test
    void shouldReadChemicalsAndRejectNonMedlineText() throws Exception {
        String rec = "PMID- 1\nTI  - A made-up title that\n      continues here.\nDP  - 2019 Mar 5\n"
                + "RN  - 0 (Anti-Bacterial Agents)\nRN  - 93X55PE38X (Clobetasol)\nAU  - Roe R\n\n";
        ParsedDocument d = TestData.parse(Format.MEDLINE_TEXT, "a.txt", rec).get(0);
        assertEquals("A made-up title that continues here.", d.metadata().title());
        assertEquals("2019-03-05", d.metadata().published());
        assertEquals(new ParsedDocument.Chemical(null, "Anti-Bacterial Agents", null), d.chemicals().get(0));
        assertEquals("93X55PE38X", d.chemicals().get(1).registryNumber());
        ParseException e = assertThrows(ParseException.class,
                () -> TestData.parse(Format.MEDLINE_TEXT, "b.txt", "just some prose\nof two lines\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
