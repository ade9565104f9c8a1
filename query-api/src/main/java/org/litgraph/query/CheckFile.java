package org.litgraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of acceptance checks: a comment line {@code // S01: what it checks}, then one read-only
 * query ending in ";" that returns a column {@code ok}. {@link #run} reports each check.
 */
public final class CheckFile {
    private static final Pattern HEADER = Pattern.compile("^//\\s*([A-Za-z0-9_.-]+):\\s*(.*)$");

    /** One check. */
    public record Check(String id, String description, String query) {
    }

    /** A check's outcome; {@code error} is set when the query failed. */
    public record Outcome(Check check, boolean ok, String error) {
    }

    private CheckFile() {
    }

    public static List<Check> parse(String text) {
        List<Check> out = new ArrayList<>();
        String id = null;
        String description = null;
        StringBuilder query = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher m = HEADER.matcher(line.strip());
            if (m.matches()) {
                id = m.group(1);
                description = m.group(2);
                query.setLength(0);
                continue;
            }
            if (id == null || line.strip().startsWith("//")) {
                continue;
            }
            query.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(new Check(id, description, query.toString().strip()));
                id = null;
                query.setLength(0);
            }
        }
        return out;
    }

    public static List<Outcome> run(CypherRunner runner, List<Check> checks) {
        List<Outcome> out = new ArrayList<>();
        for (Check c : checks) {
            try {
                QueryResult r = runner.run(c.query(), java.util.Map.of());
                boolean ok = r.rows().size() == 1 && Boolean.TRUE.equals(r.rows().get(0).get("ok"));
                out.add(new Outcome(c, ok, null));
            } catch (RuntimeException e) {
                out.add(new Outcome(c, false, e.getMessage()));
            }
        }
        return out;
    }
}
