package org.litgraph.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link QueryResult} as an aligned text table, a JSON array of row objects, or CSV. */
public enum ResultFormat {
    TABLE, JSON, CSV;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    public static ResultFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (expected table, json or csv)");
        }
    }

    public String render(QueryResult result) {
        return switch (this) {
            case JSON -> json(result.rows());
            case CSV -> csv(result);
            case TABLE -> table(result);
        };
    }

    public static String json(Object value) {
        try {
            return JSON_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Map || v instanceof List) {
            try {
                return COMPACT.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return String.valueOf(v);
            }
        }
        return String.valueOf(v);
    }

    private static String csv(QueryResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", r.columns().stream().map(ResultFormat::csvField).toList())).append('\n');
        for (Map<String, Object> row : r.rows()) {
            List<String> fields = new ArrayList<>();
            for (String c : r.columns()) {
                fields.add(csvField(cell(row.get(c))));
            }
            sb.append(String.join(",", fields)).append('\n');
        }
        return sb.toString();
    }

    public static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String table(QueryResult r) {
        int n = r.columns().size();
        int[] width = new int[n];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            width[i] = r.columns().get(i).length();
        }
        for (Map<String, Object> row : r.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                String c = cell(row.get(r.columns().get(i))).replace('\n', ' ');
                if (c.length() > 80) {
                    c = c.substring(0, 77) + "...";
                }
                line[i] = c;
                width[i] = Math.max(width[i], c.length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, r.columns().toArray(new String[0]), width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        sb.append(rule).append('\n');
        for (String[] line : cells) {
            appendRow(sb, line, width);
        }
        sb.append("(").append(r.rows().size()).append(r.rows().size() == 1 ? " row)" : " rows)").append('\n');
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(cells[i]).append(" ".repeat(Math.max(0, width[i] - cells[i].length())));
        }
        sb.append('\n');
    }
}
