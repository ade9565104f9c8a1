// The running transaction of one researcher's query, found by the tag litgraph put in its metadata
// (the query watchdog stops it when the server's own time limit did not). $tag: the tag.
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.litgraphQuery = $tag
RETURN transactionId;
