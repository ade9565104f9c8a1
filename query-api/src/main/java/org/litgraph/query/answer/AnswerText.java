package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answers rendered for a researcher reading a terminal, and mechanism paths as Mermaid or Graphviz DOT. */
public final class AnswerText {
    static final int QUOTE = 140;

    private AnswerText() {
    }

    public static String mechanism(Mechanism.Answer a) {
        StringBuilder sb = new StringBuilder();
        sb.append("Mechanism: ").append(a.drug().name()).append(" -> ").append(a.condition().name())
                .append("  (").append(a.drug().id()).append(" -> ").append(a.condition().id()).append(")\n");
        if (a.paths().isEmpty()) {
            sb.append("No path drug -> target/process -> condition found in the graph.\n");
            return sb.toString();
        }
        for (Mechanism.Path p : a.paths()) {
            sb.append('\n').append(p.rank()).append(". ");
            List<String> chain = new ArrayList<>();
            chain.add(p.hops().get(0).from());
            for (Mechanism.Hop h : p.hops()) {
                chain.add("-" + h.type() + "-> " + h.to());
            }
            if ("context".equals(p.relation())) {
                chain.add("~?~> " + a.condition().name());
            }
            sb.append(String.join(" ", chain)).append('\n');
            sb.append(String.format(Locale.ROOT, "   confidence %.3f · %s%n", p.confidence(), switch (p.relation()) {
                case "exact" -> "reaches the asked condition";
                case "narrower" -> "reaches " + p.endCondition() + ", a narrower condition (IS_A)";
                case "broader" -> "reaches " + p.endCondition() + ", a broader condition (IS_A)";
                default -> "GAP: no stated link to " + a.condition().name();
            }));
            for (Mechanism.Hop h : p.hops()) {
                sb.append(String.format(Locale.ROOT, "   %s %s %s  [conf %.3f, %d statement(s)]%s%n", h.from(), h.type(), h.to(),
                        h.confidence(), h.evidenceCount(), h.gap() ? "  GAP: no evidence" : ""));
                for (Statement s : h.evidence()) {
                    sb.append("     \"").append(shorten(s.text())).append("\"")
                            .append(s.hedged() ? " (hedged)" : "").append(s.negated() ? " (negated)" : "")
                            .append(" — ").append(s.sourceType()).append(", ").append(shorten(s.document(), 60)).append('\n');
                }
            }
            for (Mechanism.Gap g : p.gaps()) {
                sb.append("   GAP: ").append(g.reason()).append('\n');
                for (String d : g.contextDocuments()) {
                    sb.append("     context: ").append(shorten(d, 90)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static String mermaid(Mechanism.Answer a) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        Map<String, String[]> ids = new java.util.LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (Mechanism.Path p : a.paths()) {
            for (Mechanism.Hop h : p.hops()) {
                String e = "  " + node(ids, h.fromId(), h.from()) + " -->|" + h.type() + " " + h.evidenceCount() + "| "
                        + node(ids, h.toId(), h.to());
                if (!edges.contains(e)) {
                    edges.add(e);
                }
            }
            if ("context".equals(p.relation())) {
                Mechanism.Hop last = p.hops().get(p.hops().size() - 1);
                String e = "  " + node(ids, last.toId(), last.to()) + " -.->|gap: document context| "
                        + node(ids, a.condition().id(), a.condition().name());
                if (!edges.contains(e)) {
                    edges.add(e);
                }
            }
        }
        for (Map.Entry<String, String[]> e : ids.entrySet()) {
            sb.append("  ").append(e.getValue()[0]).append("[\"").append(label(e.getKey(), e.getValue()[1]).replace("\\n", "<br/>")).append("\"]\n");
        }
        edges.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    public static String dot(Mechanism.Answer a) {
        StringBuilder sb = new StringBuilder("digraph mechanism {\n  rankdir=LR;\n  node [shape=box];\n");
        Map<String, String[]> ids = new java.util.LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (Mechanism.Path p : a.paths()) {
            for (Mechanism.Hop h : p.hops()) {
                String e = "  " + node(ids, h.fromId(), h.from()) + " -> " + node(ids, h.toId(), h.to())
                        + " [label=\"" + h.type() + " (" + h.evidenceCount() + ")\"" + (h.gap() ? ", style=dashed" : "") + "];";
                if (!edges.contains(e)) {
                    edges.add(e);
                }
            }
            if ("context".equals(p.relation())) {
                Mechanism.Hop last = p.hops().get(p.hops().size() - 1);
                String e = "  " + node(ids, last.toId(), last.to()) + " -> " + node(ids, a.condition().id(), a.condition().name())
                        + " [label=\"gap: document context\", style=dashed, color=red];";
                if (!edges.contains(e)) {
                    edges.add(e);
                }
            }
        }
        for (Map.Entry<String, String[]> e : ids.entrySet()) {
            sb.append("  ").append(e.getValue()[0]).append(" [label=\"").append(label(e.getKey(), e.getValue()[1])).append("\"];\n");
        }
        edges.forEach(e -> sb.append(e).append('\n'));
        return sb.append("}\n").toString();
    }

    /** The diagram variable of a node ("n0", "n1", ...); {@code ids} maps id to {variable, name}. */
    private static String node(Map<String, String[]> ids, String id, String name) {
        return ids.computeIfAbsent(id, k -> new String[] {"n" + ids.size(), name})[0];
    }

    private static String label(String id, String name) {
        return (name == null ? id : name).replace("\"", "'") + "\\n" + id;
    }

    public static String evidence(EvidenceQuestion.Answer a) {
        StringBuilder sb = new StringBuilder();
        sb.append("Evidence: ").append(a.drug().name()).append(' ').append(a.predicate()).append(' ')
                .append(a.condition().name()).append('\n');
        sb.append(a.supporting()).append(" supporting statement(s), ").append(a.contradicting())
                .append(" contradicting, ").append(a.cases().size()).append(" patient(s)\n");
        for (EvidenceQuestion.Group g : a.bySource()) {
            sb.append('\n').append(g.sourceType()).append(" (").append(g.documents()).append(" document(s), ")
                    .append(g.items().size()).append(" statement(s))\n");
            for (EvidenceQuestion.Item i : g.items()) {
                String mark = i.negated() ? "NOT " : "";
                sb.append("  [").append(mark).append(i.predicate()).append(' ').append(i.condition())
                        .append(i.relation().equals("exact") ? "" : " (" + i.relation() + ")").append(i.hedged() ? ", hedged" : "")
                        .append("] \"").append(shorten(i.text())).append("\"\n");
                sb.append("      in: ").append(shorten(i.document(), 90)).append('\n');
                if (i.publishedAs() != null) {
                    sb.append("      published as: ").append(i.publishedAs().id()).append('\n');
                }
                for (EvidenceQuestion.Reference r : i.cites()) {
                    sb.append("      cites: ").append(shorten(r.title(), 90)).append('\n');
                }
            }
        }
        if (!a.cases().isEmpty()) {
            sb.append("\nPatients\n");
            for (EvidenceQuestion.CaseItem c : a.cases()) {
                sb.append("  ").append(c.label()).append(": ").append(c.age() == null ? "?" : c.age())
                        .append(' ').append(c.sex() == null ? "?" : c.sex().substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(", dose ").append(n(c.dose())).append(", onset ").append(n(c.timeToOnset()))
                        .append(", dechallenge ").append(n(c.dechallenge())).append(", rechallenge ").append(n(c.rechallenge()))
                        .append('\n');
                sb.append("      outcome: ").append(n(c.outcome()));
                if (c.naranjoScore() != null || c.naranjoCategory() != null) {
                    sb.append("; Naranjo ").append(n(c.naranjoScore() == null ? null : String.valueOf(c.naranjoScore())))
                            .append(c.naranjoCategory() == null ? "" : " (" + c.naranjoCategory() + ")");
                }
                sb.append("\n      in: ").append(c.sourceType()).append(", ").append(shorten(c.document(), 80)).append('\n');
                if (c.tellings() > 1) {
                    sb.append("      the same patient is told in ").append(c.tellings()).append(" places (merged); also in: ")
                            .append(String.join("; ", c.alsoReportedIn().stream().map(x -> shorten(x, 60)).toList()))
                            .append('\n');
                }
            }
        }
        if (!a.quantities().isEmpty()) {
            sb.append("\nQuantitative findings (as stated)\n");
            a.quantities().forEach(q -> sb.append("  \"").append(q.fragment()).append("\" — ").append(shorten(q.document(), 70)).append('\n'));
        }
        if (!a.contradictions().isEmpty()) {
            sb.append("\nContradictions\n");
            a.contradictions().forEach(c -> sb.append("  [").append(c.kind()).append("] ").append(c.description()).append('\n'));
        }
        return sb.toString();
    }

    public static String profile(DrugProfile.Answer a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.drug().name()).append(" (").append(a.drug().id()).append(")");
        if (!a.drug().synonyms().isEmpty()) {
            sb.append(" also: ").append(String.join(", ", a.drug().synonyms()));
        }
        sb.append('\n').append(a.documents()).append(" document(s), ").append(a.caseCount()).append(" patient(s)\n");
        claims(sb, "Causes", a.causes());
        claims(sb, "Treats", a.treats());
        claims(sb, "Inhibits", a.inhibits());
        if (!a.cases().isEmpty()) {
            sb.append("\nPatients\n");
            a.cases().forEach(c -> sb.append("  ").append(c.label()).append(": ").append(c.age() == null ? "?" : c.age())
                    .append(' ').append(n(c.sex())).append(", ").append(n(c.dose())).append(", outcome ").append(n(c.outcome()))
                    .append(" — ").append(String.join(", ", c.conditions())).append('\n'));
        }
        return sb.toString();
    }

    private static void claims(StringBuilder sb, String title, List<DrugProfile.Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        for (DrugProfile.Claim c : claims) {
            sb.append(String.format(Locale.ROOT, "  %-45s conf %.3f  %d statement(s), %d document(s)%s%n", c.name(),
                    c.confidence(), c.evidence(), c.documents(), c.negated() > 0 ? ", " + c.negated() + " denying" : ""));
        }
    }

    public static String compare(Compare.Answer a) {
        StringBuilder sb = new StringBuilder("Compare for " + a.condition().name() + "\n");
        sb.append(String.format(Locale.ROOT, "  %-22s %-18s %8s %8s %8s %8s %7s %6s%n", "drug", "relationship",
                "causes", "conf", "treats", "conf", "denied", "cases"));
        for (Compare.Row r : a.drugs()) {
            sb.append(String.format(Locale.ROOT, "  %-22s %-18s %8d %8s %8d %8s %7d %6d%n", r.drug().name(), r.relationship(),
                    r.causesEvidence(), conf(r.causesConfidence()), r.treatsEvidence(), conf(r.treatsConfidence()),
                    r.negatedStatements(), r.cases()));
        }
        return sb.toString();
    }

    public static String search(CaseSearch.Answer a) {
        StringBuilder sb = new StringBuilder();
        sb.append("Search: ").append(a.query()).append("  →  ").append(a.luceneQuery()).append('\n');
        sb.append(a.total()).append(" hit(s)").append(a.hits().size() < a.total() ? ", best " + a.hits().size() + " shown" : "").append('\n');
        int i = 1;
        for (CaseSearch.Hit h : a.hits()) {
            sb.append(String.format(Locale.ROOT, "%n%d. [%s] %s  (score %.2f)%n", i++, h.kind(), h.label(), h.score()));
            if ("case".equals(h.kind())) {
                sb.append("   ").append(h.age() == null ? "?" : h.age()).append(' ').append(n(h.sex()))
                        .append("; drugs: ").append(String.join(", ", h.drugs())).append("; outcome: ").append(n(h.outcome())).append('\n');
            }
            sb.append("   ").append(h.snippet()).append('\n');
            sb.append("   in: ").append(n(h.sourceType())).append(", ").append(shorten(h.document(), 80)).append('\n');
        }
        if (!a.facets().isEmpty()) {
            sb.append("\nFacets\n");
            for (CaseSearch.Facet f : a.facets()) {
                List<String> parts = new ArrayList<>();
                f.counts().forEach((k, v) -> parts.add(k + " (" + v + ")"));
                sb.append("  ").append(f.name()).append(": ").append(parts.isEmpty() ? "-" : String.join(", ", parts)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String conf(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String n(String s) {
        return s == null ? "not stated" : s;
    }

    static String shorten(String s) {
        return shorten(s, QUOTE);
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ").replace("**", "").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
