// Recomputes each claim's relationship from all of its evidence, across every document:
// present while at least one non-negated statement supports it, removed when none does.
// A negated statement never creates a relationship; it is counted as negatedCount.
// confidence = 1 - prod(1 - weight) over supporting evidence (noisy-OR), in (0, 1).
// One pass over the claim's evidence (aggregates, no per-statement lists of nodes: a claim with
// thousands of statements costs linear time); the relationship is updated in place when it exists
// and created otherwise (MERGE with a dynamic type cannot use a typed expand).
// $rows: {id, predicate, subject, object}
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})
OPTIONAL MATCH (e:Evidence {claimId: row.id})
WITH row, s, o,
     collect(CASE WHEN e.negated = false THEN e.weight END) AS weights,
     sum(CASE WHEN e.negated = false THEN 1 ELSE 0 END) AS support,
     sum(CASE WHEN e.negated = true THEN 1 ELSE 0 END) AS against,
     sum(CASE WHEN e.negated = false AND e.hedged = true THEN 1 ELSE 0 END) AS hedged,
     count(DISTINCT CASE WHEN e.negated = false THEN e.documentId END) AS documents
WITH row, s, o, support, against, hedged, documents,
     round(1.0 - reduce(p = 1.0, w IN weights | p * (1.0 - w)), 4) AS confidence
OPTIONAL MATCH (s)-[old]->(o) WHERE type(old) = row.predicate
WITH row, s, o, support, old,
     {claimId: row.id, evidenceCount: support, negatedCount: against, hedgedCount: hedged,
      documentCount: documents, confidence: confidence} AS figures
FOREACH (_ IN CASE WHEN support = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN support > 0 AND old IS NOT NULL THEN [1] ELSE [] END | SET old += figures)
WITH row, s, o, support, old, figures
WHERE support > 0 AND old IS NULL
CREATE (s)-[r:$(row.predicate)]->(o)
SET r += figures;
