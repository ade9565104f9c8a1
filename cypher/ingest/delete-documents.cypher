// Deletes Document nodes (after delete-document-content removed their evidence, cases and links).
// $ids: list of Document ids. Returns how many existed.
UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d
RETURN count(*) AS deleted;
