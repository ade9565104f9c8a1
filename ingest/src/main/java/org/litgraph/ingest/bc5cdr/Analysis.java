package org.litgraph.ingest.bc5cdr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.extract.RelationExtractor;
import org.litgraph.ingest.lexicon.EntityRecognizer;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;
import org.litgraph.ingest.text.Tokenizer;

/** One abstract grounded: its sentences, chemical and disease mentions, and cue-pattern statements. */
record Analysis(String text, int titleEnd, List<Sentence> sentences, List<List<Mention>> mentionsBySentence,
                List<Statement> statements) {

    /** A statement found by the project's {@link RelationExtractor} between two concepts. */
    record Statement(Predicate predicate, String subject, String object, boolean negated, int sentence) {
    }

    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\(\\s*([A-Za-z0-9][A-Za-z0-9+\\-]{0,9})\\s*[);,]");

    List<Mention> mentions() {
        List<Mention> all = new ArrayList<>();
        mentionsBySentence.forEach(all::addAll);
        return all;
    }

    static Analysis of(String title, String abstractText, EntityRecognizer recognizer, RelationExtractor relations) {
        String text = title + " " + abstractText;
        List<Sentence> sentences = new ArrayList<>();
        // the title is a sentence of its own
        sentences.add(new Sentence(0, title.length(), title, false));
        for (Sentence s : SentenceSplitter.split(abstractText)) {
            int start = s.start() + title.length() + 1;
            sentences.add(new Sentence(start, start + s.text().length(), s.text(), s.tableRow()));
        }
        // pass 1: lexicon only; collect abbreviations defined as "long form (SF)"
        List<List<Mention>> found = new ArrayList<>(sentences.size());
        Map<String, String> aliases = new HashMap<>();
        Map<String, String> shortForms = new HashMap<>();
        for (Sentence s : sentences) {
            List<Mention> ms = recognizer.find(text, s.start(), s.end(), Map.of());
            found.add(ms);
            for (Mention m : ms) {
                Matcher def = DEFINITION.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 16)));
                if (def.find()) {
                    String sf = def.group(1);
                    String key = Tokenizer.key(sf);
                    if (!key.isEmpty() && !key.contains(" ") && sf.chars().anyMatch(Character::isUpperCase)
                            && !Tokenizer.key(m.surface()).equals(key)) {
                        aliases.putIfAbsent(key, m.entry().id());
                        shortForms.putIfAbsent(key, sf);
                    }
                }
            }
        }
        // pass 2: again with the document's abbreviations, which must be written as defined
        if (!aliases.isEmpty()) {
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                List<Mention> ms = new ArrayList<>();
                for (Mention m : recognizer.find(text, s.start(), s.end(), aliases)) {
                    String key = Tokenizer.key(m.surface());
                    String sf = shortForms.get(key);
                    if (sf != null && aliases.get(key).equals(m.entry().id())) {
                        String surface = m.surface();
                        if (!(surface.equals(sf) || surface.equals(sf + "s") || sf.equals(surface + "s"))) {
                            continue;
                        }
                    }
                    ms.add(m);
                }
                found.set(i, ms);
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<Mention> ms = found.get(i);
            if (ms.size() < 2 || ms.stream().map(m -> m.entry().kind()).distinct().count() < 2) {
                continue;
            }
            Sentence s = sentences.get(i);
            for (RelationExtractor.Found f : relations.extract(s.text(), s.start(), ms)) {
                LexiconEntry a = ms.get(f.subject()).entry();
                LexiconEntry b = ms.get(f.object()).entry();
                if (a.kind() == EntityKind.DRUG && b.kind() == EntityKind.CONDITION) {
                    statements.add(new Statement(f.predicate(), a.id(), b.id(), f.negated(), i));
                }
            }
        }
        return new Analysis(text, title.length(), sentences, found, statements);
    }
}
