// Every node with its labels and properties, for the graph exports (GraphML, KGX); Passage nodes
// (the text cut up for full-text search) are left out: they are an index of the documents, not knowledge.
// No parameters. key is the node's id property (elementId only for a node without one).
MATCH (n)
WHERE NOT n:Passage
RETURN coalesce(n.id, elementId(n)) AS key, labels(n) AS labels, properties(n) AS properties
ORDER BY key;
