// A condition and its IS_A relatives (up to 4 levels): 'exact', 'narrower' (descendants), 'broader' (ancestors).
// $conditionId: the condition's id.
MATCH (asked:Condition {id: $conditionId})
CALL (asked) {
  RETURN asked AS c, 'exact' AS relation
  UNION
  MATCH (c:Condition)-[:IS_A*1..4]->(asked) RETURN c, 'narrower' AS relation
  UNION
  MATCH (asked)-[:IS_A*1..4]->(c:Condition) RETURN c, 'broader' AS relation
}
RETURN DISTINCT c.id AS id, c.name AS name, relation;
