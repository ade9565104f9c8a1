// Which grounded entities a document names, and how often. $rows: {document, entity, count}
UNWIND $rows AS row
MATCH (d:Document {id: row.document}), (e:Entity {id: row.entity})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count;
