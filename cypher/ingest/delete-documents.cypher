// Deletes Document nodes whose content was removed first (ingest/delete-document-content).
// $ids: list of Document ids. Returns how many existed.
UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d
RETURN count(*) AS deleted;
