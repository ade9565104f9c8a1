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

    static final boolean SHAPES = true;
    private static final Pattern SALT = Pattern.compile("(?i)sodium|potassium|calcium|magnesium|lithium|disodium|"
            + "hydrochloride|dihydrochloride|hydrobromide|hcl|sulfate|sulphate|maleate|citrate|acetate|phosphate|mesylate|"
            + "tartrate|succinate|fumarate|bromide|chloride|besylate|gluconate|dihydrate|monohydrate|trihydrate|nitrate");
    private static final Pattern SALT_AFTER = Pattern.compile("^ (" + SALT.pattern().substring(4) + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STEREO_BEFORE = Pattern.compile("(?<![A-Za-z0-9])(?:[LD]|DL|\\(\\+\\)|\\(-\\)|\\(\u00b1\\)|\\[3H\\])-$");

    /**
     * BC5CDR mention shapes for chemicals: a salt or hydrate word joins the drug it names ("cephalothin sodium",
     * "sodium valproate", "perhexiline maleate") under the drug's id; a stereo or isotope prefix joins it ("L-arginine").
     */
    static List<Mention> shapes(String text, List<Mention> ms) {
        List<Mention> out = new ArrayList<>(ms.size());
        for (int k = 0; k < ms.size(); k++) {
            Mention m = ms.get(k);
            if (m.entry().kind() != EntityKind.DRUG) {
                out.add(m);
                continue;
            }
            Mention next = k + 1 < ms.size() ? ms.get(k + 1) : null;
            boolean adjacentChem = next != null && next.entry().kind() == EntityKind.DRUG && next.start() == m.end() + 1
                    && text.charAt(m.end()) == ' ';
            boolean mSalt = SALT.matcher(m.surface()).matches();
            if (adjacentChem && mSalt != SALT.matcher(next.surface()).matches()) {
                LexiconEntry drug = mSalt ? next.entry() : m.entry();
                out.add(stereo(text, new Mention(m.start(), next.end(), text.substring(m.start(), next.end()), drug)));
                k++;
                continue;
            }
            if (!mSalt) {
                Matcher after = SALT_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 20)));
                if (after.find()) {
                    int end = m.end() + after.end();
                    out.add(stereo(text, new Mention(m.start(), end, text.substring(m.start(), end), m.entry())));
                    continue;
                }
            }
            out.add(stereo(text, m));
        }
        return out;
    }

    private static Mention stereo(String text, Mention m) {
        Matcher before = STEREO_BEFORE.matcher(text.substring(Math.max(0, m.start() - 6), m.start()));
        if (before.find()) {
            int start = m.start() - (before.end() - before.start());
            return new Mention(start, m.end(), text.substring(start, m.end()), m.entry());
        }
        return m;
    }

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
                    if (!key.isEmpty() && !key.contains(" ") && sf.length() >= 2 && sf.chars().anyMatch(Character::isUpperCase)
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
        if (SHAPES) {
            for (int i = 0; i < found.size(); i++) {
                found.set(i, shapes(text, found.get(i)));
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
