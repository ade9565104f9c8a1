// After an offline import: sets the list properties that are empty. The importer stores no empty
// arrays, so the import files leave them out and list them here; the transactional path stores
// them as [] (a document without section titles has sections = [], a mention without offsets
// starts = []).
// $rows: {label ('Document', 'Entity', 'Case', 'Evidence', or 'MENTIONS' for the relationship
//         from Document id to Entity to), key (the property), id, to}
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Document {id: row.id}) WHERE row.label = 'Document'
  SET n[row.key] = []
}
CALL (row) {
  MATCH (n:Entity {id: row.id}) WHERE row.label = 'Entity'
  SET n[row.key] = []
}
CALL (row) {
  MATCH (n:Case {id: row.id}) WHERE row.label = 'Case'
  SET n[row.key] = []
}
CALL (row) {
  MATCH (n:Evidence {id: row.id}) WHERE row.label = 'Evidence'
  SET n[row.key] = []
}
CALL (row) {
  MATCH (:Document {id: row.id})-[m:MENTIONS]->(:Entity {id: row.to}) WHERE row.label = 'MENTIONS'
  SET m[row.key] = []
}
