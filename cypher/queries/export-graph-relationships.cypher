// Every relationship with its type and properties, for the graph exports (GraphML, KGX); those of
// Passage nodes are left out, as in export-graph-nodes.cypher.
// No parameters. source/target are the end nodes' keys as in export-graph-nodes.cypher.
MATCH (a)-[r]->(b)
WHERE NOT a:Passage
RETURN coalesce(a.id, elementId(a)) AS source, type(r) AS type, coalesce(b.id, elementId(b)) AS target,
       properties(r) AS properties
ORDER BY source, type, target;
