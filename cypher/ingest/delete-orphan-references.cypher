// Deletes the references no document, statement or case links to any more.
// $ids: candidate Reference ids (from document-references, before the documents were deleted).
UNWIND $ids AS id
MATCH (r:Reference {id: id})
WHERE NOT EXISTS { (r)--() }
DELETE r;
