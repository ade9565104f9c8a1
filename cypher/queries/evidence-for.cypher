// The statements behind one claim (drug)-[relationship]->(condition), with their sources.
// $drug, $condition: names or synonyms; $relationship: CAUSES, TREATS, ... or null for any.
MATCH (d:Drug)
WHERE d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
MATCH (c:Condition)
WHERE c.nameLower = toLower($condition) OR any(s IN coalesce(c.synonyms, []) WHERE toLower(s) = toLower($condition))
MATCH (e:Evidence)-[:SUBJECT]->(d), (e)-[:OBJECT]->(c), (e)-[:FROM]->(doc:Document)
WHERE $relationship IS NULL OR e.predicate = $relationship
RETURN e.predicate AS relationship, e.negated AS negated, e.hedged AS hedged, doc.sourceType AS source,
       coalesce(doc.title, doc.path) AS document, e.text AS statement
ORDER BY relationship, negated, source;
