// Benchmark parameters: the best-supported drug -> condition claims, as names.
// $limit: how many.
MATCH (d:Drug)-[r:CAUSES|TREATS]->(c:Condition)
RETURN d.name AS drug, c.name AS condition, type(r) AS predicate, r.evidenceCount AS evidence
ORDER BY evidence DESC, drug, condition
LIMIT $limit;
