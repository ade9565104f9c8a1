package org.litgraph.query.answer;

import java.util.List;

/** A name matched no entity of the asked kind; {@link #suggestions()} holds close names from the graph. */
public final class UnknownName extends IllegalArgumentException {
    private final String name;
    private final List<String> suggestions;

    public UnknownName(String name, String kind, List<String> suggestions) {
        super("no " + kind + " named '" + name + "' in the graph"
                + (suggestions.isEmpty() ? "" : "; close names: " + String.join(", ", suggestions)));
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    public String name() {
        return name;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
