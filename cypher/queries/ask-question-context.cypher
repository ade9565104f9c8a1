// What the graph holds about a drug and a condition when a question about the pair finds nothing:
// the drug's statements, the conditions they are about and its patients; the condition's
// statements, the drugs they name (most statements first, up to five) and its patients.
// $drugId: the drug's id; $conditionId: the condition's id.
MATCH (d:Drug {id: $drugId}), (c:Condition {id: $conditionId})
CALL (d) {
  OPTIONAL MATCH (d)<-[:SUBJECT]-(e:Evidence)-[:OBJECT]->(o:Condition)
  RETURN count(e) AS drugStatements, count(DISTINCT o) AS drugConditions
}
CALL (d) { OPTIONAL MATCH (k:Case)-[:RECEIVED]->(d) RETURN count(DISTINCT k) AS drugCases }
CALL (c) {
  OPTIONAL MATCH (c)<-[:OBJECT]-(e:Evidence)-[:SUBJECT]->(s:Drug)
  WITH s, count(e) AS n ORDER BY n DESC, s.name
  RETURN sum(n) AS conditionStatements,
         [x IN collect(CASE WHEN s IS NULL THEN null ELSE {id: s.id, name: s.name, statements: n} END) WHERE x IS NOT NULL][0..5] AS conditionDrugs
}
CALL (c) { OPTIONAL MATCH (k:Case)-[:PRESENTED_WITH]->(c) RETURN count(DISTINCT k) AS conditionCases }
RETURN drugStatements, drugConditions, drugCases, conditionStatements, conditionDrugs, conditionCases;
