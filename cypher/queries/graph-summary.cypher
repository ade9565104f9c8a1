// How many nodes of each label and relationships of each type the graph holds.
CALL db.labels() YIELD label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS n }
RETURN 'node' AS kind, label AS name, n AS count
UNION ALL
CALL db.relationshipTypes() YIELD relationshipType
CALL (relationshipType) { MATCH ()-[r]->() WHERE type(r) = relationshipType RETURN count(r) AS n }
RETURN 'relationship' AS kind, relationshipType AS name, n AS count;
