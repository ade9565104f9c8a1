// Patient linking, step 1: the cases of OTHER documents that could be the same patient as the given
// ones — those that received at least one of the same drugs. $ids: case ids just written.
// Columns: a, b (case ids)
UNWIND $ids AS id
MATCH (a:Case {id: id})-[:RECEIVED]->(:Drug)<-[:RECEIVED]-(b:Case)
WHERE b.documentId <> a.documentId
RETURN DISTINCT a.id AS a, b.id AS b;
