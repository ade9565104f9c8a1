// Whether every claim stated by some non-negated Evidence has its relationship in the graph
// (a negated statement never creates one). Columns: claims (distinct stated claims), backed
// (those whose relationship exists between the evidence's subject and object), unbacked (a few ids).
MATCH (e:Evidence)
WHERE NOT e.negated
WITH DISTINCT e.claimId AS claimId, e.subjectId AS subjectId, e.objectId AS objectId
OPTIONAL MATCH (:Entity {id: subjectId})-[r]->(:Entity {id: objectId})
WHERE r.claimId = claimId
WITH claimId, count(r) AS n
RETURN count(claimId) AS claims, count(CASE WHEN n > 0 THEN 1 END) AS backed,
       collect(CASE WHEN n = 0 THEN claimId END)[0..5] AS unbacked;
