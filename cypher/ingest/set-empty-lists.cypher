// After an offline import: sets the list properties that are empty. The importer stores no empty
// arrays, so the import files leave them out and list them here; the transactional path stores
// them as [] (a document without section titles has sections = [], a mention without offsets
// starts = []). One list of rows per label, so each row is one index seek.
// $documents, $entities, $cases, $evidence, $events: [{id, key}]; $mentions: [{id (Document), to (Entity), key}]
CALL () {
  UNWIND $documents AS row
  MATCH (n:Document {id: row.id})
  SET n[row.key] = []
}
CALL () {
  UNWIND $entities AS row
  MATCH (n:Entity {id: row.id})
  SET n[row.key] = []
}
CALL () {
  UNWIND $cases AS row
  MATCH (n:Case {id: row.id})
  SET n[row.key] = []
}
CALL () {
  UNWIND $evidence AS row
  MATCH (n:Evidence {id: row.id})
  SET n[row.key] = []
}
CALL () {
  UNWIND $events AS row
  MATCH (n:Event {id: row.id})
  SET n[row.key] = []
}
CALL () {
  UNWIND $mentions AS row
  MATCH (:Document {id: row.id})-[m:MENTIONS]->(:Entity {id: row.to})
  SET m[row.key] = []
}
