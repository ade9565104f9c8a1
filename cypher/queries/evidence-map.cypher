// An evidence map in long format: one row per (drug, condition, relationship, source document).
// For scoping and systematic reviews; the CLI writes it as CSV. Optional $drug narrows to one drug.
MATCH (e:Evidence)-[:SUBJECT]->(d:Drug), (e)-[:OBJECT]->(c:Condition), (e)-[:FROM]->(doc:Document)
WHERE $drug IS NULL OR d.nameLower = toLower($drug)
   OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
WITH d, c, e.predicate AS relationship, doc, collect(e) AS items
OPTIONAL MATCH (k:Case)-[:REPORTED_IN]->(doc)
WHERE (k)-[:RECEIVED]->(d) AND (k)-[:PRESENTED_WITH]->(c)
WITH d, c, relationship, doc, items, count(DISTINCT k) AS cases
OPTIONAL MATCH (doc)-[:PUBLISHED_AS]->(ref:Reference)
RETURN d.name AS drug, c.name AS condition, relationship,
       doc.sourceType AS design, cases,
       CASE WHEN all(x IN items WHERE x.negated) THEN 'against' ELSE 'for' END AS direction,
       CASE WHEN all(x IN items WHERE x.hedged) THEN 'hedged' ELSE 'asserted' END AS certainty,
       size(items) AS statements,
       head([x IN items WHERE NOT x.negated | x.text] + [x IN items | x.text]) AS quote,
       coalesce(ref.id, doc.title, doc.path) AS citation,
       doc.year AS year
ORDER BY drug, condition, relationship, design, citation;
