// The graph's content as sorted keys, for comparing two stores (a store whose ingest was killed
// and re-run against one ingested without interruption; a bulk-imported store against one written
// transactionally). One row per node: its sorted labels (AdverseEvent included), its id and every
// property; one per relationship: its type, its end nodes' ids and every property (the claim
// figures evidenceCount, negatedCount, hedgedCount, documentCount, confidence, claimId; mention
// counts; reference numbers; exposure dose and role). Each property is written key=type:value with
// lists element by element, so an empty list, a missing property and an empty string all differ.
// Internal node ids never appear. The checksum is the SHA-256 of the rows, one per line, in order.
CALL () {
  MATCH (n)
  CALL (n) {
    UNWIND labels(n) AS l
    WITH l ORDER BY l
    RETURN reduce(s = '', x IN collect(l) | s + ':' + x) AS labels
  }
  CALL (n) {
    UNWIND keys(n) AS k
    WITH k, n[k] AS v ORDER BY k
    RETURN reduce(s = '', p IN collect(k + '=' + valueType(v) + ':'
             + CASE WHEN valueType(v) STARTS WITH 'LIST'
                    THEN '[' + reduce(t = '', x IN v | t + toString(x) + '\u001f') + ']'
                    ELSE toString(v) END) | s + ' {' + p + '}') AS props
  }
  RETURN 'node' AS kind, labels + ' ' + coalesce(n.id, '') + props AS key
  UNION ALL
  MATCH (a)-[r]->(b)
  CALL (r) {
    UNWIND keys(r) AS k
    WITH k, r[k] AS v ORDER BY k
    RETURN reduce(s = '', p IN collect(k + '=' + valueType(v) + ':'
             + CASE WHEN valueType(v) STARTS WITH 'LIST'
                    THEN '[' + reduce(t = '', x IN v | t + toString(x) + '\u001f') + ']'
                    ELSE toString(v) END) | s + ' {' + p + '}') AS props
  }
  RETURN 'relationship' AS kind, type(r) + ' ' + coalesce(a.id, '') + ' -> ' + coalesce(b.id, '') + props AS key
}
RETURN kind, key
ORDER BY kind, key;
