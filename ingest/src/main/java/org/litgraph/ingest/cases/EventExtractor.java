package org.litgraph.ingest.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.litgraph.graph.DocumentGraph.EventArgument;
import org.litgraph.graph.DocumentGraph.EventRecord;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Ids;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Mention;

/**
 * The drug–effect events of one sentence, PHEE-style: the {@link ArgumentTagger} marks drugs,
 * effects, subject and treatment details, triggers and cues; the pipeline's statements (CAUSES /
 * TREATS evidence in the sentence) supply drugs and effects the tagger missed and the event type
 * when no trigger decides it. Runs only on sentences naming a drug (a lexicon mention) or carrying
 * a statement, so sentences without a drug cost nothing.
 */
public final class EventExtractor {
    /**
     * Sentences longer than this (characters) are not tagged: no PHEE sentence is (the longest has
     * 528), and a run-on "sentence" of thousands of characters would cost the tagger seconds.
     */
    public static final int MAX_SENTENCE = 800;

    private final ArgumentTagger tagger;

    public EventExtractor(ArgumentTagger tagger) {
        this.tagger = tagger;
    }

    public static EventExtractor standard() {
        return new EventExtractor(ArgumentTagger.standard());
    }

    public ArgumentTagger tagger() {
        return tagger;
    }

