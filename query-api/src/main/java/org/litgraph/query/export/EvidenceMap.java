package org.litgraph.query.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;

/** The long-format evidence map of {@code cypher/queries/evidence-map.cypher}, as values. */
final class EvidenceMap {
    static final String QUERY = "evidence-map";

    /** One drug, condition, relationship, direction and document. */
    record Row(String drug, String drugId, String condition, String conditionId, String relationship,
               String direction, String certainty, String design, Integer year, long cases, long statements,
               String quote, String citation, String documentId, List<String> patients) {

        boolean supporting() {
            return "for".equals(direction);
        }

        /** The claim this row is evidence for or against. */
        String claimKey() {
            return drugId + "|" + relationship + "|" + conditionId;
        }

        static Row of(Map<String, Object> m) {
            return new Row(Values.str(m.get("drug")), Values.str(m.get("drug_id")), Values.str(m.get("condition")),
                    Values.str(m.get("condition_id")), Values.str(m.get("relationship")),
                    Values.str(m.get("direction")), Values.str(m.get("certainty")), Values.str(m.get("design")),
                    Values.integer(m.get("year")), Values.count(m.get("cases")), Values.count(m.get("statements")),
                    Values.str(m.get("quote")), Values.str(m.get("citation")), Values.str(m.get("document_id")),
                    Values.strings(m.get("patient_ids")));
        }
    }

    private EvidenceMap() {
    }

    static QueryResult query(CypherRunner runner, ExportFilter filter) {
        return runner.named(QUERY, filter.params());
    }

    static List<Row> rows(QueryResult result) {
        List<Row> out = new ArrayList<>(result.rows().size());
        result.rows().forEach(m -> out.add(Row.of(m)));
        return out;
    }
}
