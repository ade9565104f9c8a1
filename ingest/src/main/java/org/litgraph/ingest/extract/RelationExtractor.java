package org.litgraph.ingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.relation.Modality;

/**
 * Finds causal and mechanistic statements in one sentence with the cue patterns of
 * {@code relation-rules.tsv}, and marks each as negated or hedged ({@link Modality}: NegEx/ConText
 * triggers with scope, relative to the statement's two mentions). Works on any text: the
 * patterns speak of kinds of mention (drug, target, process, condition), never of names.
 */
public final class RelationExtractor {
    static final String RULES = "org/litgraph/ingest/extract/relation-rules.tsv";
    private static final Pattern MACRO = Pattern.compile("\\{([SO]):([A-Z|]+)\\}|\\{(GAP|SHORT)\\}");
    private static final Pattern COORDINATION_AFTER = Pattern.compile(
            "^(?:\\s*,\\s*(?:and\\s+|or\\s+|and/or\\s+)?|\\s+(?:and|or|and/or|as well as)\\s+|\\s*/\\s*)(?:\\w+\\s+)?⟦([DTPC])(\\d+)⟧");
    private static final Pattern COORDINATION_BEFORE = Pattern.compile(
            "⟦([DTPC])(\\d+)⟧(?:\\s+\\w+)?(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|and/or|as well as)\\s+|\\s*/\\s*)$");

    private final List<RelationRule> rules;

    private RelationExtractor(List<RelationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped with litgraph. */
    public static RelationExtractor standard() {
        try (InputStream in = RelationExtractor.class.getClassLoader().getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RULES);
            }
            return new RelationExtractor(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<RelationRule> parse(BufferedReader reader) throws IOException {
        List<RelationRule> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 4);
            if (f.length != 4) {
                throw new IllegalStateException(RULES + " line " + n + ": expected 4 tab-separated fields");
            }
            out.add(compile(f[0], Predicate.valueOf(f[1]), Double.parseDouble(f[2]), f[3]));
        }
        return out;
    }

    static RelationRule compile(String id, Predicate predicate, double factor, String source) {
        Set<EntityKind> subject = EnumSet.noneOf(EntityKind.class);
        Set<EntityKind> object = EnumSet.noneOf(EntityKind.class);
        Matcher m = MACRO.matcher(source);
        while (m.find()) {
            if (m.group(1) != null) {
                (m.group(1).equals("S") ? subject : object).addAll(RelationRule.kinds(m.group(2)));
            }
        }
        Set<EntityKind> blocked = EnumSet.noneOf(EntityKind.class);
        blocked.addAll(subject);
        blocked.addAll(object);
        StringBuilder allowed = new StringBuilder();
        for (EntityKind k : EntityKind.values()) {
            if (!blocked.contains(k)) {
                allowed.append(RelationRule.letter(k));
            }
        }
        String gapUnit = allowed.length() == 0 ? "[^⟦]" : "(?:[^⟦]|⟦[" + allowed + "]\\d+⟧)";
        StringBuilder regex = new StringBuilder();
        m = MACRO.matcher(source);
        int last = 0;
        while (m.find()) {
            regex.append(source, last, m.start());
            if (m.group(1) != null) {
                StringBuilder letters = new StringBuilder();
                for (EntityKind k : RelationRule.kinds(m.group(2))) {
                    letters.append(RelationRule.letter(k));
                }
                String group = m.group(1).equals("S") ? "s" : "o";
                regex.append("⟦[").append(letters).append("](?<").append(group).append(">\\d+)⟧");
            } else {
                regex.append(gapUnit).append(m.group(3).equals("GAP") ? "{0,60}?" : "{0,25}?");
            }
            last = m.end();
        }
        regex.append(source.substring(last));
        for (EntityKind s : subject) {
            for (EntityKind o : object) {
                if (!predicate.allows(s, o)) {
                    throw new IllegalStateException("rule " + id + ": " + predicate + " cannot link " + s + " to " + o);
                }
            }
        }
        return new RelationRule(id, predicate, factor, Pattern.compile(regex.toString()), subject, object);
    }

    /** A statement found in a sentence: indexes into the mention list given to {@link #extract}. */
    public record Found(Predicate predicate, int subject, int object, boolean negated, boolean hedged,
                        String rule, double factor) {
    }

