package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.litgraph.query.CypherRunner;

/**
 * The evidence map as JSON: {@code {"format", "filter", "claims": [...]}}, one claim per (drug,
 * relationship, condition) with its counts, the relationship's confidence, and its sources (one
 * per document and direction, as in the CSV) each holding its verbatim statements.
 */
final class EvidenceJson {
    static final String STATEMENTS_QUERY = "export-evidence-statements";

    private EvidenceJson() {
    }

    static Map<String, Object> build(CypherRunner runner, ExportFilter filter, List<EvidenceMap.Row> rows) {
        List<Map<String, Object>> statements = runner.named(STATEMENTS_QUERY, filter.params()).rows();
        // statements grouped by claim key + document + direction
        Map<String, List<Map<String, Object>>> bySource = new LinkedHashMap<>();
        Map<String, Map<String, Object>> claimProps = new LinkedHashMap<>();
        for (Map<String, Object> s : statements) {
            String claim = s.get("drug_id") + "|" + s.get("relationship") + "|" + s.get("condition_id");
            String direction = Values.bool(s.get("negated")) ? "against" : "for";
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("id", s.get("id"));
            st.put("text", s.get("text"));
            st.put("negated", Values.bool(s.get("negated")));
            st.put("hedged", Values.bool(s.get("hedged")));
            st.put("section", s.get("section"));
            st.put("start", s.get("start"));
            st.put("end", s.get("end"));
            st.put("method", s.get("method"));
            st.put("weight", s.get("weight"));
            bySource.computeIfAbsent(claim + "|" + s.get("document_id") + "|" + direction, k -> new ArrayList<>()).add(st);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("claimId", s.get("claim_id"));
            props.put("confidence", s.get("confidence"));
            claimProps.putIfAbsent(claim, props);
        }
        Map<String, Map<String, Object>> claims = new LinkedHashMap<>();
        Map<String, Set<String>> supportingDocs = new LinkedHashMap<>();
        Map<String, Set<String>> claimPatients = new HashMap<>();
        for (EvidenceMap.Row r : rows) {
            Map<String, Object> claim = claims.computeIfAbsent(r.claimKey(), k -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", claimProps.getOrDefault(k, Map.of()).get("claimId"));
                c.put("drug", Values.ordered("id", r.drugId(), "name", r.drug()));
                c.put("relationship", r.relationship());
                c.put("condition", Values.ordered("id", r.conditionId(), "name", r.condition()));
                c.put("supportingStatements", 0L);
                c.put("againstStatements", 0L);
                c.put("supportingDocuments", 0);
                c.put("cases", 0L);
                c.put("confidence", claimProps.getOrDefault(k, Map.of()).get("confidence"));
                c.put("sources", new ArrayList<Map<String, Object>>());
                return c;
            });
            String counter = r.supporting() ? "supportingStatements" : "againstStatements";
            claim.put(counter, (Long) claim.get(counter) + r.statements());
            if (r.supporting()) {
                Set<String> docs = supportingDocs.computeIfAbsent(r.claimKey(), k -> new HashSet<>());
                docs.add(r.documentId());
                claim.put("supportingDocuments", docs.size());
            }
            Set<String> patients = claimPatients.computeIfAbsent(r.claimKey(), k -> new LinkedHashSet<>());
            patients.addAll(r.patients());
            claim.put("cases", (long) patients.size()); // each patient once, however many documents retell it
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("documentId", r.documentId());
            source.put("direction", r.direction());
            source.put("certainty", r.certainty());
            source.put("design", r.design());
            source.put("year", r.year());
            source.put("cases", r.cases());
            source.put("citation", r.citation());
            source.put("quote", r.quote());
            source.put("statements", bySource.getOrDefault(r.claimKey() + "|" + r.documentId() + "|" + r.direction(),
                    List.of()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sources = (List<Map<String, Object>>) claim.get("sources");
            sources.add(source);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "litgraph evidence map v1");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("drug", filter.drug());
        f.put("condition", filter.condition());
        f.put("relationship", filter.relationship());
        doc.put("filter", f);
        doc.put("claims", new ArrayList<>(claims.values()));
        return doc;
    }

    static int write(Map<String, Object> evidence, Writer out) throws IOException {
        out.write(Values.JSON.writeValueAsString(evidence));
        out.write('\n');
        return ((List<?>) evidence.get("claims")).size();
    }
}
