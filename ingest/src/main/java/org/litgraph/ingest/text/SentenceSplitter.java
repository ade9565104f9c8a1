package org.litgraph.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits document text into sentences. Line structure counts: a blank line, a bullet, a heading
 * or a table row (a line with tabs) always ends a sentence; a single line break inside running
 * prose (as in PDF text) does not. Inside a line, a sentence ends at . ! or ? followed by space
 * and a capital, digit or bracket, except after common abbreviations, initials and "et al.".
 *
 * <p>Markup is not a statement: a markdown heading line ({@code ## Key points}), a rule
 * ({@code ---}) or a line of markers only yields no sentence, and a list marker ({@code - },
 * {@code * }, {@code 1. }) or leading emphasis marker is left outside the sentence's span, so a
 * sentence's text is always exactly {@code text.substring(start, end)} and starts with its words.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "al", "e.g", "i.e", "eg", "ie", "vs", "fig", "figs", "dr", "mr", "mrs", "ms", "prof", "no", "nos",
            "approx", "ca", "cf", "et", "etc", "inc", "ltd", "co", "vol", "pp", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "st", "mt", "ref", "refs", "resp",
            "sp", "spp", "eq", "min", "max", "mg", "kg", "ml", "cat", "tab", "suppl", "dept", "univ");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦]|\\d{1,3}[.)]|[a-z][.)]|#{1,6})\\s");
    private static final Pattern BOUNDARY = Pattern.compile("[.!?]+[\"')\\]*]*\\s+(?=[\\p{Lu}\\d\"'(\\[*•])");
    /** A markdown (ATX) heading line: up to three spaces, one to six #, a space, words. */
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s|$)");
    /** A line of markup only: a thematic break (---, ***, ___) or markers without a letter or digit. */
    private static final Pattern MARKERS_ONLY = Pattern.compile("^[\\s\\-*_#>=|•·▪◦+~`]*$");
    /** What may open a line before its words: list markers, block quotes, emphasis markers. */
    private static final Pattern LEADING_MARKUP = Pattern.compile(
            "^(?:\\s*(?:[-*+•·▪◦](?=\\s)|\\d{1,3}[.)](?=\\s)|[a-z][.)](?=\\s)|\\*\\*|__)\\s*)+");

    /** Longer runs without a sentence boundary are cut at white space into pieces of at most this. */
    public static final int MAX_SENTENCE_CHARS = 4000;

    private SentenceSplitter() {
    }

    public static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        int blockStart = -1;
        int blockEnd = -1;
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = text.substring(lineStart, lineEnd);
            boolean markup = isMarkupOnly(line);
            boolean blank = line.isBlank() || markup;
            boolean table = line.indexOf('\t') >= 0 && line.strip().contains("\t");
            boolean startsNew = blank || table || BULLET.matcher(line).find() || blockStart < 0
                    || endsSentence(text, blockStart, blockEnd);
            if (startsNew && blockStart >= 0) {
                splitBlock(text, blockStart, blockEnd, out);
                blockStart = -1;
            }
            if (table) {
                addTrimmed(text, lineStart, lineEnd, true, out);
            } else if (!blank) {
                if (blockStart < 0) {
                    blockStart = lineStart;
                }
                blockEnd = lineEnd;
            }
            if (lineEnd >= n) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (blockStart >= 0) {
            splitBlock(text, blockStart, blockEnd, out);
        }
        return out;
    }

    /** A markdown heading line, or a line holding only markers (a rule, a lone bullet): never a sentence. */
    static boolean isMarkupOnly(String line) {
        return MARKDOWN_HEADING.matcher(line).find() || !line.isBlank() && MARKERS_ONLY.matcher(line).matches();
    }

    private static boolean endsSentence(String text, int start, int end) {
        int i = end - 1;
        while (i >= start && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < start) {
            return true;
        }
        char c = text.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
            return true;
        }
        // a line that does not end in punctuation and is short is a heading or a list item
        int lineStart = text.lastIndexOf('\n', i) + 1;
        return (i - lineStart) < 80 || !Character.isLetterOrDigit(c) && c != ',' && c != '-';
    }

    private static void splitBlock(String text, int start, int end, List<Sentence> out) {
        // a list marker opening the block ("1. ", "- ") is markup: the first sentence starts after it
        Matcher lead = LEADING_MARKUP.matcher(text).region(start, end);
        if (lead.lookingAt() && lead.end() < end) {
            start = lead.end();
        }
        String block = text.substring(start, end);
        Matcher m = BOUNDARY.matcher(block);
        int from = 0;
        while (m.find()) {
            int dot = m.start();
            if (isAbbreviation(block, dot)) {
                continue;
            }
            int sentenceEnd = m.start() + trailingPunctuationLength(block, m.start());
            addTrimmed(text, start + from, start + sentenceEnd, false, out);
            from = m.end();
        }
        addTrimmed(text, start + from, end, false, out);
    }

    private static int trailingPunctuationLength(String block, int at) {
        int i = at;
        while (i < block.length() && ".!?\"')]*".indexOf(block.charAt(i)) >= 0) {
            i++;
        }
        return i - at;
    }

    private static boolean isAbbreviation(String block, int dot) {
        if (block.charAt(dot) != '.') {
            return false;
        }
        int i = dot - 1;
        while (i >= 0 && (Character.isLetter(block.charAt(i)) || block.charAt(i) == '.')) {
            i--;
        }
        String word = block.substring(i + 1, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "Smith J. Title"
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static void addTrimmed(String text, int start, int end, boolean tableRow, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (!tableRow) {
            // list markers and a leading emphasis marker are markup, not words of the sentence
            Matcher lead = LEADING_MARKUP.matcher(text).region(start, end);
            if (lead.lookingAt() && lead.end() < end) {
                start = lead.end();
            }
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        // a run-on "sentence" (a text with no punctuation, a one-line dump) is cut into pieces at
        // white space, so that later stages, which look at every pair of mentions, stay linear
        while (end - start > MAX_SENTENCE_CHARS) {
            int cut = start + MAX_SENTENCE_CHARS;
            int space = cut;
            while (space > start + MAX_SENTENCE_CHARS / 2 && !Character.isWhitespace(text.charAt(space))) {
                space--;
            }
            if (Character.isWhitespace(text.charAt(space))) {
                cut = space;
            }
            addTrimmed(text, start, cut, tableRow, out);
            start = cut;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (end > start) {
            out.add(new Sentence(start, end, text.substring(start, end), tableRow));
        }
    }
}
