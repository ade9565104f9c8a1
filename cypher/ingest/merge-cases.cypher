// Patient cases, with their exposures (RECEIVED), conditions (PRESENTED_WITH), the document
// that reports them (REPORTED_IN) and the references that first described them (DESCRIBED_IN).
// $rows: {id, document, props, exposures: [{drug, props}], conditions: [id], cites: [id]}
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (c:Case {id: row.id})
SET c += row.props
MERGE (c)-[:REPORTED_IN]->(d)
WITH c, row
CALL (c, row) {
  UNWIND row.exposures AS x
  MATCH (drug:Drug {id: x.drug})
  MERGE (c)-[r:RECEIVED]->(drug)
  SET r += x.props
  RETURN count(*) AS exposures
}
CALL (c, row) {
  UNWIND row.conditions AS conditionId
  MATCH (k:Condition {id: conditionId})
  MERGE (c)-[:PRESENTED_WITH]->(k)
  RETURN count(*) AS conditions
}
CALL (c, row) {
  UNWIND row.cites AS refId
  MATCH (r:Reference {id: refId})
  MERGE (c)-[:DESCRIBED_IN]->(r)
  RETURN count(*) AS cited
}
RETURN count(c) AS cases;
