// Bibliographic records and how documents relate to them.
// $rows: {document, id, role ('PUBLISHED_AS' or 'CITES'), number, props}
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (r:Reference {id: row.id})
SET r += row.props
MERGE (d)-[rel:$(row.role)]->(r)
SET rel.number = row.number;
