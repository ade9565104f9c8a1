// Upserts Document nodes. $rows: one map per document (see DocumentGraph.DocumentInfo).
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props;
