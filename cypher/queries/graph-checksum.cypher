// The graph's content as sorted keys, for comparing two stores (e.g. a store whose ingest was
// killed and then re-run against one ingested without interruption). One row per node (its
// sorted labels, id and key properties) and per relationship (its type, end node ids and the
// claim figures it carries), ordered; the checksum is the SHA-256 of the keys, one per line.
CALL () {
  MATCH (n)
  CALL (n) { UNWIND labels(n) AS l WITH l ORDER BY l RETURN reduce(s = '', x IN collect(l) | s + ':' + x) AS labels }
  RETURN 'node' AS kind,
         labels + ' ' + coalesce(n.id, '') + ' | ' + coalesce(n.name, '') + ' | ' + coalesce(n.contentHash, '')
         + ' | ' + coalesce(n.claimId, '') + ' | ' + coalesce(toString(n.negated), '')
         + ' | ' + coalesce(toString(n.weight), '') + ' | ' + coalesce(n.text, '') AS key
  UNION ALL
  MATCH (a)-[r]->(b)
  RETURN 'relationship' AS kind,
         type(r) + ' ' + coalesce(a.id, '') + ' -> ' + coalesce(b.id, '')
         + ' | ' + coalesce(toString(r.evidenceCount), '') + ' | ' + coalesce(toString(r.negatedCount), '')
         + ' | ' + coalesce(toString(r.documentCount), '') + ' | ' + coalesce(toString(r.confidence), '')
         + ' | ' + coalesce(toString(r.count), '') + ' | ' + coalesce(toString(r.number), '') AS key
}
RETURN kind, key
ORDER BY kind, key;
