package org.litgraph.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable, deterministic identifiers. Re-ingesting the same input reproduces every id, which is
 * what makes ingest idempotent. A claim's id depends only on (subject, predicate, object), never
 * on its evidence.
 */
public final class Ids {
    private Ids() {
    }

    public static String claim(String subjectId, Predicate predicate, String objectId) {
        return "claim:" + hash(subjectId + "|" + predicate.name() + "|" + objectId);
    }

    public static String evidence(String documentId, String claimId, int start, int end) {
        return "ev:" + hash(documentId + "|" + claimId + "|" + start + "|" + end);
    }

    public static String patientCase(String documentId, String caseKey) {
        return "case:" + hash(documentId + "|" + caseKey);
    }

    /**
     * A document's id: its PMID, PMCID or DOI when it has one, else its source (the normalised path
     * or URL it was read from, see {@link #location}). Never its content or litgraph's version, so an
     * edited file or an upgraded extractor replaces the document in place instead of adding another.
     */
    public static String document(String pmid, String pmcid, String doi, String location) {
        if (pmid != null && !pmid.isBlank()) {
            return "doc:PMID:" + pmid.trim();
        }
        if (pmcid != null && !pmcid.isBlank()) {
            return "doc:PMCID:" + pmcid.trim();
        }
        if (doi != null && !doi.isBlank()) {
            return "doc:DOI:" + doi.trim().toLowerCase(Locale.ROOT);
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a document without PMID, PMCID or DOI needs its path or URL");
        }
        return "doc:src:" + hash(location(location));
    }

    /** Whether a document id stands for its source (path or URL) rather than a PMID, PMCID or DOI. */
    public static boolean bySource(String documentId) {
        return documentId.startsWith("doc:src:");
    }

    /**
     * A source's path or URL as one canonical string: URLs with scheme and host in lower case, no
     * default port and no fragment; file paths absolute and normalised (a {@code #N} record suffix,
     * which the ingestor adds to the N-th record of a multi-record file, is kept).
     */
    public static String location(String location) {
        String l = location.strip();
        int scheme = l.indexOf("://");
        if (scheme > 0 && l.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            try {
                java.net.URI u = new java.net.URI(l);
                if (u.getHost() != null) {
                    String s = u.getScheme().toLowerCase(Locale.ROOT);
                    int port = u.getPort();
                    boolean defaultPort = port == 80 && s.equals("http") || port == 443 && s.equals("https");
                    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                    return s + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 || defaultPort ? "" : ":" + port)
                            + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                }
            } catch (java.net.URISyntaxException e) {
                return l;
            }
            return l;
        }
        String record = "";
        java.util.regex.Matcher m = RECORD_SUFFIX.matcher(l);
        if (m.find()) {
            record = m.group();
            l = l.substring(0, m.start());
        }
        try {
            return java.nio.file.Path.of(l).toAbsolutePath().normalize() + record;
        } catch (java.nio.file.InvalidPathException e) {
            return l + record;
        }
    }

    private static final java.util.regex.Pattern RECORD_SUFFIX = java.util.regex.Pattern.compile("#\\d+$");

    /** The hash of a document's content as read (its format and text), without any litgraph version. */
    public static String contentHash(String format, String text) {
        return sha256(format + "\n" + text);
    }

    /** A reference's id: a CURIE when the record has a DOI or PMID, else a hash of its normalised text. */
    public static String reference(String doi, String pmid, String citationText) {
        if (doi != null && !doi.isBlank()) {
            return "DOI:" + doi.trim().toLowerCase(Locale.ROOT);
        }
        if (pmid != null && !pmid.isBlank()) {
            return "PMID:" + pmid.trim();
        }
        String norm = citationText.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return "ref:" + hash(norm);
    }

    /** First 80 bits of SHA-256, hex. */
    public static String hash(String text) {
        return sha256(text).substring(0, 20);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
