package org.litgraph.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parser registry and format detection. Parsers are stateless and shared between threads.
 */
public final class Formats {
    /** How many leading (decompressed) bytes {@link #detect} looks at. */
    public static final int SNIFF_BYTES = 4096;

    private static final Map<Format, DocumentParser> PARSERS = new EnumMap<>(Format.class);
    private static final Pattern PUBTATOR_LINE = Pattern.compile("(?m)^\\d+\\|[ta]\\|");
    private static final Pattern MEDLINE_LINE = Pattern.compile("(?m)^PMID- ");
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    static {
        register(new PlainTextParser());
        register(new PubMedXmlParser());
        register(new MedlineTextParser());
        register(new JatsParser());
        register(new HtmlParser());
        register(new PdfParser());
        register(new PubTatorParser());
        register(new BioCXmlParser());
        register(new BioCJsonParser());
        for (Format f : Format.values()) {
            if (!PARSERS.containsKey(f)) {
                throw new IllegalStateException("no parser for " + f);
            }
        }
    }

    private Formats() {
    }

    private static void register(DocumentParser p) {
        PARSERS.put(p.format(), p);
    }

    /** The parser of a format. */
    public static DocumentParser parser(Format format) {
        return PARSERS.get(format);
    }

    /** A format by its label ({@code pubmed-xml}, {@code jats}, ...) or enum name, case-insensitive. */
    public static Optional<Format> parseName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        for (Format f : Format.values()) {
            if (f.label().equalsIgnoreCase(n) || f.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Guesses the format of a file from its first bytes (already decompressed), then from its
     * name; anything unrecognised is plain text.
     */
    public static Format detect(String fileName, byte[] head) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        byte[] h = head == null ? new byte[0] : head;
        int n = Math.min(h.length, SNIFF_BYTES);
        if (n >= 5 && startsWithPdf(h, n)) {
            return Format.PDF;
        }
        String text = new String(h, 0, n, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("<")) {
            String root = rootElement(trimmed);
            if (root != null) {
                switch (root) {
                    case "PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "MedlineCitation":
                        return Format.PUBMED_XML;
                    case "article", "pmc-articleset", "OAI-PMH":
                        return Format.JATS_XML;
                    case "collection":
                        return Format.BIOC_XML;
                    case "html":
                        return Format.HTML;
                    default:
                        break;
                }
            }
            if (lower.startsWith("<!doctype html") || lower.contains("<html")) {
                return Format.HTML;
            }
            if (root != null && root.contains("article") && text.contains("article-type")) {
                return Format.JATS_XML;
            }
        }
        if ((trimmed.startsWith("{") || trimmed.startsWith("["))
                && (text.contains("\"documents\"") || text.contains("\"passages\"") || text.contains("\"PubTator3\""))) {
            return Format.BIOC_JSON;
        }
        if (PUBTATOR_LINE.matcher(text).find()) {
            return Format.PUBTATOR;
        }
        if (MEDLINE_LINE.matcher(text).find()) {
            return Format.MEDLINE_TEXT;
        }
        if (name.endsWith(".pdf")) {
            return Format.PDF;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return Format.HTML;
        }
        if (name.endsWith(".nxml")) {
            return Format.JATS_XML;
        }
        if (name.endsWith(".bioc.xml")) {
            return Format.BIOC_XML;
        }
        if (name.endsWith(".json")) {
            return Format.BIOC_JSON;
        }
        if (name.endsWith(".pubtator") || name.endsWith(".pubtator.txt")) {
            return Format.PUBTATOR;
        }
        if (name.endsWith(".medline") || name.endsWith(".nbib")) {
            return Format.MEDLINE_TEXT;
        }
        return Format.PLAIN_TEXT;
    }

    private static boolean startsWithPdf(byte[] h, int n) {
        // the header may follow a few junk bytes; the PDF specification allows it within the first 1 KiB
        int limit = Math.min(n - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (h[i] == '%' && h[i + 1] == 'P' && h[i + 2] == 'D' && h[i + 3] == 'F' && h[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** The first element name after the prolog, comments, processing instructions and DOCTYPE. */
    private static String rootElement(String xml) {
        int i = 0;
        while (i < xml.length()) {
            int lt = xml.indexOf('<', i);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return null;
            }
            char c = xml.charAt(lt + 1);
            if (c == '?' ) {
                i = skipTo(xml, lt, "?>");
            } else if (xml.startsWith("<!--", lt)) {
                i = skipTo(xml, lt, "-->");
            } else if (c == '!') {
                i = skipDoctype(xml, lt);
            } else {
                var m = FIRST_ELEMENT.matcher(xml);
                if (m.find(lt) && m.start() == lt) {
                    String q = m.group(1);
                    int colon = q.indexOf(':');
                    return colon >= 0 ? q.substring(colon + 1) : q;
                }
                return null;
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    private static int skipTo(String s, int from, String end) {
        int e = s.indexOf(end, from);
        return e < 0 ? -1 : e + end.length();
    }

    private static int skipDoctype(String s, int from) {
        int depth = 0;
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
