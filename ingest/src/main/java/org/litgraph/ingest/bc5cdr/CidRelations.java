package org.litgraph.ingest.bc5cdr;

import java.util.ArrayList;
import java.util.List;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.text.Sentence;

/**
 * The document-level chemical-induced-disease model ({@link CidModel}, trained on the BC5CDR training
 * set) as a step of the one extraction pipeline: given a document's sentences and grounded mentions,
 * the (drug, condition) pairs it predicts as CAUSES.
 */
public final class CidRelations {
    private static volatile CidModel model;

    private CidRelations() {
    }

    /** A cue-pattern statement the pipeline already found in sentence {@code sentence}. */
    public record RuleStatement(Predicate predicate, String subjectId, String objectId, boolean negated, int sentence) {
    }

    /**
     * Pairs (drug id, condition id) predicted as chemical-induced disease, in a stable order.
     *
     * @param titleEnd the end of the title in {@code text} (0 when the document has none up front)
     */
    public static List<String[]> predict(String text, int titleEnd, List<Sentence> sentences,
                                         List<List<Mention>> mentionsBySentence, List<RuleStatement> statements,
                                         Lexicon lexicon) {
        List<List<Mention>> chemDis = new ArrayList<>(mentionsBySentence.size());
        for (List<Mention> ms : mentionsBySentence) {
            chemDis.add(ms.stream().filter(m -> m.entry().kind() == EntityKind.DRUG
                    || m.entry().kind() == EntityKind.CONDITION).toList());
        }
        List<Analysis.Statement> st = new ArrayList<>();
        for (RuleStatement r : statements) {
            st.add(new Analysis.Statement(r.predicate(), r.subjectId(), r.objectId(), r.negated(), r.sentence()));
        }
        return standard().predict(new Analysis(text, titleEnd, sentences, chemDis, st), lexicon);
    }

    private static CidModel standard() {
        CidModel m = model;
        if (m == null) {
            synchronized (CidRelations.class) {
                m = model;
                if (m == null) {
                    m = CidModel.load();
                    model = m;
                }
            }
        }
        return m;
    }
}
