// Per drug, its relationship to one condition: CAUSES / TREATS claims (evidence, confidence),
// negated statements, and patients who received it and presented with the condition or a relative.
// $drugIds: list of drug ids; $conditionId: the condition's id; $conditionIds: it and its IS_A relatives.
UNWIND range(0, size($drugIds) - 1) AS i
MATCH (d:Drug {id: $drugIds[i]})
MATCH (c:Condition {id: $conditionId})
OPTIONAL MATCH (d)-[cz:CAUSES]->(c)
OPTIONAL MATCH (d)-[tr:TREATS]->(c)
CALL (d) {
  UNWIND $conditionIds AS cid
  OPTIONAL MATCH (e:Evidence) WHERE e.subjectId = d.id AND e.objectId = cid AND e.negated
  RETURN count(e) AS negatedStatements
}
CALL (d) {
  UNWIND $conditionIds AS cid
  OPTIONAL MATCH (:Condition {id: cid})<-[:PRESENTED_WITH]-(k:Case)-[:RECEIVED]->(d)
  RETURN count(DISTINCT coalesce(k.patientId, k.id)) AS cases
}
RETURN i, d.id AS id, d.name AS drug,
       coalesce(cz.evidenceCount, 0) AS causesEvidence, cz.confidence AS causesConfidence,
       coalesce(tr.evidenceCount, 0) AS treatsEvidence, tr.confidence AS treatsConfidence,
       negatedStatements, cases
ORDER BY i;
