package org.litgraph.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Challenge;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.Sex;
import org.litgraph.ingest.format.PlainTextParser;

/** Cases, challenges and causality from the example corpus: tables with a column per patient, and narrative. */
class CaseExtractionTest {
    private static final Path CORPUS = Path.of(System.getProperty("litgraph.root", "..")).resolve("examples/corpus");
    private static final DocumentExtractor EXTRACTOR = DocumentExtractor.standard();

    private static DocumentGraph extract(String file) throws Exception {
        Path p = CORPUS.resolve(file);
        return EXTRACTOR.extract(new PlainTextParser().parse(p.toString(), Files.readString(p)));
    }

    @Test
    void shouldReadOneCasePerTableColumnWithChallengesAndCausality() throws Exception {
        DocumentGraph g = extract("vendor-note-imatinib-lung-toxicity.txt");
        Map<Integer, CaseRecord> byAge = g.cases().stream().collect(Collectors.toMap(CaseRecord::age, Function.identity()));
        assertEquals(Map.of(53, Sex.MALE, 49, Sex.MALE, 73, Sex.FEMALE),
                byAge.values().stream().collect(Collectors.toMap(CaseRecord::age, CaseRecord::sex)));
        CaseRecord c73 = byAge.get(73);
        assertEquals("100 mg/day", c73.dose());
        assertEquals(Challenge.POSITIVE, c73.dechallenge());
        assertEquals(Challenge.POSITIVE, c73.rechallenge());
        assertEquals(Challenge.NEGATIVE, byAge.get(53).rechallenge());
        assertEquals("MESH:D000068877", c73.causality().drugId());
        assertEquals(7, c73.causality().score(), c73.causality().answers()::toString);
        assertEquals("probable", c73.causality().category());
        assertEquals("possible", byAge.get(53).causality().category(), "a tolerated re-challenge scores -1");
        assertTrue(byAge.get(49).exposures().stream().anyMatch(x -> x.drugId().equals("MESH:C498826")),
                "switched to nilotinib");
        assertEquals(2, byAge.get(53).citedReferenceIds().size(), "the column header cites references 1 and 2");
    }

    @Test
    void shouldReadANarrativeCaseOfAnotherDrug() throws Exception {
        DocumentGraph g = extract("case-report-amiodarone-pneumonitis.txt");
        assertEquals(1, g.cases().size());
        CaseRecord c = g.cases().get(0);
        assertEquals(68, c.age());
        assertEquals(Sex.MALE, c.sex());
        assertEquals("200 mg/day", c.dose());
        assertEquals(Challenge.POSITIVE, c.dechallenge());
        assertEquals(Challenge.NOT_DONE, c.rechallenge(), "the text says the drug was not restarted: rechallenge not done");
        assertTrue(c.exposures().stream().anyMatch(x -> x.drugId().equals("MESH:D008775") && x.role().equals("treatment")),
                () -> "methylprednisolone was started for the reaction: " + c.exposures());
        assertEquals("suspect", c.exposures().stream().filter(x -> x.dose() != null).findFirst().orElseThrow().role());
        assertTrue(c.details().sources().stream().anyMatch(f -> f.field().equals("dechallenge")
                && f.sentence().contains("resolved")), () -> "dechallenge source: " + c.details().sources());
        assertEquals("probable", c.causality().category(), c.causality().answers()::toString);
        assertTrue(c.causality().answers().stream().anyMatch(a -> a.startsWith("Q5")), "infection was excluded");
    }

    @Test
    void shouldApplyStatementsAboutBothPatientsToEach() throws Exception {
        DocumentGraph g = extract("pubmed-imatinib-pttm.txt");
        assertEquals(List.of(45, 61), g.cases().stream().map(CaseRecord::age).sorted().toList());
        for (CaseRecord c : g.cases()) {
            assertTrue(c.exposures().stream().anyMatch(x -> x.drugId().equals("MESH:D000068877")), c::toString);
            assertEquals("died", c.outcome());
        }
    }

    @Test
    void shouldCountOnlyDrugsTheNarrativeSaysWereGiven() throws Exception {
        DocumentGraph g = extract("pubmed-imatinib-mctd-fibrosis.txt");
        assertEquals(1, g.cases().size());
        List<String> drugs = g.cases().get(0).exposures().stream().map(x -> x.drugId()).sorted().toList();
        // "carbon monoxide diffusing capacity" and "arterial oxygen" name chemicals that were not given
        assertEquals(List.of("MESH:D000068877", "MESH:D007166"), drugs);
    }
}
