// Every CAUSES relationship's evidenceCount must equal the number of non-negated Evidence nodes
// with its claimId (what ingest wrote in the same transaction). Returns how many CAUSES claims
// there are, how many disagree ("torn"), and a few examples.
OPTIONAL MATCH ()-[r:CAUSES]->()
CALL (r) {
  OPTIONAL MATCH (e:Evidence {claimId: r.claimId})
  WHERE NOT e.negated
  RETURN count(e) AS support
}
WITH r, support
RETURN count(r) AS claims,
       count(CASE WHEN r IS NOT NULL AND r.evidenceCount <> support THEN 1 END) AS torn,
       collect(CASE WHEN r IS NOT NULL AND r.evidenceCount <> support
               THEN r.claimId + ': ' + r.evidenceCount + ' stated, ' + support + ' found' END)[0..5] AS examples;
