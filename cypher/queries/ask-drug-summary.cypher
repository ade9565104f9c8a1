// How much the graph holds about a drug: documents mentioning it, statements with it as subject,
// and the patients who received it (up to $limit listed).
// $drugId: the drug's id; $limit: cases to list.
MATCH (d:Drug {id: $drugId})
CALL (d) { OPTIONAL MATCH (doc:Document)-[:MENTIONS]->(d) RETURN count(DISTINCT doc) AS documents }
CALL (d) { OPTIONAL MATCH (k:Case)-[:RECEIVED]->(d) RETURN count(DISTINCT coalesce(k.patientId, k.id)) AS caseCount }
CALL (d) {
  OPTIONAL MATCH (k:Case)-[x:RECEIVED]->(d)
  WITH k, x ORDER BY k.documentId, k.label LIMIT $limit
  OPTIONAL MATCH (k)-[:PRESENTED_WITH]->(c:Condition)
  WITH k, x, collect(c.name) AS conditions
  RETURN collect(CASE WHEN k IS NULL THEN null ELSE {id: k.id, label: coalesce(k.label, k.name), age: k.age, sex: k.sex,
         dose: coalesce(x.dose, k.dose), outcome: k.outcome, conditions: conditions} END) AS cases
}
RETURN d.id AS id, d.name AS name, coalesce(d.synonyms, []) AS synonyms, documents, caseCount, cases;
