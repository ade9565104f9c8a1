package org.litgraph.ingest.relation;

import org.litgraph.graph.EntityKind;

/** The kinds of entity pair the relation model considers, subject kind first. */
enum Group {
    DRUG_CONDITION(EntityKind.DRUG, EntityKind.CONDITION),
    DRUG_TARGET(EntityKind.DRUG, EntityKind.TARGET),
    TARGET_CONDITION(EntityKind.TARGET, EntityKind.CONDITION),
    /** Gene-gene pairs: unordered, the smaller id is the subject. */
    TARGET_TARGET(EntityKind.TARGET, EntityKind.TARGET);

    final EntityKind subject;
    final EntityKind object;

    Group(EntityKind subject, EntityKind object) {
        this.subject = subject;
        this.object = object;
    }

    /** Whether the two ends are of one kind, so a pair is unordered (subject = the smaller id). */
    boolean symmetric() {
        return subject == object;
    }
}
