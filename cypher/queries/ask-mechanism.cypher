// Mechanism paths from a drug to a condition, with the statements behind every hop.
// Paths: drug -INHIBITS-> target -REGULATES-> process -LEADS_TO-> condition, and
//        drug -INHIBITS-> process -LEADS_TO-> condition.
// A path is kept when its end condition is the asked one or an IS_A relative (relation 'exact',
// 'narrower', 'broader'), or when a statement of its LEADS_TO hop comes from a document in which
// the drug is stated to CAUSE the asked condition (or a relative): relation 'context'.
// $drugId: the drug's id; $conditionId: the asked condition's id; $maxEvidence: statements per hop.
MATCH (d:Drug {id: $drugId})
MATCH (asked:Condition {id: $conditionId})
OPTIONAL MATCH (d)-[cz:CAUSES]->(ca:Condition)
  WHERE ca = asked OR EXISTS { (ca)-[:IS_A*1..4]->(asked) } OR EXISTS { (asked)-[:IS_A*1..4]->(ca) }
OPTIONAL MATCH (ce:Evidence {claimId: cz.claimId}) WHERE NOT coalesce(ce.negated, false)
WITH d, asked, collect(DISTINCT ce.documentId) AS causeDocs
CALL (d) {
  MATCH (d)-[i:INHIBITS]->(t:Target)-[g:REGULATES]->(pr:Process)-[l:LEADS_TO]->(c:Condition)
  RETURN [i, g, l] AS rels, pr, l, c
  UNION
  MATCH (d)-[i:INHIBITS]->(pr:Process)-[l:LEADS_TO]->(c:Condition)
  RETURN [i, l] AS rels, pr, l, c
}
WITH d, asked, causeDocs, rels, pr, l, c,
     CASE WHEN c = asked THEN 'exact'
          WHEN EXISTS { (c)-[:IS_A*1..4]->(asked) } THEN 'narrower'
          WHEN EXISTS { (asked)-[:IS_A*1..4]->(c) } THEN 'broader' END AS relation
CALL (l, causeDocs) {
  OPTIONAL MATCH (le:Evidence {claimId: l.claimId})
    WHERE le.documentId IN causeDocs AND NOT coalesce(le.negated, false)
  RETURN collect(DISTINCT le.documentId) AS sharedDocs
}
WITH d, asked, rels, pr, c, CASE WHEN relation IS NULL AND size(sharedDocs) > 0 THEN 'context' ELSE relation END AS relation,
     sharedDocs
WHERE relation IS NOT NULL
CALL (rels) {
  UNWIND range(0, size(rels) - 1) AS i
  WITH i, rels[i] AS r
  CALL (r) {
    OPTIONAL MATCH (e:Evidence {claimId: r.claimId})-[:FROM]->(doc:Document)
    WITH e, doc ORDER BY e.negated, e.weight DESC, e.id
    LIMIT $maxEvidence
    RETURN collect(CASE WHEN e IS NULL THEN null ELSE
             {id: e.id, text: e.text, negated: coalesce(e.negated, false), hedged: coalesce(e.hedged, false),
              weight: e.weight, documentId: doc.id, document: coalesce(doc.title, doc.path),
              sourceType: doc.sourceType} END) AS evidence
  }
  WITH i, r, evidence ORDER BY i
  RETURN collect({type: type(r), fromId: startNode(r).id, from: startNode(r).name, fromKind: [x IN labels(startNode(r)) WHERE x IN ['Drug', 'Target', 'Process', 'Condition']][0],
                  toId: endNode(r).id, to: endNode(r).name, toKind: [x IN labels(endNode(r)) WHERE x IN ['Drug', 'Target', 'Process', 'Condition']][0],
                  confidence: r.confidence, evidenceCount: r.evidenceCount, evidence: evidence}) AS hops
}
CALL (sharedDocs) {
  UNWIND sharedDocs AS docId
  MATCH (doc:Document {id: docId})
  RETURN collect({id: doc.id, title: coalesce(doc.title, doc.path), sourceType: doc.sourceType}) AS contextDocuments
}
RETURN pr.name AS process, c.id AS conditionId, c.name AS condition, relation, hops, contextDocuments;
