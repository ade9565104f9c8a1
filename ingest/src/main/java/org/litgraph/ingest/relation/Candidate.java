package org.litgraph.ingest.relation;

import java.util.List;

/**
 * A (subject id, object id) pair of one document with its features (ids of a {@link FeatureIndex},
 * sorted, and their values): document-level ones and, for each sentence in which the two co-occur,
 * the features of their closest mention pair there ({@link Instance}), also merged into the pair's.
 * {@code nearestSubject}/{@code nearestObject} are the two closest mentions (entity indexes).
 */
record Candidate(Group group, String subject, String object, int[] ids, double[] values, List<Instance> instances,
                 int nearestSubject, int nearestObject) {

    /** "subject TAB object", the key of the pair's priors. */
    String pairKey() {
        return subject + "\t" + object;
    }

    /** One sentence where both are named: the mention pair (entity indexes) and its own feature ids. */
    record Instance(int sentence, int subjectMention, int objectMention, int[] ids) {
    }
}
