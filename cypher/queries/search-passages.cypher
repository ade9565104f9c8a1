// Full-text search over passages of every document's text (`passage_text` index), best first,
// with the document's design, year and journal (facets) and the statements extracted inside each
// passage (its Evidence nodes, found by document and offsets).
// $query: a Lucene query string built and escaped by the caller; $limit: how many hits.
CALL db.index.fulltext.queryNodes('passage_text', $query, {limit: $limit}) YIELD node, score
MATCH (node)-[:IN]->(doc:Document)
CALL (node) {
  OPTIONAL MATCH (e:Evidence {documentId: node.documentId})
  WHERE e.start >= node.start AND e.end <= node.end
  OPTIONAL MATCH (e)-[:SUBJECT]->(s:Entity)
  OPTIONAL MATCH (e)-[:OBJECT]->(o:Entity)
  WITH e, s, o ORDER BY e.start, e.id
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE
           {id: e.id, predicate: e.predicate, negated: coalesce(e.negated, false), hedged: coalesce(e.hedged, false),
            subject: s.name, object: o.name, drug: CASE WHEN s:Drug THEN s.name END,
            condition: CASE WHEN o:Condition THEN o.name END} END) AS statements
}
RETURN node.id AS id, score, node.text AS text, node.section AS section, node.start AS start, node.end AS end,
       statements, doc.id AS documentId, coalesce(doc.title, doc.url, doc.id) AS document,
       doc.sourceType AS sourceType, doc.year AS year, doc.journal AS journal
ORDER BY score DESC, id;
