// Every claim relationship (CAUSES, TREATS, INHIBITS, ... : those carrying a claimId) must have
// evidenceCount equal to the number of non-negated Evidence nodes with its claimId, as ingest
// writes them in one transaction. Returns how many claims there are (and how many CAUSES), how
// many disagree ("torn"), their ids, and a few examples. Neo4j reads are read-committed, not
// snapshots: a reader racing a commit can see a transient mismatch that a second look clears.
OPTIONAL MATCH ()-[r]->()
WHERE r.claimId IS NOT NULL
CALL (r) {
  OPTIONAL MATCH (e:Evidence {claimId: r.claimId})
  WHERE NOT e.negated
  RETURN count(e) AS support
}
WITH r, support
RETURN count(r) AS claims,
       count(CASE WHEN type(r) = 'CAUSES' THEN 1 END) AS causes,
       count(CASE WHEN r IS NOT NULL AND r.evidenceCount <> support THEN 1 END) AS torn,
       collect(CASE WHEN r IS NOT NULL AND r.evidenceCount <> support THEN r.claimId END) AS tornIds,
       collect(CASE WHEN r IS NOT NULL AND r.evidenceCount <> support
               THEN type(r) + ' ' + r.claimId + ': ' + r.evidenceCount + ' stated, ' + support + ' found' END)[0..5] AS examples;
