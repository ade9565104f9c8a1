package org.litgraph.ingest.cases;

import java.util.List;
import org.litgraph.ingest.lexicon.Mention;

/**
 * Tags the pharmacovigilance arguments of one sentence (drug, effect, subject, dose, route, ...).
 * Implementations are thread-safe. {@link #standard()} is the model trained on PHEE
 * ({@code ./litgraph lexicon train-phee}) and shipped as a class-path resource.
 */
public interface ArgumentTagger {
    /**
     * @param text     the document text
     * @param start    where the sentence starts in {@code text}
     * @param end      where it ends
     * @param mentions the grounded mentions of the sentence (document offsets), used as features
     * @return the arguments found, in document offsets, sorted by start
     */
    List<Argument> tag(String text, int start, int end, List<Mention> mentions);

    static ArgumentTagger standard() {
        return OpenNlpArgumentTagger.standard();
    }
}
