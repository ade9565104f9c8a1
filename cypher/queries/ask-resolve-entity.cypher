// Entities whose name or one of whose synonyms equals $name, case-insensitive, then entities a
// document defines $name as an abbreviation of ("interstitial lung disease (ILD)"); index-driven:
// the name through the `entity_name` index on nameLower, synonyms through the `entity_names`
// full-text index (a phrase query) and then an exact, case-insensitive comparison; abbreviations
// through the `mention_short_forms` full-text index on MENTIONS, ranked by how many documents define them;
// last, an acronym typed in capitals that spells an entity's initials (`entity_initials` index: "ILD").
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
  UNION
  CALL db.index.fulltext.queryRelationships('mention_short_forms', $phrase, {limit: 200}) YIELD relationship
  WITH relationship AS m
  WHERE any(s IN coalesce(m.shortForms, []) WHERE toLower(s) = toLower($name))
  WITH endNode(m) AS e, count(*) AS documents
  RETURN e, 2 + 1.0 / (1 + documents) AS rank
  UNION
  MATCH (e:Entity) WHERE e.initials = toLower($name) AND size($name) >= 2 AND $name = toUpper($name)
  RETURN e, 3 AS rank
}
WITH e, min(rank) AS rank
WHERE $labels IS NULL OR any(l IN labels(e) WHERE l IN $labels)
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l IN ['Drug', 'Target', 'Process', 'Condition']][0] AS kind,
       coalesce(e.synonyms, []) AS synonyms, rank
ORDER BY rank, size(e.name), id;
