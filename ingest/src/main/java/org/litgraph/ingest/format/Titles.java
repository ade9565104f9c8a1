package org.litgraph.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What can be a document's title, as a reviewer would cite it: not a breadcrumb ("Home › Drugs ›
 * ..."), a logo or masthead line (a short line in capitals, a site name), the journal's name, a
 * byline or date line, a citation line, navigation or a link. Shared by the plain-text and HTML
 * parsers; page titles such as "Article title | Site name" are cut at their separators.
 */
final class Titles {
    private static final Pattern BREADCRUMB = Pattern.compile("(?:\\s(?:>|›|»|/|\\|)\\s[^>›»/|]*){2,}|[›»]|^(?i:home)\\s*(?:>|›|»|/|\\|)");
    private static final Pattern NAVIGATION = Pattern.compile(
            "(?i)\\b(?:skip to|homepage|main navigation|access keys|log ?in|sign ?in|sign up|menu|cookie|subscribe|search"
                    + "|toggle|back to top|share this|print this|download pdf|related articles)\\b");
    private static final Pattern BYLINE = Pattern.compile(
            "(?i)^(?:by|authors?|written by|reviewed by|posted|published|updated|last updated|last reviewed|date|source|copyright|©)\\b.*");
    private static final Pattern JOURNAL_NAME = Pattern.compile(
            "(?i)^(?:the )?(?:journal|annals|archives|bulletin|proceedings|transactions|letters|reports|international journal|european journal"
                    + "|american journal|british journal)\\b(?: of\\b)?[^:]*$");
    private static final Pattern CITATION = Pattern.compile(
            "^\\s*[A-Z][A-Za-z .&()-]{2,80}?\\.\\s+\\d{4}\\b[^;\\n]*;|\\bet al\\b|\\bdoi:\\s*10\\.|^\\s*(?:doi|pmid|pmcid)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("(?i)https?://|www\\.|\\S+\\.(?:com|org|net|gov)\\b");
    private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:\\||–|—|-|::|·|»)\\s+");

    /** Longer lines are not titles (40 words of long terms fit). */
    static final int MAX_TITLE_CHARS = 600;

    private Titles() {
    }

    /** Whether {@code line} can be the title; {@code journal} and {@code site} are the source's names (may be null). */
    static boolean acceptable(String line, String journal, String site) {
        String t = line == null ? "" : line.strip();
        if (t.length() > MAX_TITLE_CHARS) {
            return false; // a paragraph, or a run-on line of a hostile file: never a title (and never scanned)
        }
        int words = t.isEmpty() ? 0 : t.split("\\s+").length;
        if (t.length() < 15 || words < 4 || t.startsWith(".") || t.contains("\t")) {
            return false;
        }
        if (BREADCRUMB.matcher(t).find() || NAVIGATION.matcher(t).find() || BYLINE.matcher(t).matches()
                || CITATION.matcher(t).find() || LINK.matcher(t).find() && words <= 8) {
            return false;
        }
        if (sameName(t, journal) || sameName(t, site) || JOURNAL_NAME.matcher(t).matches() && words <= 8) {
            return false;
        }
        // a masthead or logo line: short and in capitals
        return !(words <= 6 && isCapitals(t));
    }

    /** The parts of a page title worth keeping: "Title | Site" and "Site - Title" lose the site's part. */
    static String cleanPageTitle(String title, String journal, String site) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        String[] parts = SEPARATORS.split(t);
        if (parts.length < 2) {
            return t;
        }
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            String x = p.strip();
            if (!x.isEmpty() && !sameName(x, journal) && !sameName(x, site) && !x.equalsIgnoreCase("home")
                    && !(x.split("\\s+").length <= 3 && (isCapitals(x) || LINK.matcher(x).find()))) {
                kept.add(x);
            }
        }
        if (kept.isEmpty()) {
            return t;
        }
        // the longest remaining part is the article's own title (site names are short)
        return kept.stream().max(java.util.Comparator.comparingInt(String::length)).orElse(t);
    }

    static boolean sameName(String a, String b) {
        if (a == null || b == null || b.isBlank()) {
            return false;
        }
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static boolean isCapitals(String t) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 4 && upper * 10 >= letters * 9;
    }
}
