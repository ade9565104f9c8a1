package org.litgraph.ingest.ner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Abbreviation definitions in the manner of Schwartz and Hearst (2003, "A simple algorithm for
 * identifying abbreviation definitions in biomedical text"): a short form in parentheses after its
 * long form ("long form (LF)"), or the reverse ("LF (long form)") when the bracket holds more than
 * two words. The short form has 2-10 characters, at most two words, starts with a letter or digit
 * and has a capital letter; the long form is the shortest run of at most min(|SF| + 5, 2|SF|)
 * preceding words, inside the sentence, in which the short form's letters and digits occur in
 * order, matched right to left, its first character starting a word.
 */
public final class Abbreviations {
    /** A definition: the short form and long form with their offsets in the document text. */
    public record Abbreviation(String shortForm, String longForm, int shortStart, int shortEnd, int longStart, int longEnd) {
    }

    private Abbreviations() {
    }

    /** The definitions in {@code text}, in text order; the first definition of a short form wins. */
    public static List<Abbreviation> find(String text) {
        Map<String, Abbreviation> bySf = new LinkedHashMap<>();
        int p = text.indexOf('(');
        while (p >= 0) {
            int q = closing(text, p);
            if (q > p) {
                Abbreviation a = at(text, p, q);
                if (a != null) {
                    bySf.putIfAbsent(a.shortForm(), a);
                }
            }
            p = text.indexOf('(', p + 1);
        }
        return new ArrayList<>(bySf.values());
    }

    /**
     * Bracketed codes that are no Schwartz-Hearst short form: one token of 2-10 letters, digits and
     * hyphens with two capitals or a digit, alone in brackets ("imatinib (STI571)", "(AMN107)"). Their
     * "long form" is whatever mention ends right before the bracket (offsets: the bracket); the
     * mention finder decides. {@code known} are the short forms already defined.
     */
    public static List<Abbreviation> aliases(String text, java.util.Set<String> known) {
        List<Abbreviation> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(known);
        int p = text.indexOf('(');
        while (p >= 0) {
            int s = p + 1;
            int n = text.length();
            while (s < n && text.charAt(s) == ' ') {
                s++;
            }
            int e = s;
            while (e < n && e - s <= 10 && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '-')) {
                e++;
            }
            int close = e;
            while (close < n && text.charAt(close) == ' ') {
                close++;
            }
            if (close < n && text.charAt(close) == ')' && e - s >= 2 && e - s <= 10 && Character.isLetter(text.charAt(s))) {
                int upper = 0;
                boolean digit = false;
                for (int i = s; i < e; i++) {
                    upper += Character.isUpperCase(text.charAt(i)) ? 1 : 0;
                    digit |= Character.isDigit(text.charAt(i));
                }
                String code = text.substring(s, e);
                if ((upper >= 2 || digit && upper >= 1) && seen.add(code)) {
                    out.add(new Abbreviation(code, "", s, e, p, p));
                }
            }
            p = text.indexOf('(', p + 1);
        }
        return out;
    }

    /** The matching ')' of the '(' at {@code p} within the sentence, or -1. */
    private static int closing(String text, int p) {
        int depth = 0;
        int limit = Math.min(text.length(), p + 200);
        for (int i = p; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            } else if (c == '\n' || c == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' '
                    && i + 2 < text.length() && Character.isUpperCase(text.charAt(i + 2))) {
                return -1;
            }
        }
        return -1;
    }

    private static Abbreviation at(String text, int open, int close) {
        int s = open + 1;
        int e = close;
        // "(SF; more)" or "(SF, more)": the first part
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == ';' || c == ',' && i + 1 < e && text.charAt(i + 1) == ' ') {
                e = i;
                break;
            }
        }
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e <= s) {
            return null;
        }
        String inside = text.substring(s, e);
        int words = words(inside);
        if (words <= 2 && inside.length() <= 10) {
            if (!validShortForm(inside)) {
                return null;
            }
            int windowStart = windowStart(text, open, Math.min(inside.length() + 5, inside.length() * 2));
            int lfEnd = open;
            while (lfEnd > windowStart && Character.isWhitespace(text.charAt(lfEnd - 1))) {
                lfEnd--;
            }
            if (lfEnd <= windowStart) {
                return null;
            }
            int lfStart = bestLongForm(inside, text, windowStart, lfEnd);
            if (lfStart < 0 || !validPair(inside, text.substring(lfStart, lfEnd))) {
                return null;
            }
            return new Abbreviation(inside, text.substring(lfStart, lfEnd), s, e, lfStart, lfEnd);
        }
        // "SF (long form)": the bracket holds more than two words or ten characters; the word before it is the short form
        int we = open;
        while (we > 0 && Character.isWhitespace(text.charAt(we - 1))) {
            we--;
        }
        int ws = we;
        while (ws > 0 && !Character.isWhitespace(text.charAt(ws - 1))) {
            ws--;
        }
        if (ws >= we) {
            return null;
        }
        String sf = text.substring(ws, we);
        if (!validShortForm(sf) || words > Math.min(sf.length() + 5, sf.length() * 2)) {
            return null;
        }
        int lfStart = bestLongForm(sf, text, s, e);
        if (lfStart != s || !validPair(sf, inside)) {
            return null;
        }
        return new Abbreviation(sf, inside, ws, we, s, e);
    }

    static boolean validShortForm(String sf) {
        int n = sf.length();
        if (n < 2 || n > 10 || !Character.isLetterOrDigit(sf.charAt(0)) || words(sf) > 2) {
            return false;
        }
        boolean letter = false;
        boolean upper = false;
        for (int i = 0; i < n; i++) {
            char c = sf.charAt(i);
            letter |= Character.isLetter(c);
            upper |= Character.isUpperCase(c);
        }
        return letter && upper;
    }

    private static boolean validPair(String sf, String lf) {
        if (lf.length() <= sf.length()) {
            return false;
        }
        // the long form must not hold the short form as a word of its own
        int i = lf.indexOf(sf);
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetterOrDigit(lf.charAt(i - 1));
            boolean after = i + sf.length() >= lf.length() || !Character.isLetterOrDigit(lf.charAt(i + sf.length()));
            if (before && after) {
                return false;
            }
            i = lf.indexOf(sf, i + 1);
        }
        return true;
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    /** Start of the window of at most {@code maxWords} words before {@code end}, not crossing a sentence end. */
    private static int windowStart(String text, int end, int maxWords) {
        int i = end;
        int words = 0;
        while (i > 0) {
            // skip spaces
            while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                if (text.charAt(i - 1) == '\n') {
                    return i;
                }
                i--;
            }
            if (i == 0) {
                break;
            }
            int wordEnd = i;
            while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            // a sentence end before this word: "... end. Word"
            char last = text.charAt(wordEnd - 1);
            if (words > 0 && (last == '.' || last == '!' || last == '?' || last == ';' || last == ':')) {
                return wordEnd;
            }
            words++;
            if (words >= maxWords) {
                return i;
            }
        }
        return i;
    }

    /**
     * Schwartz-Hearst's best long form: the short form's characters matched right to left in
     * {@code text[from, to)}; the first one must start a word. Returns the long form's start or -1.
     */
    static int bestLongForm(String sf, String text, int from, int to) {
        int s = sf.length() - 1;
        int l = to - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(sf.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= from && (Character.toLowerCase(text.charAt(l)) != c
                    || s == 0 && l > from && Character.isLetterOrDigit(text.charAt(l - 1)))) {
                l--;
            }
            if (l < from) {
                return -1;
            }
            l--;
            s--;
        }
        // back to the start of the word
        int start = l + 1;
        while (start > from && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }
}
