// Close names for a name that resolved to nothing: fuzzy full-text search over `entity_names`.
// $query: an escaped Lucene query built by the caller (e.g. 'glevec~1'); $labels: list or null;
// $limit: how many suggestions.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: 50}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l IN ['Drug', 'Target', 'Process', 'Condition']][0] AS kind, score
ORDER BY score DESC
LIMIT $limit;
