// One Evidence node per statement, pointing at its document, its subject and its object.
// The claim it supports is (subject)-[predicate]->(object); claimId ties them together.
// $rows: {id, document, subject, object, cites, props}
UNWIND $rows AS row
MATCH (d:Document {id: row.document}), (s:Entity {id: row.subject}), (o:Entity {id: row.object})
MERGE (e:Evidence {id: row.id})
SET e += row.props
MERGE (e)-[:FROM]->(d)
MERGE (e)-[:SUBJECT]->(s)
MERGE (e)-[:OBJECT]->(o)
WITH e, row
UNWIND row.cites AS refId
MATCH (r:Reference {id: refId})
MERGE (e)-[:CITES]->(r);
