package org.litgraph.query.answer;

import java.util.List;

/**
 * How ingest grounds a name: the entities its lexicon and recogniser would ground a term to, the
 * one extraction picks first. {@link Names} consults it so that a query term means what the same
 * words mean in extracted statements ("pneumonitis" resolves to the entity extraction files it
 * under, not to whichever entity merely lists it as a synonym). The query layer does not depend on
 * ingest: the application supplies the lexicon-backed implementation; {@link #NONE} resolves
 * through the graph's names and synonyms alone.
 */
@FunctionalInterface
public interface Grounding {
    /** A grounded concept: id, preferred name and kind label (Drug, Target, Process, Condition). */
    record Grounded(String id, String name, String kind) {
    }

    /** The concepts {@code term} names, the one extraction picks first; empty when it names none. */
    List<Grounded> ground(String term);

    Grounding NONE = term -> List.of();
}
