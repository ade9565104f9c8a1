package org.litgraph.ingest.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene analysis used for matching names in text: standard tokenisation, possessives removed ("imatinib's"), lower case, ASCII
 * folding and minimal English plural stemming ("opacities" and "opacity" match). The same
 * analyser normalises lexicon names and document text, so they meet on equal terms.
 */
public final class Tokenizer {
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            source.setMaxTokenLength(255);
            TokenStream filter = new EnglishPossessiveFilter(source);
            filter = new LowerCaseFilter(filter);
            filter = new ASCIIFoldingFilter(filter);
            filter = new EnglishMinimalStemFilter(filter);
            return new TokenStreamComponents(source, filter);
        }
    };

    private Tokenizer() {
    }

    public static List<Token> tokens(String text) {
        return tokens(text, 0, text.length());
    }

    /** The tokens of {@code text[from, to)}, with offsets into {@code text}. */
    public static List<Token> tokens(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        String part = from == 0 && to == text.length() ? text : text.substring(from, to);
        try (TokenStream ts = ANALYZER.tokenStream("text", new StringReader(part))) {
            // the analyser reuses one stream per thread: look its attributes up once
            Attributes a = ATTRIBUTES.get();
            if (a.stream != ts) {
                a.stream = ts;
                a.term = ts.addAttribute(CharTermAttribute.class);
                a.offset = ts.addAttribute(OffsetAttribute.class);
            }
            CharTermAttribute term = a.term;
            OffsetAttribute offset = a.offset;
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset() + from, offset.endOffset() + from));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final ThreadLocal<Attributes> ATTRIBUTES = ThreadLocal.withInitial(Attributes::new);

    private static final class Attributes {
        TokenStream stream;
        CharTermAttribute term;
        OffsetAttribute offset;
    }

    /** The normalised terms of a name, joined by single spaces: the lexicon's lookup key. */
    public static String key(String name) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens(name)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.term());
        }
        return sb.toString();
    }
}
