// What a drug is reported to cause and to treat, strongest first, with the weight of evidence.
// $drug: a drug name, brand name or code (resolved through synonyms).
MATCH (d:Drug)
WHERE d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
MATCH (d)-[r:CAUSES|TREATS]->(c:Condition)
RETURN d.name AS drug, type(r) AS relationship, c.name AS condition, r.evidenceCount AS evidence,
       r.documentCount AS documents, r.negatedCount AS contradicting, r.confidence AS confidence
ORDER BY relationship, confidence DESC, evidence DESC, condition;
