package org.litgraph.ingest.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the inline markup of markdown-flavoured plain text (vendor notes, web captures) the way
 * a reader sees it: {@code **bold**} and {@code __bold__} lose their markers, an inline link
 * {@code [words](https://...)} keeps its words. Line structure (headings, bullets, tables) is left
 * as it is: the sentence splitter reads it. The rendered text is the document's text, so every
 * offset taken from it stays honest.
 */
final class MarkdownText {
    /** An emphasis run: at most 1,000 characters, so an unclosed marker in a run-on line costs a bounded scan. */
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)([^\\n]{0,1000}?\\S)\\1");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,300})\\]\\((?:https?://|mailto:|www\\.)[^)\\s]{0,2000}\\)");

    private MarkdownText() {
    }

    static String render(String text) {
        if (text.indexOf("**") < 0 && text.indexOf("__") < 0 && text.indexOf("](") < 0) {
            return text;
        }
        String out = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        // an emphasis run never spans lines; repeat for nested or adjacent runs
        for (int i = 0; i < 3; i++) {
            String next = STRONG.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out;
    }
}
