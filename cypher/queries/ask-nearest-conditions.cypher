// The conditions a drug has statements about, nearest first to an asked condition in the IS_A
// hierarchy (steps up or down, up to six; 'narrower', 'broader' or 'related' through a common
// relative), then the rest by number of statements. Used to say what the graph does have when a
// question about the pair finds no statement.
// $drugId: the drug's id; $conditionId: the asked condition's id; $limit: how many conditions.
MATCH (d:Drug {id: $drugId}), (asked:Condition {id: $conditionId})
MATCH (d)<-[:SUBJECT]-(e:Evidence)-[:OBJECT]->(c:Condition)
WITH asked, c, count(e) AS statements, collect(DISTINCT e.predicate) AS predicates,
     count(CASE WHEN e.negated THEN 1 END) AS negated
OPTIONAL CALL (asked, c) {
  WITH asked, c WHERE c <> asked
  MATCH p = shortestPath((c)-[:IS_A*1..6]-(asked))
  RETURN length(p) AS hops
}
WITH asked, c, statements, predicates, negated, CASE WHEN c = asked THEN 0 ELSE hops END AS distance
RETURN c.id AS id, c.name AS name, statements, negated, predicates, distance,
       CASE WHEN c = asked THEN 'exact'
            WHEN EXISTS { (c)-[:IS_A*1..6]->(asked) } THEN 'narrower'
            WHEN EXISTS { (asked)-[:IS_A*1..6]->(c) } THEN 'broader'
            WHEN distance IS NOT NULL THEN 'related' END AS relation
ORDER BY distance IS NULL, distance, statements DESC, name
LIMIT $limit;
