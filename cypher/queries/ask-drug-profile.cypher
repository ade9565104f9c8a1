// What a drug is reported to cause, treat and inhibit, with the weight of evidence per claim.
// $drugId: the drug's id.
// $conditions: null for every claim; else a list of {id, relation} (from ask-related-conditions):
//              only claims about those conditions, each with its relation (exact, narrower, broader)
//              to the asked condition. INHIBITS claims are kept either way.
MATCH (d:Drug {id: $drugId})-[r:CAUSES|TREATS|INHIBITS]->(x:Entity)
WITH r, x, CASE WHEN $conditions IS NULL OR type(r) = 'INHIBITS' THEN null
                ELSE [c IN $conditions WHERE c.id = x.id][0] END AS cond
WHERE $conditions IS NULL OR type(r) = 'INHIBITS' OR cond IS NOT NULL
RETURN type(r) AS relationship, x.id AS id, x.name AS name,
       [l IN labels(x) WHERE l IN ['Drug', 'Target', 'Process', 'Condition']][0] AS kind,
       coalesce(r.evidenceCount, 0) AS evidence, coalesce(r.negatedCount, 0) AS negated,
       coalesce(r.documentCount, 0) AS documents, coalesce(r.confidence, 0.0) AS confidence,
       cond.relation AS relation
ORDER BY relationship, confidence DESC, evidence DESC, name;
