// Every node with its labels and properties, for the graph exports (GraphML, KGX).
// No parameters. key is the node's id property (elementId only for a node without one).
MATCH (n)
RETURN coalesce(n.id, elementId(n)) AS key, labels(n) AS labels, properties(n) AS properties
ORDER BY key;
