package org.litgraph.ingest.relation;

import org.litgraph.graph.Predicate;

/**
 * One relation the model states for a document: {@code subjectId predicate objectId} with the
 * model's score (a probability for learned predicates; the rule's factor for cue patterns), the
 * negated / hedged flags of its evidence, and its verbatim provenance: the evidence range
 * {@code [evidenceStart, evidenceEnd)} (the sentence, or smallest window of sentences, where the
 * two co-occur with the strongest cue) and the two mentions inside it, all in document offsets.
 */
public record RelationStatement(String subjectId, Predicate predicate, String objectId, double score, boolean negated,
                                boolean hedged, int evidenceStart, int evidenceEnd, int subjectStart, int subjectEnd,
                                int objectStart, int objectEnd, Source source) {

    /** How the statement was found. */
    public enum Source {
        /** the learned model ({@link RelationModel}) */
        MODEL,
        /** a cue pattern of {@code relation-rules.tsv} */
        RULE
    }

    /** The evidence text, verbatim. */
    public String evidence(String documentText) {
        return documentText.substring(evidenceStart, evidenceEnd);
    }
}
