// Bibliographic records (Reference nodes) with the documents that cite them or are published as them.
// $drug: null for every Reference; else a drug name or synonym, and only the references behind that
//        drug's evidence: those its statements cite (Evidence-[:CITES]), the publications the
//        documents holding its statements are (Document-[:PUBLISHED_AS]), and those describing
//        patients who received it (Case-[:DESCRIBED_IN]).
MATCH (r:Reference)
WHERE $drug IS NULL OR EXISTS {
  MATCH (d:Drug)
  WHERE d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
  MATCH (x) WHERE (x:Evidence AND (x)-[:SUBJECT]->(d) AND (x)-[:CITES]->(r))
               OR (x:Document AND (x)-[:PUBLISHED_AS]->(r) AND EXISTS { (d)<-[:SUBJECT]-(:Evidence)-[:FROM]->(x) })
               OR (x:Case AND (x)-[:RECEIVED]->(d) AND (x)-[:DESCRIBED_IN]->(r))
}
OPTIONAL MATCH (doc:Document)-[x:CITES|PUBLISHED_AS]->(r)
WITH r, doc, x ORDER BY doc.id, type(x)
WITH r, [y IN collect(CASE WHEN doc IS NULL THEN null
                           ELSE {id: doc.id, title: doc.title, role: type(x), number: x.number} END)
         WHERE y IS NOT NULL] AS documents
RETURN r.id AS id, r.title AS title, r.journal AS journal, r.year AS year, r.doi AS doi, r.pmid AS pmid,
       r.url AS url, r.citation AS citation, documents
ORDER BY id;
