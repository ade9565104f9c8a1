// Passages of a document's text (runs of whole sentences, verbatim, with offsets) for full-text
// search over every sentence, whether or not it became evidence.
// $rows: {id, document, props: {text, documentId, start, end, section}}
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (p:Passage {id: row.id})
SET p += row.props
MERGE (p)-[:IN]->(d);
