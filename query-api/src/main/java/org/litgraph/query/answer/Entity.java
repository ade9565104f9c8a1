package org.litgraph.query.answer;

import java.util.List;

/** A resolved Drug, Target, Process or Condition. */
public record Entity(String id, String name, String kind, List<String> synonyms) {
    public Entity {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
