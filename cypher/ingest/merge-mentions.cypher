// Which grounded entities a document names, how often and where (character offsets of each
// mention in the document's text, starts[i]..ends[i]). $rows: {document, entity, count, starts, ends}
UNWIND $rows AS row
MATCH (d:Document {id: row.document}), (e:Entity {id: row.entity})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends;
