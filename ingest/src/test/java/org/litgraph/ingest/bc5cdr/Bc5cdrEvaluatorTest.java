package org.litgraph.ingest.bc5cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bc5cdrEvaluatorTest {
    // hand-made: one document, made-up text and ids
    private static final String GOLD = """
            1|t|Drugx caused rashy.
            1|a|Later drugy and drugx gave ache.
            1\t0\t5\tDrugx\tChemical\tD000001
            1\t13\t18\trashy\tDisease\tD000010
            1\t26\t31\tdrugy\tChemical\tD000002
            1\t36\t41\tdrugx\tChemical\tD000001
            1\t47\t51\tache\tDisease\tD000011|D000012
            1\tCID\tD000001\tD000010
            1\tCID\tD000002\tD000011

            """;
    private static final String PREDICTED = """
            1|t|Drugx caused rashy.
            1|a|Later drugy and drugx gave ache.
            1\t0\t5\tDrugx\tChemical\tD000001
            1\t13\t18\trashy\tDisease\tD000099
            1\t26\t31\tdrugy\tChemical\tD000003
            1\t47\t51\tache\tDisease\tD000011
            1\t42\t46\tgave\tDisease\t-1
            1\tCID\tD000001\tD000010
            1\tCID\tD000001\tD000011

            """;

    @Test
    void scoresMentionsConceptsAndRelationsLikeTheCdrTask() throws IOException {
        var report = Bc5cdrEvaluator.score(PubTator.read(new StringReader(GOLD)), PubTator.read(new StringReader(PREDICTED)), 0);
        // chemical mentions: gold 3 spans, predicted 2, both right
        assertScore(report.get(Bc5cdrEvaluator.CHEMICAL_MENTION), 2, 0, 1, 1.0, 2 / 3.0, 0.8);
        // disease mentions: gold 2, predicted 3 (one wrong span), 2 right spans (ids do not matter)
        assertScore(report.get(Bc5cdrEvaluator.DISEASE_MENTION), 2, 1, 0, 2 / 3.0, 1.0, 0.8);
        // chemical concepts: gold {D1, D2}, predicted {D1, D3}
        assertScore(report.get(Bc5cdrEvaluator.CHEMICAL_CONCEPT), 1, 1, 1, 0.5, 0.5, 0.5);
        // disease concepts: gold {D10, D11, D12} (composite split), predicted {D99, D11}; -1 ignored
        assertScore(report.get(Bc5cdrEvaluator.DISEASE_CONCEPT), 1, 1, 2, 0.5, 1 / 3.0, 0.4);
        // relations: gold {D1-D10, D2-D11}, predicted {D1-D10, D1-D11}
        assertScore(report.get(Bc5cdrEvaluator.CID_RELATION), 1, 1, 1, 0.5, 0.5, 0.5);
    }

    @Test
    void readsCompositeIdsExtraColumnsAndRelations() throws IOException {
        List<PubTator.Doc> docs = PubTator.read(new StringReader(GOLD + "2|t|T\n2|a|A\n2\t0\t1\tT\tDisease\tD1|D2\tT one|T two\n\n"));
        assertEquals(2, docs.size());
        assertEquals(List.of("D000011", "D000012"), docs.get(0).annotations().get(4).ids());
        assertEquals(2, docs.get(0).relations().size());
        assertEquals(List.of("D1", "D2"), docs.get(1).annotations().get(0).ids());
        assertEquals("T A", docs.get(1).text());
    }

    private static void assertScore(Bc5cdrEvaluator.Score s, int tp, int fp, int fn, double p, double r, double f) {
        assertEquals(tp, s.tp(), "tp");
        assertEquals(fp, s.fp(), "fp");
        assertEquals(fn, s.fn(), "fn");
        assertEquals(p, s.precision(), 1e-9, "precision");
        assertEquals(r, s.recall(), 1e-9, "recall");
        assertEquals(f, s.f1(), 1e-9, "f1");
    }
}
