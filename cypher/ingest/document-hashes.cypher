// Which of these documents are already in the graph, and with what content hash.
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.contentHash AS contentHash;