    /**
     * Statements in {@code sentence} (whose first character is at {@code sentenceStart} of the
     * document text); {@code mentions} are this sentence's mentions in text order.
     */
    public List<Found> extract(String sentence, int sentenceStart, List<Mention> mentions) {
        if (mentions.size() < 2) {
            return List.of();
        }
        // a rule's pattern needs a subject and an object placeholder of its kinds: skip the
        // sentence (and each rule) when the mentions cannot supply them
        Set<EntityKind> present = EnumSet.noneOf(EntityKind.class);
        for (Mention m : mentions) {
            present.add(m.entry().kind());
        }
        if (!anyRuleApplies(present)) {
            return List.of();
        }
        Skeleton sk = Skeleton.of(sentence, sentenceStart, mentions);
        Set<EntityKind> placed = EnumSet.noneOf(EntityKind.class);
        for (char k : sk.kinds) {
            if (k != '-') {
                placed.add(RelationRule.kindOf(k));
            }
        }
        List<Found> out = new ArrayList<>();
        Set<Long> decided = new HashSet<>();
        for (RelationRule rule : rules) {
            if (!intersects(rule.subjectKinds(), placed) || !intersects(rule.objectKinds(), placed)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(sk.text);
            int from = 0;
            while (from < sk.text.length() && m.find(from)) {
                int s = Integer.parseInt(m.group("s"));
                int o = Integer.parseInt(m.group("o"));
                for (int si : coordinated(sk, s)) {
                    for (int oi : coordinated(sk, o)) {
                        if (si == oi || !rule.predicate().allows(mentions.get(si).entry().kind(),
                                mentions.get(oi).entry().kind())
                                || mentions.get(si).entry().id().equals(mentions.get(oi).entry().id())) {
                            continue;
                        }
                        long key = ((long) Math.min(si, oi) << 32) | Math.max(si, oi);
                        if (decided.add(key)) {
                            Mention a = mentions.get(si);
                            Mention b = mentions.get(oi);
                            Modality mod = Modality.of(sentence, a.start() - sentenceStart, a.end() - sentenceStart,
                                    b.start() - sentenceStart, b.end() - sentenceStart);
                            out.add(new Found(rule.predicate(), si, oi, mod.negated(), mod.hedged(), rule.id(), rule.factor()));
                        }
                    }
                }
                from = m.start() + 1;
            }
        }
        return out;
    }

    private boolean anyRuleApplies(Set<EntityKind> present) {
        for (RelationRule rule : rules) {
            if (intersects(rule.subjectKinds(), present) && intersects(rule.objectKinds(), present)) {
                return true;
            }
        }
        return false;
    }

    private static boolean intersects(Set<EntityKind> a, Set<EntityKind> b) {
        for (EntityKind k : a) {
            if (b.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** The mention and those coordinated with it ("A, B and C"), by mention index. */
    private static List<Integer> coordinated(Skeleton sk, int index) {
        List<Integer> out = new ArrayList<>();
        out.add(index);
        char kind = sk.kinds[index];
        int pos = sk.ends[index];
        while (true) {
            Matcher m = COORDINATION_AFTER.matcher(sk.text).region(pos, sk.text.length());
            if (!m.lookingAt() || m.group(1).charAt(0) != kind) {
                break;
            }
            int next = Integer.parseInt(m.group(2));
            out.add(next);
            pos = sk.ends[next];
        }
        pos = sk.starts[index];
        while (true) {
            Matcher m = COORDINATION_BEFORE.matcher(sk.text).region(0, pos);
            if (!m.find() || m.group(1).charAt(0) != kind) {
                break;
            }
            int prev = Integer.parseInt(m.group(2));
            out.add(prev);
            pos = sk.starts[prev];
        }
        return out;
    }

    /** The sentence lower-cased, each mention replaced by ⟦K#⟧, with the placeholders' positions. */
    static final class Skeleton {
        final String text;
        final int[] starts;
        final int[] ends;
        final char[] kinds;

        private Skeleton(String text, int[] starts, int[] ends, char[] kinds) {
            this.text = text;
            this.starts = starts;
            this.ends = ends;
            this.kinds = kinds;
        }

        static Skeleton of(String sentence, int sentenceStart, List<Mention> mentions) {
            StringBuilder sb = new StringBuilder(sentence.length() + 16);
            int[] starts = new int[mentions.size()];
            int[] ends = new int[mentions.size()];
            char[] kinds = new char[mentions.size()];
            boolean[] plain = descriptive(sentence, sentenceStart, mentions);
            int pos = 0;
            for (int i = 0; i < mentions.size(); i++) {
                Mention m = mentions.get(i);
                int ms = m.start() - sentenceStart;
                int me = m.end() - sentenceStart;
                appendPlain(sb, sentence.substring(pos, Math.max(pos, ms)));
                kinds[i] = RelationRule.letter(m.entry().kind());
                starts[i] = sb.length();
                if (plain[i]) {
                    // a class named to describe a neighbouring mention ("imatinib, a tyrosine kinase
                    // inhibitor"; "TKIs like imatinib") reads as words, not as a participant
                    appendPlain(sb, sentence.substring(Math.max(pos, ms), me));
                    kinds[i] = '-';
                } else {
                    sb.append('⟦').append(kinds[i]).append(i).append('⟧');
                }
                ends[i] = sb.length();
                pos = Math.max(pos, me);
            }
            appendPlain(sb, sentence.substring(pos));
            return new Skeleton(sb.toString(), starts, ends, kinds);
        }

        private static final Pattern APPOSITION = Pattern.compile("^\\s*,\\s*(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}$");
        private static final Pattern EXAMPLES = Pattern.compile("^\\s*,?\\s*(?:like|such as|including|e\\.g\\.,?|especially)\\s+$");

        private static boolean[] descriptive(String sentence, int offset, List<Mention> mentions) {
            boolean[] plain = new boolean[mentions.size()];
            for (int i = 1; i < mentions.size(); i++) {
                Mention a = mentions.get(i - 1);
                Mention b = mentions.get(i);
                if (a.entry().kind() != b.entry().kind() || b.start() < a.end()) {
                    continue;
                }
                String between = sentence.substring(a.end() - offset, b.start() - offset);
                if (APPOSITION.matcher(between).matches()) {
                    plain[i] = true;
                } else if (EXAMPLES.matcher(between).matches()) {
                    plain[i - 1] = true;
                }
            }
            return plain;
        }

        private static void appendPlain(StringBuilder sb, String s) {
            String t = s.toLowerCase(Locale.ROOT).replace('*', ' ').replace('\t', ' ').replace('\n', ' ');
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == ' ' && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                    continue;
                }
                sb.append(c);
            }
        }
    }
}
