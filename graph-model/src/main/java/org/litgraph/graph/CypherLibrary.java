package org.litgraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named, parameterised Cypher files of the top-level {@code cypher/} directory, shipped on the
 * class path under {@code cypher/}. Java code never builds Cypher from strings: it asks for a
 * query by name ({@code "queries/evidence"}) and passes parameters.
 */
public final class CypherLibrary {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherLibrary() {
    }

    /** The text of {@code cypher/NAME.cypher}, with its trailing semicolon removed. */
    public static String query(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            List<String> statements = statements(n);
            if (statements.size() != 1) {
                throw new IllegalStateException("cypher/" + n + ".cypher holds " + statements.size()
                        + " statements; a named query must hold exactly one");
            }
            return statements.get(0);
        });
    }

    /** The statements of a file holding several (the schema files), split on top-level semicolons. */
    public static List<String> statements(String name) {
        String text = read("cypher/" + name + ".cypher");
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSingle = false;
        boolean inDouble = false;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (!inSingle && !inDouble && trimmed.startsWith("//")) {
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'' && !inDouble) {
                    inSingle = !inSingle;
                } else if (c == '"' && !inSingle) {
                    inDouble = !inDouble;
                }
                if (c == ';' && !inSingle && !inDouble) {
                    addIfNotBlank(out, current);
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            current.append('\n');
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static String read(String resource) {
        try (InputStream in = CypherLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such Cypher file on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
