// Every statement behind the evidence map, one row per Evidence node, for the JSON export.
// Same parameters and filters as evidence-map.cypher:
// $drug: drug name or synonym, or null for every drug.
// $condition: condition name or synonym (narrower conditions included; broader ones included with
//             direction 'broader'), or null.
// $relationship: CAUSES or TREATS, or null for both (other predicates, e.g. ASSOCIATED_WITH, only when asked by name).
// direction is 'for', 'against' (negated) or 'broader', as in the evidence map;
// confidence is the claim relationship's (null when only negated statements exist).
MATCH (e:Evidence)-[:SUBJECT]->(d:Drug), (e)-[:OBJECT]->(c:Condition), (e)-[:FROM]->(doc:Document)
WHERE ($drug IS NULL OR d.nameLower = toLower($drug)
       OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug)))
  AND CASE WHEN $relationship IS NULL THEN e.predicate IN ['CAUSES', 'TREATS'] ELSE e.predicate = toUpper($relationship) END
WITH e, d, c, doc,
     CASE WHEN $condition IS NULL THEN 'exact'
          WHEN c.nameLower = toLower($condition) OR any(s IN coalesce(c.synonyms, []) WHERE toLower(s) = toLower($condition))
            THEN 'exact'
          WHEN EXISTS { MATCH (c)-[:IS_A*1..4]->(b:Condition)
                        WHERE b.nameLower = toLower($condition)
                           OR any(s IN coalesce(b.synonyms, []) WHERE toLower(s) = toLower($condition)) } THEN 'narrower'
          WHEN EXISTS { MATCH (n:Condition)-[:IS_A*1..4]->(c)
                        WHERE n.nameLower = toLower($condition)
                           OR any(s IN coalesce(n.synonyms, []) WHERE toLower(s) = toLower($condition)) } THEN 'broader'
     END AS conditionRelation
WHERE conditionRelation IS NOT NULL
OPTIONAL MATCH (d)-[r]->(c) WHERE type(r) = e.predicate
RETURN d.id AS drug_id, c.id AS condition_id, e.predicate AS relationship, e.claimId AS claim_id,
       r.confidence AS confidence, r.evidenceCount AS evidence_count, r.negatedCount AS negated_count,
       doc.id AS document_id, e.id AS id, e.text AS text, e.negated AS negated, e.hedged AS hedged,
       e.section AS section, e.start AS start, e.end AS end, e.method AS method, e.weight AS weight,
       CASE WHEN conditionRelation = 'broader' THEN 'broader' WHEN e.negated THEN 'against' ELSE 'for' END AS direction
ORDER BY drug_id, condition_id, relationship, document_id, start, id;
