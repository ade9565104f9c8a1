package org.litgraph.ingest.relation;

import java.util.List;
import java.util.Map;

/**
 * A (subject id, object id) pair of one document with its features: document-level ones and, for
 * each sentence in which the two co-occur, the features of their closest mention pair there
 * ({@link Instance}). {@code nearest} holds the two closest mentions (indexes into the view's
 * entities) when they never share a sentence.
 */
record Candidate(Group group, String subject, String object, Map<String, Double> features, List<Instance> instances,
                 int nearestSubject, int nearestObject) {

    /** One sentence where both are named: the mention pair (entity indexes) and its own features. */
    record Instance(int sentence, int subjectMention, int objectMention, List<String> features) {
    }
}
