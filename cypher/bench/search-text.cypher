// Benchmark: a researcher's free-text search over patient cases and evidence statements
// (the case_text and evidence_text full-text indexes), best ten hits.
// $q: a Lucene query, e.g. '"pulmonary fibrosis"'.
CALL () {
  CALL db.index.fulltext.queryNodes('case_text', $q, {limit: 10}) YIELD node, score
  RETURN 'case' AS kind, node.id AS id, score, left(node.text, 200) AS text
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_text', $q, {limit: 10}) YIELD node, score
  RETURN 'evidence' AS kind, node.id AS id, score, left(node.text, 200) AS text
}
RETURN kind, id, score, text
ORDER BY score DESC
LIMIT 10;
