// Broader/narrower links between entities of one kind (e.g. the MeSH tree for conditions).
// $rows: {child, parent}
UNWIND $rows AS row
MATCH (c:Entity {id: row.child}), (p:Entity {id: row.parent})
MERGE (c)-[:IS_A]->(p);
