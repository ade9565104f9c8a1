// What the store holds, for the web page's home view: documents by design, patients by outcome,
// the drugs and conditions with the most statements, and pairs to ask about (the best-supported
// CAUSES and TREATS claims, a stated mechanism path, a condition several drugs have statements about).
// $top: how many drugs and conditions to list.
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () {
  MATCH (d:Document)
  WITH coalesce(d.sourceType, 'unknown') AS design, count(*) AS n ORDER BY n DESC, design
  RETURN collect({design: design, documents: n}) AS designs
}
CALL () { MATCH (k:Case) RETURN count(k) AS cases }
CALL () {
  MATCH (k:Case)
  WITH coalesce(k['outcomeCategory'], 'unknown') AS category, count(*) AS n ORDER BY n DESC, category
  RETURN collect({category: category, cases: n}) AS outcomes
}
CALL () { MATCH (e:Evidence) RETURN count(e) AS statements }
CALL () { MATCH (p:Passage) RETURN count(p) AS passages }
CALL () {
  MATCH (d:Drug)<-[:SUBJECT]-(e:Evidence)
  WITH d, count(e) AS n ORDER BY n DESC, d.name LIMIT $top
  RETURN collect({id: d.id, name: d.name, statements: n}) AS drugs
}
CALL () {
  MATCH (c:Condition)<-[:OBJECT]-(e:Evidence)
  WITH c, count(e) AS n ORDER BY n DESC, c.name LIMIT $top
  RETURN collect({id: c.id, name: c.name, statements: n}) AS conditions
}
CALL () {
  MATCH (d:Drug)-[r:CAUSES]->(c:Condition)
  WITH d, c, r ORDER BY r.evidenceCount DESC, r.confidence DESC, d.name, c.name LIMIT 3
  RETURN collect({drug: d.name, condition: c.name, statements: r.evidenceCount}) AS causes
}
CALL () {
  MATCH (d:Drug)-[r:TREATS]->(c:Condition)
  WITH d, c, r ORDER BY r.evidenceCount DESC, r.confidence DESC, d.name, c.name LIMIT 2
  RETURN collect({drug: d.name, condition: c.name, statements: r.evidenceCount}) AS treats
}
CALL () {
  MATCH (d:Drug)-[:INHIBITS]->(:Target)-[:REGULATES]->(:Process)-[:LEADS_TO]->(c:Condition)
  WITH d, c ORDER BY d.name, c.name LIMIT 1
  RETURN collect({drug: d.name, condition: c.name}) AS mechanisms
}
CALL () {
  MATCH (c:Condition)<-[:OBJECT]-(:Evidence)-[:SUBJECT]->(d:Drug)
  WITH c, collect(DISTINCT d.name) AS drugs WHERE size(drugs) >= 2
  WITH c, drugs ORDER BY size(drugs) DESC, c.name LIMIT 1
  RETURN collect({condition: c.name, drugs: drugs[0..4]}) AS comparisons
}
RETURN documents, designs, cases, outcomes, statements, passages, drugs, conditions, causes, treats, mechanisms, comparisons;
