// Evidence map for systematic and scoping reviews, long format: one row per drug, condition,
// relationship, direction and source document (the `demo` command writes it as CSV; the
// `export evidence-*` kinds build on it).
// $drug: drug name, brand name or code (synonyms resolve), or null for every drug.
// $condition: condition name or synonym, or null for every condition; narrower conditions
//             (up to four IS_A steps below it) are included.
// $relationship: CAUSES or TREATS, or null for both.
// Columns: direction is 'for' (supporting statements) or 'against' (negated ones); certainty is
// 'asserted' when any of those statements is unhedged, else 'hedged'; design is
// Document.sourceType; patient_ids are the patients reported in the document that RECEIVED the drug
// and PRESENTED_WITH the condition (Case.patientId: one id for all tellings of one patient, so a patient
// retold in several documents counts once when rows are combined) and cases counts them; statements counts the statements; quote is one verbatim
// statement (unhedged first, then earliest in the text); citation is formatted from the
// document (or the reference it is published as): authors, year, title, journal, DOI/PMID, or
// title and path/URL when it has no bibliographic details.
MATCH (e:Evidence)-[:SUBJECT]->(d:Drug), (e)-[:OBJECT]->(c:Condition), (e)-[:FROM]->(doc:Document)
WHERE ($drug IS NULL OR d.nameLower = toLower($drug)
       OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug)))
  AND ($relationship IS NULL OR e.predicate = toUpper($relationship))
  AND ($condition IS NULL OR c.nameLower = toLower($condition)
       OR any(s IN coalesce(c.synonyms, []) WHERE toLower(s) = toLower($condition))
       OR EXISTS { MATCH (c)-[:IS_A*1..4]->(b:Condition)
                   WHERE b.nameLower = toLower($condition)
                      OR any(s IN coalesce(b.synonyms, []) WHERE toLower(s) = toLower($condition)) })
WITH d, c, doc, e.predicate AS relationship, CASE WHEN e.negated THEN 'against' ELSE 'for' END AS direction,
     collect(e) AS statements
WITH d, c, doc, relationship, direction, statements,
     reduce(best = null, x IN statements |
       CASE WHEN best IS NULL
              OR (best.hedged AND NOT x.hedged)
              OR (best.hedged = x.hedged AND (x.start < best.start OR (x.start = best.start AND x.id < best.id)))
            THEN x ELSE best END) AS quote
OPTIONAL MATCH (doc)-[:PUBLISHED_AS]->(pub:Reference)
WITH d, c, doc, relationship, direction, statements, quote, head(collect(pub)) AS pub
WITH d, c, doc, relationship, direction, statements, quote, pub,
     coalesce(doc.year, pub.year) AS year,
     coalesce(doc.authors, []) AS authors,
     coalesce(doc.journal, pub.journal) AS journal,
     coalesce(doc.doi, pub.doi) AS doi,
     coalesce(doc.pmid, pub.pmid) AS pmid
WITH d, c, doc, relationship, direction, statements, quote, year, pub,
     CASE WHEN journal IS NULL AND doi IS NULL AND pmid IS NULL AND size(authors) = 0
          THEN [coalesce(doc.title, pub.title), coalesce(doc.url, doc.path)]
          ELSE [CASE size(authors) WHEN 0 THEN null WHEN 1 THEN authors[0]
                  WHEN 2 THEN authors[0] + ' & ' + authors[1] ELSE authors[0] + ' et al.' END
                + CASE WHEN year IS NULL THEN '' ELSE ' (' + toString(year) + ')' END,
                coalesce(doc.title, pub.title), journal,
                CASE WHEN doi IS NOT NULL THEN 'doi:' + doi WHEN pmid IS NOT NULL THEN 'PMID:' + pmid END]
     END AS parts,
     COLLECT { MATCH (k:Case)-[:REPORTED_IN]->(doc) WHERE (k)-[:RECEIVED]->(d) AND (k)-[:PRESENTED_WITH]->(c)
               RETURN DISTINCT coalesce(k.patientId, k.id) } AS patients
RETURN d.name AS drug, d.id AS drug_id, c.name AS condition, c.id AS condition_id,
       relationship, direction,
       CASE WHEN any(x IN statements WHERE NOT x.hedged) THEN 'asserted' ELSE 'hedged' END AS certainty,
       doc.sourceType AS design, year,
       size(patients) AS cases,
       size(statements) AS statements, quote.text AS quote,
       reduce(s = '', p IN [x IN parts WHERE x IS NOT NULL AND trim(x) <> ''] |
              s + CASE WHEN s = '' THEN '' ELSE '. ' END + p) AS citation,
       doc.id AS document_id, patients AS patient_ids
ORDER BY drug, condition, relationship, direction DESC, design, document_id;
