// Removes the passages of documents whose content changed, before their new passages are written.
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (p:Passage {documentId: id})
DETACH DELETE p;
