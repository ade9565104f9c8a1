// Documents that incoming documents replace: the same source (path or URL) kept under another id
// and without a PMID, PMCID or DOI of its own — what earlier litgraph versions keyed by a hash of
// their version and the text. Their content and nodes are removed in the writing transaction.
// $rows: [{id, path}] of incoming documents keyed by their source; $keep: ids written in this batch.
UNWIND $rows AS row
MATCH (old:Document {path: row.path})
WHERE old.id <> row.id AND NOT old.id IN $keep
  AND old.pmid IS NULL AND old.pmcid IS NULL AND old.doi IS NULL
RETURN DISTINCT old.id AS id;
