// The references these documents, their statements and their cases link to (PUBLISHED_AS, CITES,
// DESCRIBED_IN): the candidates left without any link once the documents are deleted.
// $ids: list of Document ids.
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  OPTIONAL MATCH (d)-[:CITES|PUBLISHED_AS]->(r:Reference)
  RETURN collect(r.id) AS own
}
CALL (id) {
  OPTIONAL MATCH (:Evidence {documentId: id})-[:CITES]->(r:Reference)
  RETURN collect(r.id) AS cited
}
CALL (id) {
  OPTIONAL MATCH (:Case {documentId: id})-[:DESCRIBED_IN]->(r:Reference)
  RETURN collect(r.id) AS described
}
UNWIND own + cited + described AS refId
RETURN DISTINCT refId;
