package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The knowledge graph as KGX TSV: {@code nodes.tsv} and {@code edges.tsv} in a directory, with
 * Biolink categories and predicates. Multi-valued cells are pipe-separated; tabs and line breaks
 * in values become spaces.
 *
 * <p>Nodes: {@code Drug} → {@code biolink:Drug}; {@code Target} → {@code biolink:GeneFamily} for
 * FPLX and HGNC.FAMILY ids, {@code biolink:Gene} for HGNC and NCBIGene ids (Biolink's id prefixes for genes; the
 * gene stands for its product), else {@code biolink:Protein}; {@code Process} →
 * {@code biolink:BiologicalProcess}; {@code Condition} → {@code biolink:DiseaseOrPhenotypicFeature};
 * {@code Case} → {@code biolink:Case}; {@code Document} and {@code Reference} →
 * {@code biolink:Publication}, identified by {@code PMID:}, else {@code DOI:}, else litgraph's id
 * (so a document and the reference it is published as become one node; other ids go to xref).
 * {@code Evidence} nodes are not exported as nodes: they are summarised on the edges.
 *
 * <p>Edges, one per claim and direction, from the {@code Evidence} nodes (so claims whose
 * statements are all negated appear too, with {@code negated} True):
 * <ul>
 * <li>CAUSES → {@code biolink:causes} (the source attributes the condition to the drug; chosen over
 *     {@code biolink:has_adverse_event}, which states only an occurrence during treatment)</li>
 * <li>TREATS → {@code biolink:treats}</li>
 * <li>INHIBITS → {@code biolink:affects} with {@code qualified_predicate} {@code biolink:causes},
 *     {@code object_direction_qualifier} {@code decreased} and, for gene/protein/family objects,
 *     {@code object_aspect_qualifier} {@code activity} (Biolink 3+'s way to say "decreases the
 *     activity of"; {@code negatively_regulates} is meant for process-to-process edges)</li>
 * <li>REGULATES → {@code biolink:regulates}; LEADS_TO → {@code biolink:contributes_to}</li>
 * <li>ACTIVATES → {@code biolink:affects} (causes, increased activity or abundance); BINDS →
 * {@code biolink:directly_physically_interacts_with}; ASSOCIATED_WITH → {@code biolink:associated_with}</li>
 * </ul>
 * {@code knowledge_level} is {@code knowledge_assertion} when any statement is unhedged, else
 * {@code prediction} (hedged statements only: "may cause"); {@code agent_type} is
 * {@code text_mining_agent}; {@code has_evidence_count} counts statements;
 * {@code has_confidence_level} is litgraph's numeric noisy-OR confidence of the claim relationship
 * (empty for negated edges); {@code publications} are the PMID:/DOI: CURIEs of the documents
 * holding the statements, {@code supporting_documents} litgraph's Document ids.
 * Case edges: PRESENTED_WITH → {@code biolink:has_phenotype} (knowledge_level {@code observation});
 * RECEIVED → {@code biolink:related_to} (Biolink has no case-exposure predicate; the litgraph type
 * is kept in {@code original_predicate}). IS_A → {@code biolink:subclass_of}.
 */
final class Kgx {
    static final String SOURCE = "infores:litgraph";
    static final List<String> NODE_COLUMNS = List.of("id", "category", "name", "synonym", "xref", "provided_by");
    static final List<String> EDGE_COLUMNS = List.of("id", "subject", "predicate", "object", "category",
            "knowledge_level", "agent_type", "primary_knowledge_source", "publications", "has_evidence_count",
            "has_confidence_level", "negated", "qualified_predicate", "object_aspect_qualifier",
            "object_direction_qualifier", "original_predicate", "supporting_documents");

    /** What was written. */
    record Counts(int nodes, int edges) {
    }

    private Kgx() {
    }

    static Counts write(GraphDump g, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, GraphDump.Node> byKey = new HashMap<>();
        g.nodes().forEach(n -> byKey.putIfAbsent(n.key(), n));
        Map<String, String> publicationOf = new HashMap<>();
        Map<String, Map<String, String>> nodes = new TreeMap<>();
        Map<String, TreeSet<String>> xrefs = new HashMap<>();
        for (GraphDump.Node n : g.nodes()) {
            String category = category(n);
            if (category == null) {
                continue;
            }
            String id = n.key();
            List<String> synonyms = new ArrayList<>(Values.strings(n.properties().get("synonyms")));
            String symbol = n.prop("symbol");
            if (symbol != null && !synonyms.contains(symbol)) {
                synonyms.add(symbol);
            }
            if (n.has("Document") || n.has("Reference")) {
                id = publicationId(n);
                publicationOf.put(n.key(), id);
                TreeSet<String> x = xrefs.computeIfAbsent(id, k -> new TreeSet<>());
                if (!id.equals(n.key())) {
                    x.add(n.key());
                }
                if (n.prop("doi") != null && !id.startsWith("DOI:")) {
                    x.add("DOI:" + n.prop("doi"));
                }
                if (n.prop("pmcid") != null) {
                    x.add("PMCID:" + n.prop("pmcid"));
                }
            }
            String name = n.prop("name") != null ? n.prop("name") : n.has("Case") ? caseName(n) : n.prop("title");
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("category", category);
            row.put("name", name);
            row.put("synonym", multi(synonyms));
            row.put("provided_by", SOURCE);
            nodes.putIfAbsent(id, row); // documents sort before references with the same id? keep the first seen
        }
        nodes.forEach((id, row) -> row.put("xref", multi(new ArrayList<>(xrefs.getOrDefault(id, new TreeSet<>())))));

        Map<String, Map<String, Object>> claimRels = new HashMap<>();
        for (GraphDump.Rel r : g.relationships()) {
            Object claim = r.properties().get("claimId");
            if (claim != null) {
                claimRels.put(claim.toString(), r.properties());
            }
        }
        // claims: Evidence grouped by (claimId, negated)
        Map<String, List<GraphDump.Node>> groups = new TreeMap<>();
        for (GraphDump.Node n : g.nodes()) {
            if (n.has("Evidence") && n.prop("claimId") != null) {
                groups.computeIfAbsent(n.prop("claimId") + (Values.bool(n.properties().get("negated")) ? ":negated" : ""),
                        k -> new ArrayList<>()).add(n);
            }
        }
        List<Map<String, String>> edges = new ArrayList<>();
        for (Map.Entry<String, List<GraphDump.Node>> e : groups.entrySet()) {
            GraphDump.Node first = e.getValue().get(0);
            String subject = first.prop("subjectId");
            String object = first.prop("objectId");
            String predicate = first.prop("predicate");
            boolean negated = Values.bool(first.properties().get("negated"));
            if (!nodes.containsKey(subject) || !nodes.containsKey(object) || predicate == null) {
                continue;
            }
            TreeSet<String> pubs = new TreeSet<>();
            TreeSet<String> docs = new TreeSet<>();
            boolean asserted = false;
            for (GraphDump.Node ev : e.getValue()) {
                asserted |= !Values.bool(ev.properties().get("hedged"));
                String doc = ev.prop("documentId");
                if (doc != null) {
                    docs.add(doc);
                    String pub = publicationOf.get(doc);
                    if (pub != null && (pub.startsWith("PMID:") || pub.startsWith("DOI:"))) {
                        pubs.add(pub);
                    }
                }
            }
            Map<String, Object> rel = negated ? null : claimRels.get(first.prop("claimId"));
            Map<String, String> row = edge(e.getKey(), subject, predicate, object, nodes);
            row.put("knowledge_level", asserted ? "knowledge_assertion" : "prediction");
            row.put("agent_type", "text_mining_agent");
            row.put("publications", multi(new ArrayList<>(pubs)));
            row.put("has_evidence_count", String.valueOf(e.getValue().size()));
            row.put("has_confidence_level", rel == null || rel.get("confidence") == null ? "" : rel.get("confidence").toString());
            row.put("negated", negated ? "True" : "False");
            row.put("supporting_documents", multi(new ArrayList<>(docs)));
            edges.add(row);
        }
        for (GraphDump.Rel r : g.relationships()) {
            String type = r.type();
            if (!type.equals("PRESENTED_WITH") && !type.equals("RECEIVED") && !type.equals("IS_A")) {
                continue;
            }
            if (!nodes.containsKey(r.source()) || !nodes.containsKey(r.target())) {
                continue;
            }
            Map<String, String> row = edge("edge:" + Values.shortHash(r.source() + "|" + type + "|" + r.target(), 20),
                    r.source(), type, r.target(), nodes);
            if (type.equals("IS_A")) {
                row.put("knowledge_level", "knowledge_assertion");
                row.put("agent_type", "not_provided");
            } else {
                row.put("knowledge_level", "observation");
                row.put("agent_type", "text_mining_agent");
                GraphDump.Node kase = byKey.get(r.source());
                String doc = kase == null ? null : kase.prop("documentId");
                String pub = doc == null ? null : publicationOf.get(doc);
                row.put("publications", pub != null && (pub.startsWith("PMID:") || pub.startsWith("DOI:")) ? pub : "");
                row.put("supporting_documents", doc == null ? "" : doc);
                row.put("has_evidence_count", "1");
            }
            row.put("negated", "False");
            edges.add(row);
        }
        edges.sort(java.util.Comparator.comparing((Map<String, String> m) -> m.get("subject"))
                .thenComparing(m -> m.get("predicate")).thenComparing(m -> m.get("object")).thenComparing(m -> m.get("id")));
        writeTsv(dir.resolve("nodes.tsv"), NODE_COLUMNS, new ArrayList<>(nodes.values()));
        writeTsv(dir.resolve("edges.tsv"), EDGE_COLUMNS, edges);
        return new Counts(nodes.size(), edges.size());
    }

    private static Map<String, String> edge(String id, String subject, String type, String object,
                                            Map<String, Map<String, String>> nodes) {
        String objectCategory = nodes.get(object).get("category");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("subject", subject);
        row.put("object", object);
        row.put("primary_knowledge_source", SOURCE);
        row.put("original_predicate", type);
        switch (type) {
            case "CAUSES" -> {
                row.put("predicate", "biolink:causes");
                row.put("category", "biolink:ChemicalToDiseaseOrPhenotypicFeatureAssociation");
            }
            case "TREATS" -> {
                row.put("predicate", "biolink:treats");
                row.put("category", "biolink:ChemicalToDiseaseOrPhenotypicFeatureAssociation");
            }
            case "INHIBITS" -> {
                boolean geneLike = objectCategory.equals("biolink:Gene") || objectCategory.equals("biolink:Protein")
                        || objectCategory.equals("biolink:GeneFamily");
                row.put("predicate", "biolink:affects");
                row.put("category", geneLike ? "biolink:ChemicalAffectsGeneAssociation" : "biolink:Association");
                row.put("qualified_predicate", "biolink:causes");
                row.put("object_direction_qualifier", "decreased");
                if (geneLike) {
                    row.put("object_aspect_qualifier", "activity");
                }
            }
            case "ACTIVATES" -> {
                row.put("predicate", "biolink:affects");
                row.put("category", "biolink:ChemicalAffectsGeneAssociation");
                row.put("qualified_predicate", "biolink:causes");
                row.put("object_direction_qualifier", "increased");
                row.put("object_aspect_qualifier", "activity_or_abundance");
            }
            case "BINDS" -> {
                row.put("predicate", "biolink:directly_physically_interacts_with");
                row.put("category", "biolink:Association");
            }
            case "ASSOCIATED_WITH" -> {
                row.put("predicate", "biolink:associated_with");
                row.put("category", "biolink:Association");
            }
            case "REGULATES" -> {
                row.put("predicate", "biolink:regulates");
                row.put("category", "biolink:Association");
            }
            case "LEADS_TO" -> {
                row.put("predicate", "biolink:contributes_to");
                row.put("category", "biolink:Association");
            }
            case "PRESENTED_WITH" -> {
                row.put("predicate", "biolink:has_phenotype");
                row.put("category", "biolink:CaseToPhenotypicFeatureAssociation");
            }
            case "IS_A" -> {
                row.put("predicate", "biolink:subclass_of");
                row.put("category", "biolink:Association");
            }
            default -> {
                row.put("predicate", "biolink:related_to");
                row.put("category", "biolink:Association");
            }
        }
        return row;
    }

    static String category(GraphDump.Node n) {
        if (n.has("Drug")) {
            return "biolink:Drug";
        }
        if (n.has("Target")) {
            String prefix = n.key().contains(":") ? n.key().substring(0, n.key().indexOf(':')) : "";
            return switch (prefix) {
                case "FPLX", "HGNC.FAMILY" -> "biolink:GeneFamily";
                case "HGNC", "NCBIGene" -> "biolink:Gene";
                default -> "biolink:Protein";
            };
        }
        if (n.has("Process")) {
            return "biolink:BiologicalProcess";
        }
        if (n.has("Condition")) {
            return "biolink:DiseaseOrPhenotypicFeature";
        }
        if (n.has("Case")) {
            return "biolink:Case";
        }
        if (n.has("Document") || n.has("Reference")) {
            return "biolink:Publication";
        }
        return null;
    }

    private static String publicationId(GraphDump.Node n) {
        if (n.prop("pmid") != null) {
            return "PMID:" + n.prop("pmid");
        }
        if (n.prop("doi") != null) {
            return "DOI:" + n.prop("doi");
        }
        return n.key();
    }

    private static String caseName(GraphDump.Node n) {
        String label = n.prop("label");
        return "case" + (label != null ? " " + label : "") + " (" + n.key() + ")";
    }

    private static String multi(List<String> values) {
        List<String> clean = new ArrayList<>();
        for (String v : values) {
            String c = Values.oneLine(v).replace('|', '/');
            if (!c.isEmpty() && !clean.contains(c)) {
                clean.add(c);
            }
        }
        return String.join("|", clean);
    }

    private static void writeTsv(Path file, List<String> columns, List<Map<String, String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join("\t", columns));
            w.write('\n');
            for (Map<String, String> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String c : columns) {
                    String v = row.get(c);
                    cells.add(v == null ? "" : Values.oneLine(v).replace('\t', ' '));
                }
                w.write(String.join("\t", cells));
                w.write('\n');
            }
        }
    }
}
