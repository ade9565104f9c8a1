// What a drug is reported to cause, treat and inhibit, with the weight of evidence per claim.
// $drugId: the drug's id.
MATCH (d:Drug {id: $drugId})-[r:CAUSES|TREATS|INHIBITS]->(x:Entity)
RETURN type(r) AS relationship, x.id AS id, x.name AS name,
       [l IN labels(x) WHERE l IN ['Drug', 'Target', 'Process', 'Condition']][0] AS kind,
       coalesce(r.evidenceCount, 0) AS evidence, coalesce(r.negatedCount, 0) AS negated,
       coalesce(r.documentCount, 0) AS documents, coalesce(r.confidence, 0.0) AS confidence
ORDER BY relationship, confidence DESC, evidence DESC, name;
