// Patients reported to have received a drug, with what the source states of each.
// $drug: drug name or synonym.
MATCH (d:Drug)
WHERE d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
MATCH (c:Case)-[x:RECEIVED]->(d)
MATCH (c)-[:REPORTED_IN]->(doc:Document)
OPTIONAL MATCH (c)-[:PRESENTED_WITH]->(k:Condition)
RETURN c.age AS age, c.sex AS sex, coalesce(x.dose, c.dose) AS dose, c.timeToOnset AS onset,
       c.outcome AS outcome, c.dechallenge AS dechallenge, c.rechallenge AS rechallenge,
       collect(DISTINCT k.name) AS conditions, doc.title AS source
ORDER BY source, age;
