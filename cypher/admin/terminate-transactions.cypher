// Stops transactions by id (the query watchdog; never reachable from researchers' Cypher, which
// refuses TERMINATE). $ids: list of transaction ids.
TERMINATE TRANSACTIONS $ids;
