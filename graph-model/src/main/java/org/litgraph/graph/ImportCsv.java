package org.litgraph.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CSV dialect of the admin-import files: comma-separated, every string quoted (so an empty
 * string differs from a missing value, which is an empty unquoted field), quotes doubled, list
 * elements separated by U+001F. One logical file is two physical ones: rows whose values span
 * lines go to a {@code .multiline.csv} sibling, the only files the importer must parse with
 * multi-line support (which is slower). Both carry the same header.
 */
final class ImportCsv {
    static final char DELIMITER = ',';
    static final char QUOTE = '"';
    /** Between list elements and between labels; never inside a value we write. */
    static final char ARRAY_DELIMITER = '\u001f';
    static final String ARRAY_DELIMITER_OPTION = "U+001F";

    private ImportCsv() {
    }

    /** The property types the import files use. */
    enum Type {
        STRING(""), LONG(":long"), DOUBLE(":double"), BOOLEAN(":boolean"), STRING_ARRAY(":string[]"),
        LONG_ARRAY(":long[]");

        final String suffix;

        Type(String suffix) {
            this.suffix = suffix;
        }

        static Type of(Object value) {
            if (value instanceof String) {
                return STRING;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return LONG;
            }
            if (value instanceof Double || value instanceof Float) {
                return DOUBLE;
            }
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            if (value instanceof List<?> l) {
                if (l.isEmpty()) {
                    throw new IllegalArgumentException("no import type for an empty sample list");
                }
                return l.get(0) instanceof String ? STRING_ARRAY : LONG_ARRAY;
            }
            throw new IllegalArgumentException("no import type for " + value.getClass().getName());
        }
    }

    /** A property column: its key and type. */
    record Column(String key, Type type) {
        String header() {
            return key + type.suffix;
        }
    }

    /** The property columns of a row map (from a fully populated sample row), in a stable order. */
    static List<Column> columns(Map<String, Object> sample) {
        List<Column> out = new ArrayList<>();
        sample.keySet().stream().sorted().forEach(k -> {
            Object v = sample.get(k);
            if (v == null) {
                throw new IllegalStateException("sample row has no value for '" + k + "'");
            }
            out.add(new Column(k, Type.of(v)));
        });
        return List.copyOf(out);
    }

    /** A value the import files cannot hold exactly; the document is then written transactionally. */
    static final class Unrepresentable extends Exception {
        Unrepresentable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Appends one field (no delimiter); returns whether it spans lines. Null appends nothing
     * (a missing property); an empty list also appends nothing: the importer stores no empty
     * arrays, the caller records it for the post-import fix-up.
     */
    static boolean append(StringBuilder b, Object value, Type type) throws Unrepresentable {
        if (value == null) {
            return false;
        }
        switch (type) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    throw new IllegalStateException("expected a string, got " + value.getClass().getSimpleName());
                }
                return quoted(b, s, false);
            }
            case LONG -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)) {
                    throw new IllegalStateException("expected an integer, got " + value.getClass().getSimpleName());
                }
                b.append(((Number) value).longValue());
                return false;
            }
            case DOUBLE -> {
                if (!(value instanceof Double || value instanceof Float)) {
                    throw new IllegalStateException("expected a float, got " + value.getClass().getSimpleName());
                }
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new Unrepresentable("non-finite number");
                }
                b.append(Double.toString(d));
                return false;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean bool)) {
                    throw new IllegalStateException("expected a boolean, got " + value.getClass().getSimpleName());
                }
                b.append(bool ? "true" : "false");
                return false;
            }
            case STRING_ARRAY -> {
                if (!(value instanceof List<?> list)) {
                    throw new IllegalStateException("expected a list, got " + value.getClass().getSimpleName());
                }
                if (list.isEmpty()) {
                    return false;
                }
                if (list.size() == 1 && "".equals(list.get(0))) {
                    throw new Unrepresentable("a list holding one empty string");
                }
                b.append(QUOTE);
                boolean multiline = false;
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof String s)) {
                        throw new Unrepresentable("a list element that is not a string");
                    }
                    if (i > 0) {
                        b.append(ARRAY_DELIMITER);
                    }
                    multiline |= escaped(b, s, true);
                }
                b.append(QUOTE);
                return multiline;
            }
            case LONG_ARRAY -> {
                if (!(value instanceof List<?> list)) {
                    throw new IllegalStateException("expected a list, got " + value.getClass().getSimpleName());
                }
                if (list.isEmpty()) {
                    return false;
                }
                for (int i = 0; i < list.size(); i++) {
                    Object x = list.get(i);
                    if (!(x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte)) {
                        throw new Unrepresentable("a list element that is not an integer");
                    }
                    if (i > 0) {
                        b.append(ARRAY_DELIMITER);
                    }
                    b.append(((Number) x).longValue());
                }
                return false;
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    /** Appends a quoted string; returns whether it holds a line break. */
    static boolean quoted(StringBuilder b, String s, boolean inArray) throws Unrepresentable {
        b.append(QUOTE);
        boolean multiline = escaped(b, s, inArray);
        b.append(QUOTE);
        return multiline;
    }

    private static boolean escaped(StringBuilder b, String s, boolean inArray) throws Unrepresentable {
        boolean multiline = false;
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == QUOTE) {
                b.append(s, from, i + 1).append(QUOTE);
                from = i + 1;
            } else if (c == '\n' || c == '\r') {
                multiline = true;
            } else if (c == ARRAY_DELIMITER && inArray) {
                throw new Unrepresentable("a list element holding U+001F");
            } else if (c == 0) {
                throw new Unrepresentable("a NUL character");
            }
        }
        b.append(s, from, n);
        return multiline;
    }

    /**
     * The importer's multi-line reader (--multiline-fields-format=v2) finds row boundaries by scanning
     * back from the end of each buffer, and accepts a line break as the end of a row only before an
     * unquoted cell: every multi-line row therefore starts with an ignored unquoted column.
     */
    static final String MULTILINE_HEADER_PREFIX = ":IGNORE,";
    static final String MULTILINE_ROW_PREFIX = "0,";

    /** One logical import file: the single-line rows, and the multi-line ones beside them. */
    static final class File implements AutoCloseable {
        final Path path;
        final Path multilinePath;
        private final String header;
        private Writer single;
        private Writer multi;
        long rows;
        long multilineRows;

        File(Path dir, String name, String header) throws IOException {
            this.path = dir.resolve(name + ".csv");
            this.multilinePath = dir.resolve(name + ".multiline.csv");
            this.header = header;
            this.single = open(path, "");
            Files.deleteIfExists(multilinePath);
        }

        private Writer open(Path p, String prefix) throws IOException {
            Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
            w.write(prefix);
            w.write(header);
            w.write('\n');
            return w;
        }

        void write(CharSequence rows, boolean multiline, int count) {
            try {
                if (multiline) {
                    if (multi == null) {
                        multi = open(multilinePath, MULTILINE_HEADER_PREFIX);
                    }
                    multi.append(rows);
                    multilineRows += count;
                } else {
                    single.append(rows);
                    this.rows += count;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
        }

        boolean hasMultiline() {
            return multi != null;
        }

        long total() {
            return rows + multilineRows;
        }

        @Override
        public void close() {
            try {
                if (single != null) {
                    single.close();
                }
                if (multi != null) {
                    multi.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
        }
    }
}
