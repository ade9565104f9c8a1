// Every statement with the drug as subject and one of the given conditions as object, any predicate
// (CAUSES, TREATS, ...), negated ones included; with the source's design and the references behind it.
// Index-driven through `evidence_subject_object` (subjectId, objectId).
// $drugId: the drug's id; $conditions: list of {id, relation} (from ask-related-conditions).
UNWIND $conditions AS cond
MATCH (e:Evidence) WHERE e.subjectId = $drugId AND e.objectId = cond.id
MATCH (e)-[:FROM]->(doc:Document)
MATCH (c:Entity {id: cond.id})
OPTIONAL MATCH (e)-[:CITES]->(r:Reference)
WITH e, doc, c, cond, collect(DISTINCT {id: r.id, title: r.title, doi: r.doi, pmid: r.pmid, year: r.year, citation: r.citation}) AS cited
OPTIONAL MATCH (doc)-[:PUBLISHED_AS]->(pub:Reference)
RETURN e.id AS id, e.predicate AS predicate, coalesce(e.negated, false) AS negated, coalesce(e.hedged, false) AS hedged,
       e.weight AS weight, e.text AS text, c.id AS conditionId, c.name AS condition, cond.relation AS relation,
       doc.id AS documentId, coalesce(doc.title, doc.path) AS document, coalesce(doc.sourceType, 'unknown') AS sourceType,
       doc.year AS year, [x IN cited WHERE x.id IS NOT NULL] AS cites,
       CASE WHEN pub IS NULL THEN null ELSE {id: pub.id, title: pub.title, doi: pub.doi, pmid: pub.pmid, year: pub.year} END AS publishedAs
ORDER BY sourceType, documentId, e.start, id;
