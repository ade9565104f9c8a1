// Patients who received the drug and presented with one of the given conditions, with what the
// source states of each (causality fields naranjoScore/naranjoCategory when present). One row per
// telling: tellings of one patient share patientId (SAME_PATIENT_AS links), so count DISTINCT patientId.
// $drugId: the drug's id; $conditionIds: list of condition ids (the asked one and the narrower ones).
// outcomeCategory is null for cases written before categories existed (the caller derives it).
UNWIND $conditionIds AS cid
MATCH (c:Condition {id: cid})<-[:PRESENTED_WITH]-(k:Case)-[x:RECEIVED]->(d:Drug {id: $drugId})
WITH DISTINCT k, x
MATCH (k)-[:REPORTED_IN]->(doc:Document)
OPTIONAL MATCH (k)-[:PRESENTED_WITH]->(pc:Condition)
WITH k, x, doc, collect(DISTINCT pc.name) AS conditions
OPTIONAL MATCH (k)-[:DESCRIBED_IN]->(r:Reference)
WITH k, x, doc, conditions, collect(DISTINCT coalesce(r.title, r.citation, r.id)) AS references
OPTIONAL MATCH (doc)-[:PUBLISHED_AS]->(pub:Reference)
RETURN k.id AS id, coalesce(k.patientId, k.id) AS patientId, coalesce(k.label, k.name) AS label, k.age AS age, k.sex AS sex, coalesce(x.dose, k.dose) AS dose,
       k.timeToOnset AS timeToOnset, k.dechallenge AS dechallenge, k.rechallenge AS rechallenge,
       k.outcome AS outcome, k['outcomeCategory'] AS outcomeCategory, k.management AS management, k['naranjoScore'] AS naranjoScore,
       k['naranjoCategory'] AS naranjoCategory, conditions,
       doc.id AS documentId, coalesce(doc.title, doc.path) AS document, coalesce(doc.sourceType, 'unknown') AS sourceType,
       references, pub.id AS publishedAs
ORDER BY document, label, age;
