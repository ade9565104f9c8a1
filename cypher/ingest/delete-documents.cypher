// Deletes Document nodes whose content was removed first (ingest/delete-document-content).
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d;
