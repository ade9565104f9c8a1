// Recomputes each claim's relationship from all of its evidence, across every document:
// present while at least one non-negated statement supports it, removed when none does.
// A negated statement never creates a relationship; it is counted as negatedCount.
// confidence = 1 - prod(1 - weight) over supporting evidence (noisy-OR), in (0, 1).
// $rows: {id, predicate, subject, object}
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})
OPTIONAL MATCH (e:Evidence {claimId: row.id})
WITH row, s, o, collect(e) AS evidence
WITH row, s, o,
     [x IN evidence WHERE NOT x.negated] AS support,
     [x IN evidence WHERE x.negated] AS against
OPTIONAL MATCH (s)-[old]->(o) WHERE type(old) = row.predicate
FOREACH (_ IN CASE WHEN size(support) = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
WITH row, s, o, support, against
WHERE size(support) > 0
MERGE (s)-[r:$(row.predicate)]->(o)
SET r.claimId = row.id,
    r.evidenceCount = size(support),
    r.negatedCount = size(against),
    r.hedgedCount = size([x IN support WHERE x.hedged]),
    r.documentCount = size(reduce(acc = [], x IN support |
                        CASE WHEN x.documentId IN acc THEN acc ELSE acc + x.documentId END)),
    r.confidence = round(1.0 - reduce(p = 1.0, x IN support | p * (1.0 - x.weight)), 4);
