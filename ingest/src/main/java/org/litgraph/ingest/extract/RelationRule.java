package org.litgraph.ingest.extract;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;

/** One cue pattern of {@code relation-rules.tsv}, compiled. */
record RelationRule(String id, Predicate predicate, double factor, Pattern pattern,
                    Set<EntityKind> subjectKinds, Set<EntityKind> objectKinds) {

    static char letter(EntityKind kind) {
        return switch (kind) {
            case DRUG -> 'D';
            case TARGET -> 'T';
            case PROCESS -> 'P';
            case CONDITION -> 'C';
        };
    }

    static EntityKind kindOf(char letter) {
        return switch (letter) {
            case 'D' -> EntityKind.DRUG;
            case 'T' -> EntityKind.TARGET;
            case 'P' -> EntityKind.PROCESS;
            default -> EntityKind.CONDITION;
        };
    }

    static Set<EntityKind> kinds(String spec) {
        Set<EntityKind> out = EnumSet.noneOf(EntityKind.class);
        for (String k : spec.split("\\|")) {
            out.add(EntityKind.parse(k.equalsIgnoreCase("COND") ? "condition" : k));
        }
        return out;
    }
}
