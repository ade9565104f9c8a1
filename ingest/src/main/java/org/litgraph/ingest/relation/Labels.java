package org.litgraph.ingest.relation;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.relation.DocumentView.Entity;
import org.litgraph.ingest.relation.DocumentView.Span;

/**
 * How each corpus's annotations map to the graph's predicates, by the kinds of the two concepts:
 * BC5CDR CID = CAUSES; BioRED chemical-disease Positive_Correlation = CAUSES, Negative_Correlation =
 * TREATS, Association = ASSOCIATED_WITH; chemical-gene Negative_Correlation = INHIBITS,
 * Positive_Correlation = ACTIVATES, Bind = BINDS, Association = ASSOCIATED_WITH; gene-disease (any
 * type) = ASSOCIATED_WITH; gene-gene (any type) = ASSOCIATED_WITH, unordered; PHEE Adverse_event = CAUSES, Potential_therapeutic_event = TREATS.
 */
final class Labels {
    private Labels() {
    }

    /** The corpora that annotate a predicate between a group's kinds (the others say nothing about it). */
    static Set<Corpus.Name> sources(Predicate p, Group g) {
        return switch (g) {
            case DRUG_CONDITION -> switch (p) {
                case CAUSES -> EnumSet.of(Corpus.Name.BC5CDR, Corpus.Name.BIORED, Corpus.Name.PHEE);
                case TREATS -> EnumSet.of(Corpus.Name.BIORED, Corpus.Name.PHEE);
                case ASSOCIATED_WITH -> EnumSet.of(Corpus.Name.BIORED);
                default -> EnumSet.noneOf(Corpus.Name.class);
            };
            case DRUG_TARGET -> switch (p) {
                case INHIBITS, ACTIVATES, BINDS, ASSOCIATED_WITH -> EnumSet.of(Corpus.Name.BIORED);
                default -> EnumSet.noneOf(Corpus.Name.class);
            };
            case TARGET_CONDITION, TARGET_TARGET -> p == Predicate.ASSOCIATED_WITH ? EnumSet.of(Corpus.Name.BIORED)
                    : EnumSet.noneOf(Corpus.Name.class);
        };
    }

    /** A corpus relation type as a predicate between these kinds (subject kind first), or null. */
    static Predicate predicate(Corpus.Name corpus, String type, Group g) {
        return switch (corpus) {
            case BC5CDR -> g == Group.DRUG_CONDITION && type.equals("CID") ? Predicate.CAUSES : null;
            case PHEE -> g != Group.DRUG_CONDITION ? null : switch (type) {
                case "Adverse_event" -> Predicate.CAUSES;
                case "Potential_therapeutic_event" -> Predicate.TREATS;
                default -> null;
            };
            case BIORED -> switch (g) {
                case DRUG_CONDITION -> switch (type) {
                    case "Positive_Correlation" -> Predicate.CAUSES;
                    case "Negative_Correlation" -> Predicate.TREATS;
                    case "Association" -> Predicate.ASSOCIATED_WITH;
                    default -> null;
                };
                case DRUG_TARGET -> switch (type) {
                    case "Negative_Correlation" -> Predicate.INHIBITS;
                    case "Positive_Correlation" -> Predicate.ACTIVATES;
                    case "Bind" -> Predicate.BINDS;
                    case "Association" -> Predicate.ASSOCIATED_WITH;
                    default -> null;
                };
                case TARGET_CONDITION, TARGET_TARGET -> Predicate.ASSOCIATED_WITH;
            };
        };
    }

    /** Gold (subject id, object id) pairs of one predicate and group, by concept id (BC5CDR, BioRED). */
    static Set<String> goldPairs(Corpus.Doc doc, Predicate p, Group g) {
        Map<String, EntityKind> kinds = kinds(doc.gold());
        Set<String> out = new HashSet<>();
        for (Corpus.GoldRelation r : doc.relations()) {
            EntityKind ka = kinds.get(r.a());
            EntityKind kb = kinds.get(r.b());
            String s;
            String o;
            if (g.symmetric()) {
                if (ka != g.subject || kb != g.object) {
                    continue;
                }
                s = r.a().compareTo(r.b()) <= 0 ? r.a() : r.b();
                o = r.a().compareTo(r.b()) <= 0 ? r.b() : r.a();
            } else if (ka == g.subject && kb == g.object) {
                s = r.a();
                o = r.b();
            } else if (kb == g.subject && ka == g.object) {
                s = r.b();
                o = r.a();
            } else {
                continue;
            }
            if (predicate(doc.corpus(), r.type(), g) == p) {
                out.add(s + "\t" + o);
            }
        }
        return out;
    }

    static Map<String, EntityKind> kinds(DocumentView v) {
        Map<String, EntityKind> out = new HashMap<>();
        for (Entity e : v.entities()) {
            out.putIfAbsent(e.id(), e.kind());
        }
        return out;
    }

    /** Gold PHEE (drug span, effect span) pairs of one predicate, as "start:end TAB start:end". */
    static Set<String> goldSpanPairs(Corpus.Doc doc, Predicate p) {
        Set<String> out = new HashSet<>();
        for (Corpus.Event ev : doc.events()) {
            if (predicate(Corpus.Name.PHEE, ev.type(), Group.DRUG_CONDITION) != p) {
                continue;
            }
            for (Span d : ev.drugs()) {
                for (Span x : ev.effectsOrDisorders()) {
                    out.add(d.start() + ":" + d.end() + "\t" + x.start() + ":" + x.end());
                }
            }
        }
        return out;
    }

    /** Whether a candidate of {@code view} holds predicate p by the document's annotations. */
    static boolean positive(Corpus.Doc doc, DocumentView view, Candidate c, Predicate p, Set<String> goldPairs) {
        if (doc.corpus() != Corpus.Name.PHEE) {
            return goldPairs.contains(c.subject() + "\t" + c.object());
        }
        return !matchedSpanPairs(doc, view, c, p).isEmpty();
    }

    /** The gold PHEE pairs of predicate p whose drug and effect overlap mentions of the candidate's two ids. */
    static Set<String> matchedSpanPairs(Corpus.Doc doc, DocumentView view, Candidate c, Predicate p) {
        Set<String> out = new HashSet<>();
        List<Entity> es = view.entities();
        for (Corpus.Event ev : doc.events()) {
            if (predicate(Corpus.Name.PHEE, ev.type(), Group.DRUG_CONDITION) != p) {
                continue;
            }
            for (Span d : ev.drugs()) {
                for (Span x : ev.effectsOrDisorders()) {
                    boolean ds = false;
                    boolean xs = false;
                    for (Entity e : es) {
                        if (e.id().equals(c.subject()) && e.span().overlaps(d)) {
                            ds = true;
                        }
                        if (e.id().equals(c.object()) && e.span().overlaps(x)) {
                            xs = true;
                        }
                    }
                    if (ds && xs) {
                        out.add(d.start() + ":" + d.end() + "\t" + x.start() + ":" + x.end());
                    }
                }
            }
        }
        return out;
    }
}
