// Patient linking, step 2: what identifies each case's patient. $ids: case ids.
// Columns: id, documentId, age, sex, dose, timeToOnset, outcome, drugs (ids), doses (per drug, may be null),
// conditions (ids of what the patient presented with, plus their broader and narrower concepts one step
// away), describedIn (documents whose own publication the case cites), documentCites (documents whose
// publication the case's document cites).
UNWIND $ids AS id
MATCH (k:Case {id: id})
CALL (k) {
  OPTIONAL MATCH (k)-[x:RECEIVED]->(d:Drug)
  RETURN collect(d.id) AS drugs, collect(coalesce(x.dose, '')) AS doses
}
CALL (k) {
  OPTIONAL MATCH (k)-[:PRESENTED_WITH]->(c:Condition)
  OPTIONAL MATCH (c)-[:IS_A]-(near:Condition)
  RETURN collect(DISTINCT c.id) + collect(DISTINCT near.id) AS conditions, collect(DISTINCT c.id) AS ownConditions
}
CALL (k) {
  OPTIONAL MATCH (k)-[:DESCRIBED_IN]->(:Reference)<-[:PUBLISHED_AS]-(src:Document)
  RETURN collect(DISTINCT src.id) AS describedIn
}
CALL (k) {
  OPTIONAL MATCH (k)-[:REPORTED_IN]->(:Document)-[:CITES]->(:Reference)<-[:PUBLISHED_AS]-(cited:Document)
  RETURN collect(DISTINCT cited.id) AS documentCites
}
RETURN k.id AS id, k.documentId AS documentId, k.age AS age, k.sex AS sex, k.dose AS dose,
       k.timeToOnset AS timeToOnset, k.outcome AS outcome, drugs, doses, conditions, ownConditions,
       describedIn, documentCites;
