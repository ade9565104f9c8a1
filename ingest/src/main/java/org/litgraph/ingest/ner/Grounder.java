package org.litgraph.ingest.ner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.lexicon.LexiconEntry;

/**
 * Grounds a tagged span to lexicon entries of its type: the span itself, then normalised variants
 * in order (British to American spelling, a salt, hydrate or ester word dropped, "-ate" as
 * "-ic acid" and back, hyphens and spaces removed, organ adjectives as nouns, "X cancer" as
 * "X neoplasm", severity and course modifiers dropped); plurals, case, accents, Greek letters and
 * hyphen/space differences are already one key ({@link NameKeys}). A span no variant grounds gets
 * a stable litgraph id from its normalised name, {@code LG:<kind>/<name>} (for example
 * {@code LG:drug/pembrolizumab}), so a drug the vocabulary lacks still becomes a Drug entity.
 */
public final class Grounder {
    private static final String[][] BRITISH = {
            {"haem", "hem"}, {"aemia", "emia"}, {"oedema", "edema"}, {"oesophag", "esophag"}, {"sulph", "sulf"},
            {"tumour", "tumor"}, {"oestr", "estr"}, {"foet", "fet"}, {"paediatr", "pediatr"}, {"diarrhoea", "diarrhea"},
            {"ischaem", "ischem"}, {"leukaem", "leukem"}, {"anaem", "anem"}, {"aetiol", "etiol"}, {"colour", "color"},
            {"gynaec", "gynec"}, {"orthopaed", "orthoped"}, {"coeliac", "celiac"}, {"caesium", "cesium"},
            {"aluminium", "aluminum"}, {"oestrogen", "estrogen"}, {"anaesthe", "anesthe"}, {"haemorrhag", "hemorrhag"},
            {"amoeb", "ameb"}, {"dyspnoea", "dyspnea"}, {"apnoea", "apnea"}};
    private static final String SALTS = "hydrochloride|dihydrochloride|hcl|hydrobromide|sodium|disodium|potassium|"
            + "calcium|magnesium|mesylate|mesilate|maleate|citrate|acetate|phosphate|sulfate|sulphate|tartrate|bitartrate|"
            + "succinate|fumarate|besylate|besilate|gluconate|lactate|dihydrate|monohydrate|trihydrate|hydrate|nitrate|"
            + "bromide|chloride|tosylate|palmitate|propionate|dipropionate|valerate|decanoate|embonate|pamoate";
    private static final Pattern SALT_AFTER = Pattern.compile("(?i)^(.{3,}?)[\\s-]+(?:" + SALTS + ")$");
    private static final Pattern SALT_BEFORE = Pattern.compile("(?i)^(?:" + SALTS + ")\\s+(.{3,})$");
    private static final String[][] ORGANS = {
            {"renal", "kidney"}, {"hepatic", "liver"}, {"cardiac", "heart"}, {"pulmonary", "lung"}, {"gastric", "stomach"},
            {"cerebral", "brain"}, {"cutaneous", "skin"}, {"ocular", "eye"}, {"hepatocellular", "liver cell"}};
    private static final Pattern[] ORGAN_PATTERNS = new Pattern[ORGANS.length];

    static {
        for (int i = 0; i < ORGANS.length; i++) {
            ORGAN_PATTERNS[i] = Pattern.compile("\\b" + ORGANS[i][0] + "\\b");
        }
    }
    private static final Pattern NEOPLASM = Pattern.compile("(?i)^(.+?)\\s+(?:cancers?|tumou?rs?|neoplasms?|malignanc(?:y|ies))$");
    private static final Pattern MODIFIER = Pattern.compile("(?i)^(?:acute|chronic|severe|mild|moderate|transient|"
            + "progressive|fatal|recurrent|persistent|reversible|irreversible|marked|significant|sudden|"
            + "drug[- ]induced|primary|secondary|idiopathic)\\s+(.+)$");

    private final DictionaryMatcher matcher;

    public Grounder(DictionaryMatcher matcher) {
        this.matcher = matcher;
    }

    /** The lexicon entries of {@code kind} the surface or its first grounding variant names; empty if none. */
    public List<LexiconEntry> ground(String surface, EntityKind kind) {
        java.util.Map<String, List<LexiconEntry>> cache = CACHE.get();
        String key = kind.ordinal() + surface;
        List<LexiconEntry> hit = cache.get(key);
        if (hit != null && cache.get(IDENTITY) == identity) {
            return hit;
        }
        if (cache.size() >= 16384 || cache.get(IDENTITY) != identity) {
            cache.clear();
            cache.put(IDENTITY, identity);
        }
        List<LexiconEntry> out = List.of();
        for (String v : variants(surface, kind)) {
            List<LexiconEntry> found = ofKind(matcher.lookup(v), kind);
            if (!found.isEmpty()) {
                out = List.copyOf(found);
                break;
            }
        }
        if (out.isEmpty() && DictionaryMatcher.isAbbreviation(surface.toUpperCase(java.util.Locale.ROOT))) {
            // a short name in other capitals than the lexicon's ("Sox2", "Il6"): the tagger has typed it
            out = List.copyOf(ofKind(matcher.lookupAnyCase(surface), kind));
        }
        cache.put(key, out);
        return out;
    }

