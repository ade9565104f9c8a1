package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * A search query as researchers type it, parsed into a tree:
 * <pre>
 * query   = or
 * or      = and *( "OR" and )
 * and     = unary *( ["AND"] unary )          ; juxtaposition means AND
 * unary   = ("NOT" | "-") unary | "+" unary | primary
 * primary = "(" or ")" | phrase | word+      ; a run of bare words, grouped into names later
 * phrase  = '"' words '"'                     ; matched as written, no synonyms
 * </pre>
 * Operators are upper case (AND, OR, NOT; {@code |} also means OR, {@code &&} AND); a word ending
 * in {@code *} is a prefix ({@code pneumon*}). Lower-case "and"/"or" are words. The parser only
 * builds the tree; {@link CaseSearch} grounds the words and writes the escaped Lucene query.
 */
final class SearchQuery {
    static final int MAX_TOKENS = 64;

    private SearchQuery() {
    }

    /** A node of the query tree. */
    sealed interface Node permits And, Or, Not, Words, Phrase {
    }

    /** All children must match (a {@link Not} child must not). */
    record And(List<Node> children) implements Node {
        And {
            children = List.copyOf(children);
        }
    }

    /** Any child may match. */
    record Or(List<Node> children) implements Node {
        Or {
            children = List.copyOf(children);
        }
    }

    /** The child must not match. */
    record Not(Node child) implements Node {
    }

    /** A run of bare words as typed (names of up to four words are found in it later). */
    record Words(List<String> words) implements Node {
        Words {
            words = List.copyOf(words);
        }
    }

    /** A quoted phrase, matched as written. */
    record Phrase(String text) implements Node {
    }

    private enum Kind { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE, REQUIRED }

    private record Token(Kind kind, String text) {
    }

