package org.litgraph.ingest.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.ingest.lexicon.EntityRecognizer;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.relation.DocumentView.Entity;
import org.litgraph.ingest.relation.DocumentView.Span;
import org.litgraph.ingest.text.Tokenizer;

/**
 * The mentions the graph's recogniser finds in a text (the default lexicon's drugs, targets,
 * processes and conditions, with abbreviations the text defines as "long form (SF)"), as a
 * {@link DocumentView}: what the relation model sees on text nobody annotated. Until the unified
 * extraction pipeline lands this mirrors what {@code DocumentExtractor} grounds; it is then
 * replaced by the pipeline's own view.
 */
public final class PipelineMentions {
    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\(\\s*([A-Za-z0-9][A-Za-z0-9+\\-]{0,9})\\s*[);,]");
    private final EntityRecognizer recognizer;

    public PipelineMentions(Lexicon lexicon) {
        this.recognizer = new EntityRecognizer(lexicon);
    }

    /** The text's sentences (title first when {@code titleEnd > 0}) and grounded mentions. */
    public DocumentView view(String text, int titleEnd) {
        List<Span> sentences = DocumentView.split(text, titleEnd);
        Map<String, String> aliases = new HashMap<>();
        List<List<Mention>> found = new ArrayList<>();
        for (Span s : sentences) {
            List<Mention> ms = recognizer.find(text, s.start(), s.end(), Map.of());
            found.add(ms);
            for (Mention m : ms) {
                Matcher def = DEFINITION.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 16)));
                if (def.find()) {
                    String sf = def.group(1);
                    String key = Tokenizer.key(sf);
                    if (!key.isEmpty() && !key.contains(" ") && sf.length() >= 2 && sf.chars().anyMatch(Character::isUpperCase)
                            && !Tokenizer.key(m.surface()).equals(key)) {
                        aliases.putIfAbsent(key, m.entry().id());
                    }
                }
            }
        }
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i);
            List<Mention> ms = aliases.isEmpty() ? found.get(i) : recognizer.find(text, s.start(), s.end(), aliases);
            for (Mention m : ms) {
                entities.add(new Entity(m.start(), m.end(), m.entry().kind(), m.entry().id()));
            }
        }
        return new DocumentView(text, titleEnd, sentences, entities);
    }
}
