// Entities whose name or one of whose synonyms equals $name, case-insensitive; index-driven:
// the name through the `entity_name` index on nameLower, synonyms through the `entity_names`
// full-text index (a phrase query) and then an exact, case-insensitive comparison.
// $name: the name as typed (e.g. 'Gleevec', 'STI571', 'ILD').
// $phrase: $name as an escaped Lucene phrase query (built by the caller, e.g. '"sti571"').
// $labels: list of labels to accept (e.g. ['Drug']) or null for any kind.
CALL () {
  MATCH (e:Entity) WHERE e.nameLower = toLower($name)
  RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $phrase, {limit: 50}) YIELD node
  WITH node AS e
  WHERE any(s IN coalesce(e.synonyms, []) WHERE toLower(s) = toLower($name))
  RETURN e, 1 AS rank
}
WITH e, min(rank) AS rank
WHERE $labels IS NULL OR any(l IN labels(e) WHERE l IN $labels)
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l IN ['Drug', 'Target', 'Process', 'Condition']][0] AS kind,
       coalesce(e.synonyms, []) AS synonyms, rank
ORDER BY rank, size(e.name), id;
