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
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
