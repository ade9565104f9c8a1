// How many nodes of one full-text index match a query (search totals do not depend on how many
// hits are shown). $index: 'passage_text' or 'case_text'; $query: the Lucene query (escaped by the caller).
CALL db.index.fulltext.queryNodes($index, $query) YIELD node
RETURN count(node) AS hits;
