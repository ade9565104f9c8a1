// Full-text search over patient cases (`case_text` index), best first, with what facets need: drugs,
// conditions, outcome (as stated, and its category), sex, age, and the reporting document's design,
// year and journal. $query: a Lucene query string built and escaped by the caller; $limit: how many hits.
CALL db.index.fulltext.queryNodes('case_text', $query, {limit: $limit}) YIELD node, score
OPTIONAL MATCH (node)-[:RECEIVED]->(d:Drug)
WITH node, score, collect(DISTINCT d.name) AS drugs
OPTIONAL MATCH (node)-[:PRESENTED_WITH]->(c:Condition)
WITH node, score, drugs, collect(DISTINCT c.name) AS conditions
OPTIONAL MATCH (node)-[:REPORTED_IN]->(doc:Document)
RETURN node.id AS id, coalesce(node.label, node.name) AS label, score,
       coalesce(node.text, reduce(s = '', t IN [x IN [node.symptomText, node.findings, node.management, node.outcome] WHERE x IS NOT NULL] | s + t + '; ')) AS text,
       node.age AS age, node.sex AS sex, node.outcome AS outcome, node['outcomeCategory'] AS outcomeCategory,
       drugs, conditions, doc.id AS documentId, coalesce(doc.title, doc.url, doc.id) AS document,
       doc.sourceType AS sourceType, doc.year AS year, doc.journal AS journal
ORDER BY score DESC, id;
