package org.litgraph.ingest.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.litgraph.ingest.text.Token;
import org.litgraph.ingest.text.Tokenizer;

/**
 * Finds lexicon names in text: longest match over Lucene-normalised tokens, left to right, no
 * overlaps. Short all-capital names (abbreviations such as ILD, ALL, GIST) match only with the
 * same capitals, so "all patients" is not acute lymphoblastic leukaemia. Per-document aliases
 * (abbreviations defined in the text) are passed in by the caller.
 */
public final class EntityRecognizer {
    private static final Pattern ABBREVIATION = Pattern.compile("[\\p{Lu}\\d][\\p{Lu}\\d\\-/]{0,7}s?");

    private final Lexicon lexicon;
    private final Node root = new Node();

    public EntityRecognizer(Lexicon lexicon) {
        this.lexicon = lexicon;
        for (LexiconEntry e : lexicon.entries()) {
            for (String name : Lexicon.names(e)) {
                add(name, e);
            }
        }
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    private void add(String name, LexiconEntry entry) {
        String id = entry.id();
        List<Token> tokens = Tokenizer.tokens(name);
        if (tokens.isEmpty()) {
            return;
        }
        Node node = root;
        for (Token t : tokens) {
            node = node.children.computeIfAbsent(t.term(), k -> new Node());
        }
        String exact = isAbbreviation(name) ? letters(name) : null;
        for (Target existing : node.targets) {
            if (existing.id.equals(id) && java.util.Objects.equals(existing.exact, exact)) {
                return;
            }
        }
        node.targets.add(new Target(id, exact, entry));
    }

    static boolean isAbbreviation(String name) {
        String n = name.strip();
        return n.length() <= 8 && ABBREVIATION.matcher(n).matches() && n.chars().anyMatch(Character::isUpperCase);
    }

    private static String letters(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        String out = sb.toString();
        return out.endsWith("s") && out.length() > 2 ? out.substring(0, out.length() - 1) : out;
    }

    /**
     * Mentions in {@code text[from, to)}. {@code aliases} maps a normalised key to an entry id,
     * for names defined in this document; they take precedence over the lexicon.
     */
    public List<Mention> find(String text, int from, int to, Map<String, String> aliases) {
        List<Token> tokens = Tokenizer.tokens(text, from, to);
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int bestEnd = -1;
            LexiconEntry best = null;
            // document aliases: single-token short forms
            String alias = aliases.get(tokens.get(i).term());
            if (alias != null) {
                best = lexicon.get(alias).orElse(null);
                bestEnd = best == null ? -1 : i;
            }
            Node node = root;
            for (int j = i; j < tokens.size(); j++) {
                node = node.children.get(tokens.get(j).term());
                if (node == null) {
                    break;
                }
                if (!node.targets.isEmpty() && j > bestEnd) {
                    String surface = text.substring(tokens.get(i).start(), tokens.get(j).end());
                    LexiconEntry e = pick(node, surface);
                    if (e != null) {
                        best = e;
                        bestEnd = j;
                    }
                }
            }
            if (best != null) {
                int s = tokens.get(i).start();
                int e = tokens.get(bestEnd).end();
                out.add(new Mention(s, e, text.substring(s, e), best));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private LexiconEntry pick(Node node, String surface) {
        String surfaceLetters = null;
        for (Target t : node.targets) {
            if (t.exact != null) {
                if (surfaceLetters == null) {
                    surfaceLetters = letters(surface);
                }
                if (!t.exact.equals(surfaceLetters)) {
                    continue;
                }
            }
            // the lexicon is immutable: the entry was resolved when the trie was built
            return t.entry;
        }
        return null;
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        final List<Target> targets = new ArrayList<>(1);
    }

    private record Target(String id, String exact, LexiconEntry entry) {
    }
}
