// Every relationship with its type and properties, for the graph exports (GraphML, KGX).
// No parameters. source/target are the end nodes' keys as in export-graph-nodes.cypher.
MATCH (a)-[r]->(b)
RETURN coalesce(a.id, elementId(a)) AS source, type(r) AS type, coalesce(b.id, elementId(b)) AS target,
       properties(r) AS properties
ORDER BY source, type, target;
