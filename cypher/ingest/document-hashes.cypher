// Which of these documents are already in the graph, with what content hash, and how many
// passages (null for a document written before passages existed).
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.contentHash AS contentHash, d.passageCount AS passageCount;
