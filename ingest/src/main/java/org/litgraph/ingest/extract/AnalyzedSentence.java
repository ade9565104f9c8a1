package org.litgraph.ingest.extract;

import java.util.List;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.text.Sentence;

/** A sentence with its grounded mentions and the section it sits in. */
record AnalyzedSentence(int index, Sentence sentence, List<Mention> mentions, String section) {
    int start() {
        return sentence.start();
    }

    int end() {
        return sentence.end();
    }

    String text() {
        return sentence.text();
    }
}
