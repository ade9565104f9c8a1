package org.litgraph.graph;

import java.util.EnumSet;
import java.util.Set;

/**
 * The causal and mechanistic relationship types of the graph contract. A claim is the triple
 * (subject, predicate, object); its evidence lives in {@code Evidence} nodes that share the claim's id.
 */
public enum Predicate {
    INHIBITS(EnumSet.of(EntityKind.DRUG), EnumSet.of(EntityKind.TARGET, EntityKind.PROCESS)),
    REGULATES(EnumSet.of(EntityKind.TARGET), EnumSet.of(EntityKind.PROCESS)),
    LEADS_TO(EnumSet.of(EntityKind.PROCESS), EnumSet.of(EntityKind.CONDITION)),
    CAUSES(EnumSet.of(EntityKind.DRUG), EnumSet.of(EntityKind.CONDITION)),
    TREATS(EnumSet.of(EntityKind.DRUG), EnumSet.of(EntityKind.CONDITION)),
    /** A drug raises a target's activity or amount (agonist, inducer, up-regulation). */
    ACTIVATES(EnumSet.of(EntityKind.DRUG), EnumSet.of(EntityKind.TARGET)),
    /** A drug binds a target, with no stated direction of effect. */
    BINDS(EnumSet.of(EntityKind.DRUG), EnumSet.of(EntityKind.TARGET)),
    /** A gene (or drug) is associated with a condition or target, with no stated direction or causation. */
    ASSOCIATED_WITH(EnumSet.of(EntityKind.TARGET, EntityKind.DRUG), EnumSet.of(EntityKind.CONDITION, EntityKind.TARGET));

    private final Set<EntityKind> subjects;
    private final Set<EntityKind> objects;

    Predicate(Set<EntityKind> subjects, Set<EntityKind> objects) {
        this.subjects = subjects;
        this.objects = objects;
    }

    /** True when the contract allows this predicate between the two kinds. */
    public boolean allows(EntityKind subject, EntityKind object) {
        return subjects.contains(subject) && objects.contains(object);
    }

    public Set<EntityKind> subjectKinds() {
        return Set.copyOf(subjects);
    }

    public Set<EntityKind> objectKinds() {
        return Set.copyOf(objects);
    }
}
