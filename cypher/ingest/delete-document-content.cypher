// Removes what a document contributed (its evidence, cases, events and links) before a changed version
// is written again; returns the claims whose relationships must then be recomputed.
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (d:Document {id: id})
OPTIONAL MATCH (e:Evidence {documentId: id})
WITH d, collect(e) AS evidence,
     collect(DISTINCT {id: e.claimId, predicate: e.predicate, subject: e.subjectId, object: e.objectId}) AS claims
OPTIONAL MATCH (c:Case)-[:REPORTED_IN]->(d)
WITH d, evidence, claims, collect(c) AS cases
OPTIONAL MATCH (v:Event {documentId: d.id})
WITH d, evidence, claims, cases, collect(v) AS events
FOREACH (x IN evidence | DETACH DELETE x)
FOREACH (x IN cases | DETACH DELETE x)
FOREACH (x IN events | DETACH DELETE x)
WITH d, claims
OPTIONAL MATCH (d)-[r:CITES|PUBLISHED_AS|MENTIONS]->()
DELETE r
WITH DISTINCT claims
UNWIND claims AS claim
WITH claim WHERE claim.id IS NOT NULL
RETURN DISTINCT claim;
