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

    /** A passage of a document's text, by where it starts. */
    public static String passage(String documentId, int start) {
        return "psg:" + hash(documentId + "|" + start);
    }

    public static String patientCase(String documentId, String caseKey) {
        return "case:" + hash(documentId + "|" + caseKey);
    }

    /** A document's id: its PMID, PMCID or DOI when it has one, else a hash of its content. */
    public static String document(String pmid, String pmcid, String doi, String contentHash) {
        if (pmid != null && !pmid.isBlank()) {
            return "doc:PMID:" + pmid.trim();
        }
        if (pmcid != null && !pmcid.isBlank()) {
            return "doc:PMCID:" + pmcid.trim();
        }
        if (doi != null && !doi.isBlank()) {
            return "doc:DOI:" + doi.trim().toLowerCase(Locale.ROOT);
        }
        return "doc:" + contentHash.substring(0, 20);
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
