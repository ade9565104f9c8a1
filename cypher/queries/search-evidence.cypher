// Full-text search over evidence sentences (`evidence_text` index), best first.
// $query: a Lucene query string built and escaped by the caller; $limit: how many hits.
CALL db.index.fulltext.queryNodes('evidence_text', $query, {limit: $limit}) YIELD node, score
OPTIONAL MATCH (node)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (node)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (node)-[:FROM]->(doc:Document)
RETURN node.id AS id, node.predicate AS predicate, coalesce(node.negated, false) AS negated, score, node.text AS text,
       CASE WHEN s:Drug THEN s.name END AS drug, CASE WHEN o:Condition THEN o.name END AS condition,
       s.name AS subject, o.name AS object,
       doc.id AS documentId, coalesce(doc.title, doc.path) AS document, doc.sourceType AS sourceType
ORDER BY score DESC;
