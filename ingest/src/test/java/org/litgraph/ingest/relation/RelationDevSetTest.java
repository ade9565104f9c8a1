package org.litgraph.ingest.relation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Predicate;

/**
 * Floors on the development splits with the corpora's gold entities (the shipped model; ../shared read at
 * run time, skipped without it). The full figures, with pipeline entities too, come from RelationEvaluator.
 */
class RelationDevSetTest {
    private static Path data(String rel) {
        Path p = Path.of(System.getProperty("litgraph.shared", "../shared")).resolve("data").resolve(rel);
        Assumptions.assumeTrue(Files.exists(p), "missing " + p);
        return p;
    }

    @Test
    void bc5cdrCidWithGoldEntities() {
        List<Corpus.Doc> docs = Corpus.bc5cdr(data("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        RelationModel model = RelationModel.standard();
        RelationEvaluator.Score total = RelationEvaluator.Score.ZERO;
        for (Corpus.Doc d : docs) {
            total = total.plus(RelationEvaluator.compare(Labels.goldPairs(d, Predicate.CAUSES, Group.DRUG_CONDITION),
                    RelationEvaluator.pairs(model.predictLearned(d.gold()), EnumSet.of(Predicate.CAUSES), false)));
        }
        assertTrue(total.f1() >= 0.60, "CID F1 with gold entities " + total.f1());
    }

    @Test
    void pheeSpeculationOnGoldSpans() {
        List<Corpus.Doc> docs = Corpus.phee(data("phee/dev/dev.json"));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Corpus.Doc d : docs) {
            for (Corpus.Event ev : d.events()) {
                Modality m = RelationEvaluator.eventModality(d.gold().text(), ev);
                if (m != null) {
                    tp += ev.speculated() && m.hedged() ? 1 : 0;
                    fp += !ev.speculated() && m.hedged() ? 1 : 0;
                    fn += ev.speculated() && !m.hedged() ? 1 : 0;
                }
            }
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        assertTrue(f1 >= 0.6, "speculated events F1 " + f1);
    }
}
