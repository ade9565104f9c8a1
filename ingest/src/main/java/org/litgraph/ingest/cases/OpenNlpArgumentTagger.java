package org.litgraph.ingest.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.litgraph.ingest.lexicon.Mention;

/**
 * The PHEE argument tagger: an Apache OpenNLP name finder (perceptron) (BIO over
 * {@link TaggerTokens}, lexicon-mention kinds as extra context) trained by {@link PheeTrainer} and
 * shipped as {@code phee-arguments.bin}. A {@link NameFinderME} is not thread-safe: each thread
 * decodes with its own, over the one shared model.
 */
final class OpenNlpArgumentTagger implements ArgumentTagger {
    static final String RESOURCE = "phee-arguments.bin";
    private static volatile OpenNlpArgumentTagger standard;

    private final TokenNameFinderModel model;
    private final ThreadLocal<NameFinderME> finders;
    /** The same decoding without OpenNLP's repeated feature work (perceptron models); null: NameFinderME decodes. */
    private final ThreadLocal<PerceptronBeamDecoder> decoders;

    OpenNlpArgumentTagger(TokenNameFinderModel model) {
        this(model, true);
    }

    /** @param fast decode with {@link PerceptronBeamDecoder} where the model allows (false: always NameFinderME) */
    OpenNlpArgumentTagger(TokenNameFinderModel model, boolean fast) {
        this.model = model;
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
        this.decoders = fast && PerceptronBeamDecoder.of(model) != null
                ? ThreadLocal.withInitial(() -> PerceptronBeamDecoder.of(model)) : null;
    }

    static OpenNlpArgumentTagger standard() {
        OpenNlpArgumentTagger t = standard;
        if (t == null) {
            synchronized (OpenNlpArgumentTagger.class) {
                t = standard;
                if (t == null) {
                    try (InputStream in = OpenNlpArgumentTagger.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing class-path resource " + RESOURCE
                                    + " (train it with: ./litgraph lexicon train-phee)");
                        }
                        t = new OpenNlpArgumentTagger(new TokenNameFinderModel(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = t;
                }
            }
        }
        return t;
    }

    TokenNameFinderModel model() {
        return model;
    }

    @Override
    public List<Argument> tag(String text, int start, int end, List<Mention> mentions) {
        TaggerTokens tokens = TaggerTokens.of(text, start, end, mentions);
        if (tokens.size() == 0) {
            return List.of();
        }
        Span[] found;
        if (decoders != null) {
            found = decoders.get().find(tokens.words, tokens.context);
        } else {
            NameFinderME finder = finders.get();
            found = finder.find(tokens.words, tokens.context);
            finder.clearAdaptiveData();
        }
        List<Argument> out = new ArrayList<>(found.length);
        for (Span s : found) {
            Role role = Role.valueOf(s.getType());
            out.add(new Argument(role, tokens.starts[s.getStart()], tokens.ends[s.getEnd() - 1]));
        }
        out.sort(Comparator.comparingInt(Argument::start).thenComparingInt(Argument::end));
        return out;
    }
}