    /** Per thread, recent groundings of the grounder that made them (the marker entry holds its identity). */
    private static final ThreadLocal<java.util.Map<String, List<LexiconEntry>>> CACHE =
            ThreadLocal.withInitial(java.util.HashMap::new);
    private static final String IDENTITY = "\u0000grounder";
    private final List<LexiconEntry> identity = new java.util.ArrayList<>(0);

    /** The lexicon entries of any kind the surface itself names (no variants). */
    public List<LexiconEntry> exact(String surface) {
        return matcher.lookup(surface);
    }

    private static List<LexiconEntry> ofKind(List<LexiconEntry> entries, EntityKind kind) {
        if (entries.isEmpty()) {
            return entries;
        }
        List<LexiconEntry> out = new ArrayList<>(entries.size());
        for (LexiconEntry e : entries) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    /** The surface and its grounding variants, most faithful first. */
    static List<String> variants(String surface, EntityKind kind) {
        Set<String> out = new LinkedHashSet<>();
        String s = surface.strip();
        out.add(s);
        String lower = s.toLowerCase(Locale.ROOT);
        String american = lower;
        for (String[] b : BRITISH) {
            if (american.contains(b[0])) {
                american = american.replace(b[0], b[1]);
            }
        }
        out.add(american);
        if (american.contains("ae")) {
            out.add(american.replace("ae", "e"));
        }
        if (kind == EntityKind.DRUG) {
            var after = SALT_AFTER.matcher(american);
            if (after.matches()) {
                out.add(after.group(1));
            }
            var before = SALT_BEFORE.matcher(american);
            if (before.matches()) {
                out.add(before.group(1));
            }
            if (american.endsWith("ate") && american.length() > 5) {
                out.add(american.substring(0, american.length() - 3) + "ic acid");
            }
            if (american.endsWith("ic acid") && american.length() > 9) {
                out.add(american.substring(0, american.length() - 7) + "ate");
            }
        }
        String joined = american.replace("-", "").replace(" ", "");
        out.add(joined);
        if (kind == EntityKind.CONDITION) {
            List<String> bases = new ArrayList<>();
            bases.add(american);
            String stripped = american;
            var mod = MODIFIER.matcher(stripped);
            while (mod.matches()) {
                stripped = mod.group(1);
                bases.add(stripped);
                mod = MODIFIER.matcher(stripped);
            }
            for (String base : bases) {
                String organ = base;
                for (int i = 0; i < ORGANS.length; i++) {
                    if (organ.contains(ORGANS[i][0])) {
                        organ = ORGAN_PATTERNS[i].matcher(organ).replaceAll(ORGANS[i][1]);
                    }
                }
                out.add(base);
                out.add(organ);
                var neo = NEOPLASM.matcher(organ);
                if (neo.matches()) {
                    out.add(neo.group(1) + " neoplasms");
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The stable litgraph id of a name the lexicon lacks: {@code LG:<kind>/<normalised-name>}. */
    public static String lgId(String surface, EntityKind kind) {
        return "LG:" + kind + "/" + normalisedName(surface);
    }

    /** Lower case, accents folded, Greek letters spelt out, plurals reduced, words joined by '-'. */
    static String normalisedName(String surface) {
        NerTokenizer.Spans spans = new NerTokenizer.Spans(16);
        int n = NerTokenizer.tokenize(surface, 0, surface.length(), spans);
        StringBuilder out = new StringBuilder(surface.length());
        StringBuilder tok = new StringBuilder(16);
        for (int t = 0; t < n; t++) {
            tok.setLength(0);
            NameKeys.normalise(surface, spans.start(t), spans.end(t), tok);
            boolean word = false;
            for (int i = 0; i < tok.length(); i++) {
                word |= Character.isLetterOrDigit(tok.charAt(i));
            }
            if (!word) {
                // keep a '+' or a comma of a chemical name between words ("2,4"), drop brackets and hyphens
                if (tok.length() == 1 && (tok.charAt(0) == '+' || tok.charAt(0) == ',' || tok.charAt(0) == '.')
                        && out.length() > 0) {
                    out.append(tok.charAt(0));
                }
                continue;
            }
            if (out.length() > 0 && Character.isLetterOrDigit(out.charAt(out.length() - 1))) {
                out.append('-');
            }
            out.append(tok);
        }
        return out.toString();
    }
}