    /**
     * Whether the sentence is worth tagging: it names a drug (the lexicon's mentions, already found)
     * or states a drug–condition claim; other sentences are skipped (the tagger is most of the cost
     * of extraction where it runs).
     */
    public static boolean candidate(List<Mention> mentions, List<EvidenceItem> statements) {
        if (!statements.isEmpty()) {
            return true;
        }
        for (Mention m : mentions) {
            if (m.entry().kind() == EntityKind.DRUG) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param statements the CAUSES/TREATS evidence items whose range is this sentence
     * @param arguments  the tagger's output for the sentence (see {@link ArgumentTagger#tag})
     */
    public List<EventRecord> events(String docId, String text, int start, int end, List<Mention> mentions,
                                    List<EvidenceItem> statements, List<Argument> arguments) {
        List<Argument> drugs = new ArrayList<>(of(arguments, Role.DRUG));
        List<Argument> effects = new ArrayList<>(of(arguments, Role.EFFECT));
        // a drug the lexicon names that the tagger left out is still a drug of the sentence
        for (Mention m : mentions) {
            if (m.entry().kind() == EntityKind.DRUG && arguments.stream().noneMatch(a -> a.overlaps(m.start(), m.end()))) {
                drugs.add(new Argument(Role.DRUG, m.start(), m.end()));
            }
        }
        boolean statedNegated = false;
        boolean statedHedged = false;
        Predicate statedPredicate = null;
        boolean taggedDrug = !drugs.isEmpty();
        boolean taggedEffect = !effects.isEmpty();
        for (EvidenceItem e : statements) {
            statedNegated |= e.negated();
            statedHedged |= e.hedged();
            if (statedPredicate == null || e.predicate() == Predicate.CAUSES) {
                statedPredicate = e.predicate();
            }
            // a statement fills a role only when the tagger found nothing for it
            for (Mention m : mentions) {
                if (!taggedDrug && m.entry().id().equals(e.subjectId()) && none(drugs, m) && none(effects, m)) {
                    drugs.add(new Argument(Role.DRUG, m.start(), m.end()));
                }
                if (!taggedEffect && m.entry().id().equals(e.objectId()) && none(effects, m) && none(drugs, m)) {
                    effects.add(new Argument(Role.EFFECT, m.start(), m.end()));
                }
            }
        }
        drugs = new ArrayList<>(once(text, drugs, mentions));
        effects = new ArrayList<>(once(text, effects, List.of()));
        List<Argument> adverse = of(arguments, Role.ADVERSE_TRIGGER);
        List<Argument> therapeutic = of(arguments, Role.THERAPEUTIC_TRIGGER);
        boolean triggered = !adverse.isEmpty() || !therapeutic.isEmpty();
        // the tagger must have seen an event (an effect or a trigger) for the sentence to pair drugs with
        // effects: a statement alone pairs nothing. Without one, tagged drugs still make an event that
        // carries the sentence's arguments (dose, route, subject) and no effect.
        if (!taggedEffect && !triggered) {
            effects.clear();
            if (!taggedDrug) {
                return List.of();
            }
        } else if (drugs.isEmpty() && effects.isEmpty()) {
            return List.of();
        }
        boolean negated = !of(arguments, Role.NEGATION).isEmpty() || statedNegated;
        boolean hedged = !of(arguments, Role.SPECULATION).isEmpty() || statedHedged;
        List<Argument> shared = new ArrayList<>();
        for (Argument a : arguments) {
            if (a.role() != Role.DRUG && a.role() != Role.EFFECT && a.role() != Role.ADVERSE_TRIGGER
                    && a.role() != Role.THERAPEUTIC_TRIGGER && a.role() != Role.NEGATION && a.role() != Role.SPECULATION) {
                shared.add(a);
            }
        }
        String sex = sex(text, of(arguments, Role.GENDER));
        String sentence = text.substring(start, end);
        Map<String, List<Argument>[]> byType = new LinkedHashMap<>();
        if (!adverse.isEmpty() && !therapeutic.isEmpty()) {
            // two kinds of event in one sentence: each drug and effect joins its nearest trigger
            List<Argument> triggers = new ArrayList<>(adverse);
            triggers.addAll(therapeutic);
            for (Argument e : effects) {
                group(byType, type(nearest(triggers, e)))[1].add(e);
            }
            for (Argument d : drugs) {
                group(byType, type(nearest(triggers, d)))[0].add(d);
            }
            for (List<Argument>[] g : byType.values()) {
                if (g[0].isEmpty()) {
                    g[0].addAll(drugs);
                }
            }
        } else {
            String type = !therapeutic.isEmpty() ? "therapeutic" : !adverse.isEmpty() ? "adverse"
                    : statedPredicate == Predicate.TREATS ? "therapeutic" : "adverse";
            List<Argument>[] g = group(byType, type);
            g[0].addAll(drugs);
            g[1].addAll(effects);
        }
        List<EventRecord> out = new ArrayList<>();
        for (Map.Entry<String, List<Argument>[]> g : byType.entrySet()) {
            if (g.getValue()[1].isEmpty() && g.getValue()[0].isEmpty()) {
                continue;
            }
            List<EventArgument> args = new ArrayList<>();
            for (Argument a : g.getValue()[0]) {
                args.add(arg(text, a));
            }
            for (Argument a : g.getValue()[1]) {
                args.add(arg(text, a));
            }
            for (Argument a : shared) {
                args.add(arg(text, a));
            }
            String id = "event:" + Ids.hash(docId + "\t" + start + "\t" + end + "\t" + g.getKey());
            out.add(new EventRecord(id, g.getKey(), negated, hedged, start, end, sentence, args, sex));
        }
        return out;
    }

    private static boolean none(List<Argument> args, Mention m) {
        return args.stream().noneMatch(a -> a.overlaps(m.start(), m.end()));
    }

    /**
     * Each drug or effect once: a later span naming what an earlier one named (same words, or the
     * same lexicon entry, e.g. an abbreviation after its long form) is the same argument again.
     */
    private static List<Argument> once(String text, List<Argument> args, List<Mention> mentions) {
        List<Argument> sorted = new ArrayList<>(args);
        sorted.sort(java.util.Comparator.comparingInt(Argument::start));
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Argument> out = new ArrayList<>();
        for (Argument a : sorted) {
            String key = text.substring(a.start(), a.end()).toLowerCase(Locale.ROOT).strip();
            String id = null;
            for (Mention m : mentions) {
                if (m.entry().kind() == EntityKind.DRUG && a.overlaps(m.start(), m.end())) {
                    id = m.entry().id();
                    break;
                }
            }
            boolean fresh = seen.add("t:" + key);
            if (id != null) {
                fresh &= seen.add("i:" + id);
            }
            if (fresh) {
                out.add(a);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Argument>[] group(Map<String, List<Argument>[]> byType, String type) {
        return byType.computeIfAbsent(type, k -> new List[] {new ArrayList<Argument>(), new ArrayList<Argument>()});
    }

    private static String type(Argument trigger) {
        return trigger.role() == Role.THERAPEUTIC_TRIGGER ? "therapeutic" : "adverse";
    }

    private static Argument nearest(List<Argument> triggers, Argument a) {
        Argument best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Argument t : triggers) {
            int d = t.end() <= a.start() ? a.start() - t.end() : a.end() <= t.start() ? t.start() - a.end() : 0;
            if (d < bestDistance) {
                bestDistance = d;
                best = t;
            }
        }
        return best;
    }

    /** The argument name an event stores for a role (PHEE's names, in the output contract's spelling). */
    public static String roleName(Role r) {
        return switch (r) {
            case DRUG -> "drug";
            case EFFECT -> "effect";
            case AGE -> "age";
            case GENDER -> "gender";
            case POPULATION -> "population";
            case DOSE -> "dose";
            case ROUTE -> "route";
            case FREQUENCY -> "frequency";
            case DURATION -> "duration";
            case TIME_ELAPSED -> "timeElapsed";
            case SEVERITY -> "severity";
            default -> r.name().toLowerCase(Locale.ROOT);
        };
    }

    private static EventArgument arg(String text, Argument a) {
        return new EventArgument(roleName(a.role()), a.start(), a.end(), text.substring(a.start(), a.end()));
    }

    private static List<Argument> of(List<Argument> arguments, Role role) {
        return arguments.stream().filter(a -> a.role() == role).toList();
    }

    /** female / male from the first gender span that says so ("woman", "boys", "her"), else null. */
    static String sex(String text, List<Argument> genders) {
        for (Argument g : genders) {
            String w = text.substring(g.start(), g.end()).toLowerCase(Locale.ROOT);
            if (w.matches(".*\\b(?:wom[ae]n|females?|girls?|ladies|lady|mothers?|she|her|pregnan\\w*|daughters?|wi[fv]es?|sisters?)\\b.*")) {
                return "female";
            }
            if (w.matches(".*\\b(?:m[ae]n|males?|boys?|gentlem[ae]n|fathers?|he|his|him|sons?|husbands?|brothers?)\\b.*")) {
                return "male";
            }
        }
        return null;
    }
}
