package org.litgraph.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neo4j reports a syntax or semantic error's position ("line 1, column 14 (offset: 13)") and quotes
 * the query with a caret under it, in terms of the text it was sent. litgraph sends the typed query
 * stripped and prefixed ({@code EXPLAIN ...}); this maps the position back to the query as the user
 * typed it, so the message, the quoted line and the caret point at what they wrote.
 */
final class CypherErrors {
    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    private CypherErrors() {
    }

    /**
     * {@code message} about {@code sent}, which is {@code prefix} followed by {@code typed} from
     * character {@code lead} on (the typed query without its leading white space).
     */
    static String relocate(String message, String typed, String prefix, int lead) {
        if (message == null) {
            return null;
        }
        Matcher m = POSITION.matcher(message);
        if (!m.find()) {
            return message.replace("\"" + prefix, "\"");
        }
        int sentOffset = Integer.parseInt(m.group(3));
        int offset = Math.max(0, Math.min(typed.length(), sentOffset - prefix.length() + lead));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (typed.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        String head = message.substring(0, m.start()) + "(line " + line + ", column " + column + " (offset: " + offset + "))";
        int lineEnd = typed.indexOf('\n', lineStart);
        String quoted = typed.substring(lineStart, lineEnd < 0 ? typed.length() : lineEnd);
        // Neo4j's own quote of the sent query (and its caret) follows the position: replace it with the typed line
        String rest = message.substring(m.end());
        int quote = rest.indexOf("\n\"");
        String tail = quote < 0 ? rest : rest.substring(0, quote);
        return head + tail + "\n\"" + quoted + "\"\n " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
