// Benchmark parameters: the names of the entities documents mention most, with their kind.
// $limit: how many.
MATCH (e:Entity)<-[m:MENTIONS]-(:Document)
WITH e, count(m) AS documents
ORDER BY documents DESC, e.id
LIMIT $limit
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity' AND l <> 'AdverseEvent'][0] AS kind, documents;
