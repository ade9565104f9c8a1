// Benchmark parameters: the drugs most patient cases received, as names (the case-series export).
// $limit: how many.
MATCH (:Case)-[:RECEIVED]->(d:Drug)
WITH d, count(*) AS cases
ORDER BY cases DESC, d.name
LIMIT $limit
RETURN d.name AS drug, cases;
