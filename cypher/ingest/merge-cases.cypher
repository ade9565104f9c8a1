// Patient cases, with their exposures (RECEIVED: dose, route, frequency, duration, role, inferred),
// conditions (PRESENTED_WITH; {reaction: true} on the adverse reactions), history (HISTORY_OF),
// the document that reports them (REPORTED_IN), where each field was read (STATED_IN, one per
// field source, onto the document: field, value, start, end, sentenceStart, sentenceEnd, sentence)
// and the references that first described them (DESCRIBED_IN).
// $rows: {id, document, props, exposures: [{drug, props}], conditions: [id], reactions: [id],
//         history: [id], sources: [{field, value, start, end, sentenceStart, sentenceEnd, sentence}], cites: [id]}
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (c:Case {id: row.id})
SET c += row.props
MERGE (c)-[:REPORTED_IN]->(d)
WITH c, d, row
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
  MERGE (c)-[p:PRESENTED_WITH]->(k)
  SET p.reaction = conditionId IN coalesce(row.reactions, [])
  RETURN count(*) AS conditions
}
CALL (c, row) {
  UNWIND coalesce(row.history, []) AS conditionId
  MATCH (k:Condition {id: conditionId})
  MERGE (c)-[:HISTORY_OF]->(k)
  RETURN count(*) AS history
}
CALL (c, d, row) {
  UNWIND coalesce(row.sources, []) AS s
  MERGE (c)-[f:STATED_IN {field: s.field, start: s.start, end: s.end}]->(d)
  SET f += s
  RETURN count(*) AS sources
}
CALL (c, row) {
  UNWIND row.cites AS refId
  MATCH (r:Reference {id: refId})
  MERGE (c)-[:DESCRIBED_IN]->(r)
  RETURN count(*) AS cited
}
RETURN count(c) AS cases;
