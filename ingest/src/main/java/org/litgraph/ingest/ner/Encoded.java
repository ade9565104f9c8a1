package org.litgraph.ingest.ner;

import java.util.List;
import org.litgraph.ingest.ner.Abbreviations.Abbreviation;

/**
 * One text range prepared for tagging: its tokens, their name keys, dictionary tags and
 * abbreviation flags (the inputs of {@link Features#document}). Reused between sentences.
 */
final class Encoded {
    final NerTokenizer.Spans tokens = new NerTokenizer.Spans(128);
    long[] keys = new long[128];
    int[] dict = new int[128];
    int[] abbr = new int[128];
    List<DictionaryMatcher.Match> matches = List.of();
    CharSequence text;
    int size;

    /** Tokenises {@code text[from, to)} and fills the document inputs. */
    void encode(CharSequence text, int from, int to, DictionaryMatcher matcher, DocumentContext ctx) {
        this.text = text;
        tokens.clear();
        int n = NerTokenizer.tokenize(text, from, to, tokens);
        size = n;
        if (keys.length < n) {
            int cap = Math.max(n, keys.length * 2);
            keys = new long[cap];
            dict = new int[cap];
            abbr = new int[cap];
        }
        java.util.Arrays.fill(dict, 0, n, 0);
        java.util.Arrays.fill(abbr, 0, n, 0);
        NameKeys.tokenKeys(text, tokens, 0, n, keys);
        matches = matcher == null ? List.of() : matcher.find(text, tokens, 0, n, keys);
        for (DictionaryMatcher.Match m : matches) {
            int kinds = m.categories();
            for (int k = 0; kinds >>> k != 0; k++) {
                if ((kinds & (1 << k)) == 0) {
                    continue;
                }
                int shift = Features.DICT_BITS * k;
                dict[m.first()] |= 1 << shift;
                for (int t = m.first() + 1; t <= m.last(); t++) {
                    dict[t] |= 2 << shift;
                }
            }
        }
        if (ctx != null && !ctx.abbreviations().isEmpty()) {
            for (int t = 0; t < n; t++) {
                int s = tokens.start(t);
                int a = ctx.shortFormCovering(s);
                if (a >= 0) {
                    abbr[t] |= Features.ABBR_SHORT | (ctx.longFormKinds(a) << Features.ABBR_KIND_SHIFT);
                }
                if (ctx.longFormCovering(s) >= 0) {
                    abbr[t] |= Features.ABBR_LONG;
                }
            }
        }
    }

    /** The context of a document: its abbreviations and the lexicon kinds each long form ends with. */
    static DocumentContext context(String text, DictionaryMatcher matcher) {
        List<Abbreviation> abbreviations = Abbreviations.find(text);
        java.util.Set<String> defined = new java.util.HashSet<>();
        for (Abbreviation a : abbreviations) {
            defined.add(a.shortForm());
        }
        List<Abbreviation> aliases = Abbreviations.aliases(text, defined);
        if (abbreviations.isEmpty()) {
            return aliases.isEmpty() ? DocumentContext.empty(text) : new DocumentContext(text, List.of(), new int[0], aliases);
        }
        int[] kinds = new int[abbreviations.size()];
        if (matcher != null) {
            Encoded e = new Encoded();
            for (int a = 0; a < kinds.length; a++) {
                Abbreviation ab = abbreviations.get(a);
                e.encode(text, ab.longStart(), ab.longEnd(), matcher, null);
                for (DictionaryMatcher.Match m : e.matches) {
                    if (m.end() == ab.longEnd()) {
                        kinds[a] |= m.categories();
                    }
                }
            }
        }
        return new DocumentContext(text, abbreviations, kinds, aliases);
    }
}