    static Node parse(String query) {
        List<Token> tokens = tokens(query);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("search needs at least one word");
        }
        Parser p = new Parser(tokens);
        Node n = p.or();
        if (p.i < tokens.size()) {
            Token t = tokens.get(p.i);
            throw new IllegalArgumentException(t.kind() == Kind.CLOSE ? "unbalanced ')' in the search query"
                    : "unexpected '" + t.text() + "' in the search query");
        }
        requirePositive(n);
        return n;
    }

    /** A query (or an AND group) made only of exclusions matches nothing: say so. */
    private static void requirePositive(Node n) {
        if (n instanceof Not) {
            throw new IllegalArgumentException(
                    "a search needs something to find before excluding words: e.g. 'imatinib -infection'");
        }
        if (n instanceof And a) {
            if (a.children().stream().allMatch(c -> c instanceof Not)) {
                requirePositive(a.children().get(0));
            }
            a.children().stream().filter(c -> !(c instanceof Not)).forEach(SearchQuery::requirePositive);
            a.children().stream().filter(c -> c instanceof Not).forEach(c -> requireNoNot(((Not) c).child()));
        } else if (n instanceof Or o) {
            o.children().forEach(SearchQuery::requirePositive);
        }
    }

    private static void requireNoNot(Node n) {
        if (n instanceof Not) {
            throw new IllegalArgumentException("a double negation ('NOT -word') is not supported in a search query");
        }
        if (n instanceof And a) {
            a.children().forEach(SearchQuery::requirePositive);
        } else if (n instanceof Or o) {
            o.children().forEach(SearchQuery::requirePositive);
        }
    }

    private static List<Token> tokens(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (out.size() >= MAX_TOKENS) {
                throw new IllegalArgumentException("the search query is too long (at most " + MAX_TOKENS + " words and operators)");
            }
            if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
                i++;
            } else if (c == '"' || c == '“' || c == '”') {
                int end = i + 1;
                while (end < n && q.charAt(end) != '"' && q.charAt(end) != '”' && q.charAt(end) != '“') {
                    end++;
                }
                String phrase = q.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    out.add(new Token(Kind.PHRASE, phrase));
                }
                i = Math.min(n, end + 1);
            } else if ((c == '-' || c == '+' || c == '!') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))
                    && (i == 0 || Character.isWhitespace(q.charAt(i - 1)) || q.charAt(i - 1) == '(')) {
                out.add(new Token(c == '+' ? Kind.REQUIRED : Kind.NOT, String.valueOf(c)));
                i++;
            } else if (c == '|' && i + 1 < n && q.charAt(i + 1) == '|' || c == '&' && i + 1 < n && q.charAt(i + 1) == '&') {
                out.add(new Token(c == '|' ? Kind.OR : Kind.AND, q.substring(i, i + 2)));
                i += 2;
            } else if (c == '|') {
                out.add(new Token(Kind.OR, "|"));
                i++;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end)) && "()\"“”".indexOf(q.charAt(end)) < 0) {
                    end++;
                }
                String w = q.substring(i, end);
                switch (w) {
                    case "AND" -> out.add(new Token(Kind.AND, w));
                    case "OR" -> out.add(new Token(Kind.OR, w));
                    case "NOT" -> out.add(new Token(Kind.NOT, w));
                    default -> out.add(new Token(Kind.WORD, w));
                }
                i = end;
            }
        }
        return out;
    }

    private static final class Parser {
        final List<Token> tokens;
        int i;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean at(Kind k) {
            return i < tokens.size() && tokens.get(i).kind() == k;
        }

        Node or() {
            List<Node> parts = new ArrayList<>();
            parts.add(and());
            while (at(Kind.OR)) {
                i++;
                if (i >= tokens.size() || at(Kind.CLOSE) || at(Kind.OR) || at(Kind.AND)) {
                    throw new IllegalArgumentException("OR needs a word or group on both sides");
                }
                parts.add(and());
            }
            if (parts.size() > 1 && parts.stream().anyMatch(p -> p instanceof Not)) {
                throw new IllegalArgumentException(
                        "an exclusion cannot be one side of OR: write '(a OR b) -c' to exclude c from both");
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        Node and() {
            List<Node> parts = new ArrayList<>();
            parts.add(unary());
            while (i < tokens.size() && !at(Kind.OR) && !at(Kind.CLOSE)) {
                if (at(Kind.AND)) {
                    i++;
                    if (i >= tokens.size() || at(Kind.CLOSE) || at(Kind.OR) || at(Kind.AND)) {
                        throw new IllegalArgumentException("AND needs a word or group on both sides");
                    }
                }
                Node next = unary();
                // consecutive bare words form one run, so that multi-word names can be found in it
                if (next instanceof Words w && parts.get(parts.size() - 1) instanceof Words prev && !prevEndedByOperator()) {
                    List<String> merged = new ArrayList<>(prev.words());
                    merged.addAll(w.words());
                    parts.set(parts.size() - 1, new Words(merged));
                } else {
                    parts.add(next);
                }
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        /** Whether an explicit AND separated the last two parts ("a AND b" keeps a and b apart). */
        private boolean prevEndedByOperator() {
            // the token before the just-parsed word run; an AND there means the user split them on purpose
            int k = i - 1;
            while (k >= 0 && tokens.get(k).kind() == Kind.WORD) {
                k--;
            }
            return k >= 0 && tokens.get(k).kind() == Kind.AND;
        }

        Node unary() {
            if (i >= tokens.size()) {
                throw new IllegalArgumentException("the search query ends where a word was expected");
            }
            Token t = tokens.get(i);
            switch (t.kind()) {
                case NOT -> {
                    i++;
                    return new Not(unary());
                }
                case REQUIRED -> {
                    i++;
                    return unary();
                }
                case OPEN -> {
                    i++;
                    if (at(Kind.CLOSE)) {
                        throw new IllegalArgumentException("empty parentheses in the search query");
                    }
                    Node inner = or();
                    if (!at(Kind.CLOSE)) {
                        throw new IllegalArgumentException("unbalanced '(' in the search query");
                    }
                    i++;
                    return inner;
                }
                case PHRASE -> {
                    i++;
                    return new Phrase(t.text());
                }
                case WORD -> {
                    i++;
                    return new Words(List.of(t.text()));
                }
                case CLOSE -> throw new IllegalArgumentException("unbalanced ')' in the search query");
                default -> throw new IllegalArgumentException("'" + t.text() + "' needs a word or group on both sides");
            }
        }
    }
}
