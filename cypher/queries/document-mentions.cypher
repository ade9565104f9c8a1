// Where a document names each grounded entity (the MENTIONS offsets), with the entity's kind.
// Parameters: $pmids (list of PubMed ids).
// Columns: pmid, entityId, kind, starts, ends
UNWIND $pmids AS pmid
MATCH (d:Document {pmid: pmid})-[m:MENTIONS]->(x:Entity)
RETURN pmid, x.id AS entityId, x.kind AS kind, m.starts AS starts, m.ends AS ends
ORDER BY pmid, entityId;
