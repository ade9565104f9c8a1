package org.litgraph.query.answer;

import java.util.List;

/**
 * How a name the researcher typed was resolved: the entity used, on what basis ("as extraction
 * grounds it", "name", "synonym", "abbreviation defined in a document", "initials of its name"), and the other entities the same name fits, so an
 * ambiguous name never silently means one thing. {@code note} says anything else worth knowing
 * (e.g. that extraction grounds the name to a concept no document in the graph mentions).
 */
public record Resolution(String query, Entity entity, String basis, List<Entity> others, String note) {
    public Resolution {
        others = others == null ? List.of() : List.copyOf(others);
    }

    public boolean ambiguous() {
        return !others.isEmpty();
    }
}
