// Mechanism paths drug -> target -> process -> condition, each hop backed by evidence;
// confidence of a path = product of its hops' confidences.
// $drug: drug name or synonym; $condition: condition name or synonym, or null for any.
MATCH (d:Drug)
WHERE d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
MATCH (d)-[i:INHIBITS]->(t:Target)-[g:REGULATES]->(p:Process)-[l:LEADS_TO]->(c:Condition)
WHERE $condition IS NULL OR c.nameLower = toLower($condition)
   OR any(s IN coalesce(c.synonyms, []) WHERE toLower(s) = toLower($condition))
   OR EXISTS { MATCH (c)-[:IS_A*1..4]->(b:Condition)
               WHERE b.nameLower = toLower($condition) OR any(s IN coalesce(b.synonyms, []) WHERE toLower(s) = toLower($condition)) }
RETURN d.name AS drug, t.name AS target, p.name AS process, c.name AS condition,
       round(i.confidence * g.confidence * l.confidence, 3) AS confidence,
       [i.evidenceCount, g.evidenceCount, l.evidenceCount] AS evidencePerHop
ORDER BY confidence DESC, condition;
