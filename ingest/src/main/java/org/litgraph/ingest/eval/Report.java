package org.litgraph.ingest.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of an evaluation (name -> counts), printed as a table, plus free-text notes. */
public final class Report {
    private final Map<String, Score> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(String row, Score s) {
        rows.merge(row, s, Score::plus);
    }

    void note(String line) {
        notes.add(line);
    }

    public Map<String, Score> rows() {
        return Collections.unmodifiableMap(rows);
    }

    public Score get(String row) {
        return rows.get(row);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        int width = Math.max(18, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        String head = "%-" + width + "s %6s %6s %6s %7s %7s %7s%n";
        String row = "%-" + width + "s %6d %6d %6d %7.4f %7.4f %7.4f%n";
        sb.append(String.format(Locale.ROOT, head, "", "TP", "FP", "FN", "P", "R", "F"));
        rows.forEach((name, s) -> sb.append(String.format(Locale.ROOT, row, name, s.tp(), s.fp(), s.fn(),
                s.precision(), s.recall(), s.f1())));
        notes.forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }
}
