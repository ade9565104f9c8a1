package org.litgraph.query.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.Store;

/**
 * "How could DRUG lead to CONDITION?": ranked paths drug → target/process → condition with the
 * statements behind every hop ({@code ask-mechanism}). Exact paths (the condition or an IS_A
 * relative) come first; then paths whose last hop reaches another condition in a document where
 * the drug is stated to cause the asked one — their missing link is a flagged {@link Gap}.
 * A path's confidence is the product of its hops' confidences, halved for every gap.
 */
public final class Mechanism {
    /** Factor applied to a path's confidence for each hop without a stated relationship or evidence. */
    public static final double GAP_PENALTY = 0.5;
    static final int MAX_EVIDENCE_PER_HOP = 5;

    private final Graph graph;
    private final Names names;

    public Mechanism(Store store) {
        this(store, Grounding.NONE);
    }

    public Mechanism(Store store, Grounding grounding) {
        this.graph = new Graph(store);
        this.names = new Names(graph, grounding);
    }

    /** One hop of a path: a stated relationship with its statements (strongest first). */
    public record Hop(String type, String fromId, String from, String fromKind, String toId, String to, String toKind,
                      double confidence, int evidenceCount, List<Statement> evidence, boolean gap) {
        public Hop {
            evidence = List.copyOf(evidence);
        }
    }

    /** A link the graph does not state; {@code reason} says why the path still holds it. */
    public record Gap(String from, String to, String reason, List<String> contextDocuments) {
        public Gap {
            contextDocuments = List.copyOf(contextDocuments);
        }
    }

    /**
     * A path; {@code relation} is how its end condition relates to the asked one: exact, narrower,
     * broader (IS_A) or context (same document, no stated link).
     */
    public record Path(int rank, String relation, String endCondition, List<Hop> hops, List<Gap> gaps,
                       double confidence) {
        public Path {
            hops = List.copyOf(hops);
            gaps = List.copyOf(gaps);
        }
    }

    /** {@code context} is set when no path was found: what the graph holds about the two. */
    public record Answer(Entity drug, Entity condition, List<Resolution> resolved, List<Path> paths,
                         GraphContext context) {
        public Answer {
            resolved = List.copyOf(resolved);
            paths = List.copyOf(paths);
        }
    }

    public Answer ask(String drug, String condition) {
        Resolution dr = names.resolution(drug, "Drug");
        Resolution cr = names.resolution(condition, "Condition");
        Entity d = dr.entity();
        Entity c = cr.entity();
        List<Map<String, Object>> rows = graph.rows("ask-mechanism",
                Map.of("drugId", d.id(), "conditionId", c.id(), "maxEvidence", MAX_EVIDENCE_PER_HOP));
        List<Path> paths = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String relation = Graph.str(r.get("relation"));
            List<Hop> hops = new ArrayList<>();
            List<Gap> gaps = new ArrayList<>();
            double confidence = 1.0;
            for (Map<String, Object> h : Graph.maps(r.get("hops"))) {
                List<Statement> ev = new ArrayList<>();
                for (Map<String, Object> e : Graph.maps(h.get("evidence"))) {
                    ev.add(new Statement(Graph.str(e.get("id")), Graph.str(e.get("text")), Graph.bool(e.get("negated")),
                            Graph.bool(e.get("hedged")), Graph.dbl(e.get("weight"), 0), Graph.str(e.get("documentId")),
                            Graph.str(e.get("document")), Graph.str(e.get("sourceType"))));
                }
                boolean noEvidence = ev.stream().noneMatch(s -> !s.negated());
                Hop hop = new Hop(Graph.str(h.get("type")), Graph.str(h.get("fromId")), Graph.str(h.get("from")),
                        Graph.str(h.get("fromKind")), Graph.str(h.get("toId")), Graph.str(h.get("to")),
                        Graph.str(h.get("toKind")), Graph.dbl(h.get("confidence"), 0),
                        Graph.integer(h.get("evidenceCount")) == null ? 0 : Graph.integer(h.get("evidenceCount")), ev, noEvidence);
                hops.add(hop);
                confidence *= hop.confidence();
                if (noEvidence) {
                    gaps.add(new Gap(hop.from(), hop.to(), "no statement in the graph supports " + hop.from() + " "
                            + hop.type() + " " + hop.to(), List.of()));
                    confidence *= GAP_PENALTY;
                }
            }
            String end = Graph.str(r.get("condition"));
            if ("context".equals(relation)) {
                String process = Graph.str(r.get("process"));
                List<String> docs = Graph.maps(r.get("contextDocuments")).stream()
                        .map(m -> Graph.str(m.get("title"))).toList();
                gaps.add(new Gap(end, c.name(), "link from " + process + " to " + c.name()
                        + " is by document context, not a stated relationship (" + process + " LEADS_TO " + end
                        + " and " + d.name() + " CAUSES " + c.name() + " in the same document)", docs));
                confidence *= GAP_PENALTY;
            }
            paths.add(new Path(0, relation, end, hops, gaps, confidence));
        }
        paths.sort(Comparator.comparingInt((Path p) -> tier(p.relation()))
                .thenComparing(Comparator.comparingDouble(Path::confidence).reversed())
                .thenComparing(Path::endCondition));
        List<Path> ranked = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            ranked.add(new Path(i + 1, p.relation(), p.endCondition(), p.hops(), p.gaps(), round(p.confidence())));
        }
        return new Answer(d, c, List.of(dr, cr), ranked, ranked.isEmpty() ? GraphContext.load(graph, d, c) : null);
    }

    static int tier(String relation) {
        return switch (relation) {
            case "exact" -> 0;
            case "narrower", "broader" -> 1;
            default -> 2;
        };
    }

    static double round(double x) {
        return Math.round(x * 10000.0) / 10000.0;
    }
}
