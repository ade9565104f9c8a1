// Entities by id, in the order given (the concepts a query term is grounded to, as extraction
// grounds it), with whether any statement or case in the graph involves them.
// $ids: list of entity ids; $labels: list of labels to accept (e.g. ['Condition']) or null for any.
UNWIND range(0, size($ids) - 1) AS i
MATCH (e:Entity {id: $ids[i]})
WHERE $labels IS NULL OR any(l IN labels(e) WHERE l IN $labels)
RETURN i, e.id AS id, e.name AS name, [l IN labels(e) WHERE l IN ['Drug', 'Target', 'Process', 'Condition']][0] AS kind,
       coalesce(e.synonyms, []) AS synonyms
ORDER BY i;
