// Per drug, its statements about one condition, by the condition hierarchy: statements about the
// condition itself or a narrower one (IS_A descendants) count for CAUSES / TREATS / negated, with
// the weights the confidence is computed from; statements about a broader condition (an ancestor)
// are counted apart and never as support. Patients: received the drug and presented with the
// condition or a narrower one.
// $drugIds: list of drug ids; $conditions: list of {id, relation} from ask-related-conditions.
UNWIND range(0, size($drugIds) - 1) AS i
MATCH (d:Drug {id: $drugIds[i]})
CALL (d) {
  UNWIND $conditions AS cond
  OPTIONAL MATCH (e:Evidence) WHERE e.subjectId = d.id AND e.objectId = cond.id
  WITH cond, e, cond.relation <> 'broader' AS counted
  RETURN count(CASE WHEN counted AND e.predicate = 'CAUSES' AND NOT e.negated THEN 1 END) AS causesEvidence,
         collect(CASE WHEN counted AND e.predicate = 'CAUSES' AND NOT e.negated THEN e.weight END) AS causesWeights,
         count(CASE WHEN counted AND e.predicate = 'TREATS' AND NOT e.negated THEN 1 END) AS treatsEvidence,
         collect(CASE WHEN counted AND e.predicate = 'TREATS' AND NOT e.negated THEN e.weight END) AS treatsWeights,
         count(CASE WHEN counted AND e.negated THEN 1 END) AS negatedStatements,
         count(CASE WHEN NOT counted AND e IS NOT NULL THEN 1 END) AS broaderStatements,
         count(DISTINCT CASE WHEN counted AND cond.relation = 'narrower' AND e IS NOT NULL THEN cond.id END) AS narrowerConditions
}
CALL (d) {
  UNWIND [c IN $conditions WHERE c.relation <> 'broader'] AS cond
  OPTIONAL MATCH (:Condition {id: cond.id})<-[:PRESENTED_WITH]-(k:Case)-[:RECEIVED]->(d)
  RETURN count(DISTINCT coalesce(k.patientId, k.id)) AS cases
}
RETURN i, d.id AS id, d.name AS drug, causesEvidence, causesWeights, treatsEvidence, treatsWeights,
       negatedStatements, broaderStatements, narrowerConditions, cases
ORDER BY i;
