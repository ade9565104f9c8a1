// Which of these documents are already in the graph, with what content hash and extractor version.
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.contentHash AS contentHash, d.extractorVersion AS extractorVersion;
