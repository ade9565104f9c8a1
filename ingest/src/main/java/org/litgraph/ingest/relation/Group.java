package org.litgraph.ingest.relation;

import org.litgraph.graph.EntityKind;

/** The kinds of entity pair the relation model considers, subject kind first. */
enum Group {
    DRUG_CONDITION(EntityKind.DRUG, EntityKind.CONDITION),
    DRUG_TARGET(EntityKind.DRUG, EntityKind.TARGET),
    TARGET_CONDITION(EntityKind.TARGET, EntityKind.CONDITION);

    final EntityKind subject;
    final EntityKind object;

    Group(EntityKind subject, EntityKind object) {
        this.subject = subject;
        this.object = object;
    }
}
