// The ingested documents that are not already listed as a publication (no PUBLISHED_AS Reference):
// web pages, notes, notices, labels and texts without a DOI or PMID, so that a reference list cites
// every source behind the evidence. Never a local file path: url is kept only when it is a web address.
// $drug: null for every such document; else a drug name or synonym, and only the documents holding
//        statements about that drug or reporting patients who received it.
MATCH (doc:Document)
WHERE NOT (doc)-[:PUBLISHED_AS]->(:Reference)
  AND ($drug IS NULL OR EXISTS {
    MATCH (d:Drug)
    WHERE d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
    MATCH (x) WHERE (x:Evidence AND (x)-[:FROM]->(doc) AND (x)-[:SUBJECT]->(d))
                 OR (x:Case AND (x)-[:REPORTED_IN]->(doc) AND (x)-[:RECEIVED]->(d))
  })
RETURN doc.id AS id, doc.title AS title, doc.journal AS journal, doc.year AS year, doc.doi AS doi, doc.pmid AS pmid,
       CASE WHEN coalesce(doc.url, '') =~ '(?i)https?://.*' THEN doc.url END AS url,
       coalesce(doc.authors, []) AS authors, doc.sourceType AS design, doc.published AS published, doc.publisher AS publisher
ORDER BY id;
