package org.litgraph.ingest.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.text.Token;
import org.litgraph.ingest.text.Tokenizer;

/**
 * Finds lexicon names in text: longest match over Lucene-normalised tokens, left to right, no
 * overlaps. Short all-capital names (abbreviations such as ILD, ALL, GIST) match only with the
 * same capitals, so "all patients" is not acute lymphoblastic leukaemia, and not when glued to a
 * number ("THP-1" is a cell line) or after a title ("Dr SE"). Guarded names (gene symbols that are
 * also words or common abbreviations, such as CAT or SET) match only with gene context (see
 * {@link GeneContext}). Known non-entities (anatomy, organisms, procedures) are matched to keep
 * their words from becoming entities; an anatomical phrase followed by a process noun becomes a
 * composed process ("alveolar epithelial cell repair"). Per-document aliases (abbreviations
 * defined in the text) are passed in by the caller.
 */
public final class EntityRecognizer {
    private static final Pattern ABBREVIATION = Pattern.compile("[\\p{Lu}\\d][\\p{Lu}\\d\\-/]{0,7}s?");

    private final Lexicon lexicon;
    private final NameIndex index;

    public EntityRecognizer(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.index = lexicon.index();
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    static boolean isAbbreviation(String name) {
        String n = name.strip();
        return n.length() <= 8 && ABBREVIATION.matcher(n).matches() && n.chars().anyMatch(Character::isUpperCase);
    }

    static String letters(String s) {
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
        int n = tokens.size();
        int[] terms = new int[n];
        for (int k = 0; k < n; k++) {
            terms[k] = index.term(tokens.get(k).term());
        }
        return find(text, tokens, terms, aliases);
    }

    /** Terms of the names of processes (every term of each), and whether they are computed yet. */
    private volatile java.util.BitSet processTerms;

    /**
     * What {@link #find} returns, where it can contain a process or a document alias; otherwise possibly an
     * empty list (other mentions are then left out). A process mention is a process name (every term of it
     * is a process-name term) or a composed process (ending in a process noun), and alias mentions need
     * aliases: a range with none of these terms and no aliases is not read at all.
     */
    public List<Mention> findProcessesOrAliases(String text, int from, int to, Map<String, String> aliases) {
        List<Token> tokens = Tokenizer.tokens(text, from, to);
        int n = tokens.size();
        int[] terms = new int[n];
        java.util.BitSet processy = processTerms;
        if (processy == null) {
            processy = index.termsOf(ref -> ref >= 0 && lexicon.entryAt(ref).kind() == EntityKind.PROCESS);
            processTerms = processy;
        }
        boolean candidate = !aliases.isEmpty();
        for (int k = 0; k < n; k++) {
            int term = index.term(tokens.get(k).term());
            terms[k] = term;
            candidate |= term >= 0 && (processy.get(term) || lexicon.processHead(term));
        }
        return candidate ? find(text, tokens, terms, aliases) : List.of();
    }

    private List<Mention> find(String text, List<Token> tokens, int[] terms, Map<String, String> aliases) {
        int n = tokens.size();
        GeneContext context = null;
        List<Mention> out = new ArrayList<>();
        List<Integer> pending = null; // indexes into out of guarded mentions still to confirm
        int i = 0;
        while (i < n) {
            int bestEnd = -1;
            LexiconEntry best = null;
            boolean bestGuarded = false;
            int blockEnd = -1;
            int blockRef = 0;
            // document aliases: single-token short forms
            String alias = aliases.isEmpty() ? null : aliases.get(tokens.get(i).term());
            if (alias != null) {
                best = lexicon.get(alias).orElse(null);
                bestEnd = best == null ? -1 : i;
            }
            int node = 0;
            for (int j = i; j < n; j++) {
                node = index.child(node, terms[j]);
                if (node < 0) {
                    break;
                }
                if (index.first(node) < 0 || j <= bestEnd) {
                    continue;
                }
                int s = tokens.get(i).start();
                int e = tokens.get(j).end();
                int pick = pick(node, text, s, e, false);
                if (pick < 0 && pick != NONE) {
                    blockEnd = j;
                    blockRef = pick;
                    continue;
                }
                if (pick == NONE) {
                    // only guarded names here: they need gene context
                    int g = pick(node, text, s, e, true);
                    if (g >= 0) {
                        if (context == null) {
                            context = new GeneContext(tokens, lexicon);
                        }
                        if (context.near(i, j)) {
                            best = lexicon.entryAt(g);
                            bestEnd = j;
                            bestGuarded = false;
                        } else if (best == null || bestGuarded) {
                            // to be confirmed once the whole range is read
                            best = lexicon.entryAt(g);
                            bestEnd = j;
                            bestGuarded = true;
                        }
                    }
                    continue;
                }
                best = lexicon.entryAt(pick);
                bestEnd = j;
                bestGuarded = false;
            }
            if (blockEnd > bestEnd) {
                // a longer non-entity: "glucose tolerance test", "Mycobacterium tuberculosis"
                Lexicon.NonEntity ne = lexicon.nonEntity(blockRef);
                int head = blockEnd + 1;
                if ("anatomy".equals(ne.category()) && head < n && lexicon.processHead(terms[head])
                        && tokens.get(head).start() - tokens.get(blockEnd).end() <= 1) {
                    List<String> words = new ArrayList<>(head - i + 1);
                    for (int k = i; k <= head; k++) {
                        words.add(tokens.get(k).term());
                    }
                    LexiconEntry p = lexicon.composeProcess(words);
                    if (p != null) {
                        int s = tokens.get(i).start();
                        int e = tokens.get(head).end();
                        out.add(new Mention(s, e, text.substring(s, e), p));
                        i = head + 1;
                        continue;
                    }
                }
                i = blockEnd + 1;
                continue;
            }
            if (best != null) {
                int s = tokens.get(i).start();
                int e = tokens.get(bestEnd).end();
                if (bestGuarded) {
                    if (pending == null) {
                        pending = new ArrayList<>();
                    }
                    pending.add(out.size());
                }
                out.add(new Mention(s, e, text.substring(s, e), best));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        if (pending != null) {
            // a guarded gene name stands when another target is named unguarded in the range, or the
            // document spells out the gene's full name somewhere
            boolean otherTarget = false;
            for (int k = 0; k < out.size() && !otherTarget; k++) {
                otherTarget = out.get(k).entry().kind() == EntityKind.TARGET && !pending.contains(k);
            }
            List<Mention> kept = new ArrayList<>(out.size());
            for (int k = 0; k < out.size(); k++) {
                Mention m = out.get(k);
                if (!pending.contains(k) || otherTarget || GeneContext.definedIn(text, m.entry())) {
                    kept.add(m);
                }
            }
            return kept;
        }
        return out;
    }

    private static final int NONE = Integer.MIN_VALUE;

    /**
     * What the names at {@code node} make of {@code text[s, e)}: an entry index (&gt;= 0), a non-entity
     * ({@code -1 - index}), or {@link #NONE}. Unguarded entities come first, then non-entities;
     * {@code guardedOnly} asks for guarded names alone.
     */
    private int pick(int node, String text, int s, int e, boolean guardedOnly) {
        int nonEntity = NONE;
        String surfaceLetters = null;
        for (int t = index.first(node); t >= 0; t = index.next(t)) {
            int ref = index.ref(t);
            if (ref < 0) {
                if (nonEntity == NONE && !guardedOnly) {
                    nonEntity = ref;
                }
                continue;
            }
            if (index.guarded(t) != guardedOnly) {
                continue;
            }
            String exact = index.exact(t);
            if (exact != null) {
                if (surfaceLetters == null) {
                    surfaceLetters = letters(text.substring(s, e));
                }
                if (!exact.equals(surfaceLetters)) {
                    continue;
                }
                if (!standsAlone(text, s, e)) {
                    return nonEntity;
                }
            }
            return ref;
        }
        return nonEntity;
    }

    private static final java.util.Set<String> TITLES = java.util.Set.of("Dr", "Drs", "Prof", "Mr", "Mrs", "Ms", "Mx");

    /**
     * Whether an abbreviation-shaped match is a word of its own: not glued to a number by a hyphen
     * ("THP-1", "HL-60" are cell lines) and not the initials after a title ("Dr SE").
     */
    static boolean standsAlone(String text, int s, int e) {
        if (e + 1 < text.length() && (text.charAt(e) == '-' || text.charAt(e) == '/') && Character.isDigit(text.charAt(e + 1))) {
            return false;
        }
        if (s >= 2 && text.charAt(s - 1) == '-' && Character.isLetterOrDigit(text.charAt(s - 2))
                && Character.isDigit(text.charAt(s - 2))) {
            return false;
        }
        // the word before, skipping spaces and one full stop: a title?
        int k = s - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        if (k == s - 1) {
            return true;
        }
        if (k >= 0 && text.charAt(k) == '.') {
            k--;
        }
        int end = k + 1;
        while (k >= 0 && Character.isLetter(text.charAt(k)) && end - k <= 4) {
            k--;
        }
        return (k >= 0 && Character.isLetterOrDigit(text.charAt(k))) || !TITLES.contains(text.substring(k + 1, end));
    }
}
