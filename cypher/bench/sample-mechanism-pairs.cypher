// Benchmark parameters: drug -> condition pairs joined by stated mechanism paths (what
// `ask mechanism` finds), the pairs with most paths first, as names.
// $limit: how many.
MATCH (d:Drug)-[:INHIBITS]->()-[:REGULATES|LEADS_TO*1..2]->(c:Condition)
WITH d, c, count(*) AS paths
ORDER BY paths DESC, d.name, c.name
LIMIT $limit
RETURN d.name AS drug, c.name AS condition, paths;
