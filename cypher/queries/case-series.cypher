// The case-series table of drug-induced-disease reviews: one row per patient (Case), with the
// drug of the row (the one asked for, else the case's suspect drug), its role, dose, route,
// frequency and duration, the reaction, seriousness, management, outcome, dechallenge,
// rechallenge, the causality the authors state and the Naranjo score computed beside it, and
// the citation of the reporting document; `sources` lists where each field was read
// (STATED_IN: field, value, start, end, sentence) so every cell can show its sentence.
// $drug: drug name, brand name or code (synonyms resolve), or null for every case.
// $condition: condition name or synonym (narrower conditions up to four IS_A steps below it
//             included) the patient presented with, or null.
MATCH (k:Case)-[:REPORTED_IN]->(doc:Document)
OPTIONAL MATCH (k)-[x:RECEIVED]->(d:Drug)
WITH k, doc, collect({drug: d, rel: x}) AS exposures
WITH k, doc, exposures,
     [e IN exposures WHERE e.drug IS NOT NULL AND ($drug IS NULL OR e.drug.nameLower = toLower($drug)
        OR any(s IN coalesce(e.drug.synonyms, []) WHERE toLower(s) = toLower($drug)))] AS wanted
WHERE ($drug IS NULL OR size(wanted) > 0)
  AND ($condition IS NULL OR EXISTS {
        MATCH (k)-[:PRESENTED_WITH]->(c:Condition)
        WHERE c.nameLower = toLower($condition)
           OR any(s IN coalesce(c.synonyms, []) WHERE toLower(s) = toLower($condition))
           OR EXISTS { MATCH (c)-[:IS_A*1..4]->(b:Condition)
                       WHERE b.nameLower = toLower($condition)
                          OR any(s IN coalesce(b.synonyms, []) WHERE toLower(s) = toLower($condition)) } })
WITH k, doc, exposures,
     CASE WHEN $drug IS NOT NULL THEN head(wanted)
          ELSE coalesce(head([e IN exposures WHERE e.rel.role = 'suspect']), head([e IN exposures WHERE e.drug IS NOT NULL]))
     END AS row
OPTIONAL MATCH (k)-[:PRESENTED_WITH {reaction: true}]->(r:Condition)
WITH k, doc, exposures, row, collect(DISTINCT r.name) AS reactions
OPTIONAL MATCH (doc)-[:PUBLISHED_AS]->(pub:Reference)
WITH k, doc, exposures, row, reactions, head(collect(pub)) AS pub
WITH k, doc, exposures, row, reactions, pub,
     coalesce(doc.year, pub.year) AS year, coalesce(doc.authors, []) AS authors,
     coalesce(doc.journal, pub.journal) AS journal, coalesce(doc.doi, pub.doi) AS doi, coalesce(doc.pmid, pub.pmid) AS pmid
WITH k, doc, exposures, row, reactions,
     CASE WHEN journal IS NULL AND doi IS NULL AND pmid IS NULL AND size(authors) = 0
          THEN [coalesce(doc.title, pub.title), coalesce(doc.url, doc.path)]
          ELSE [CASE size(authors) WHEN 0 THEN null WHEN 1 THEN authors[0]
                  WHEN 2 THEN authors[0] + ' & ' + authors[1] ELSE authors[0] + ' et al.' END
                + CASE WHEN year IS NULL THEN '' ELSE ' (' + toString(year) + ')' END,
                coalesce(doc.title, pub.title), journal,
                CASE WHEN doi IS NOT NULL THEN 'doi:' + doi WHEN pmid IS NOT NULL THEN 'PMID:' + pmid END]
     END AS parts
RETURN k.id AS case_id, k.label AS patient, k.age AS age, k.ageText AS age_text, k.ageGroup AS age_group, k.sex AS sex,
       row.drug.name AS drug, row.rel.role AS role, coalesce(row.rel.inferred, false) AS inferred,
       coalesce(row.rel.dose, CASE WHEN row.rel.role = 'suspect' THEN k.dose END) AS dose,
       row.rel.route AS route, row.rel.frequency AS frequency, row.rel.duration AS duration,
       k.timeToOnset AS onset,
       CASE WHEN size(reactions) > 0 THEN reactions ELSE coalesce(k.symptoms, []) END AS reaction,
       k.seriousness AS seriousness, k.management AS management,
       [e IN exposures WHERE e.rel.role = 'treatment' | e.drug.name] AS treated_with,
       k.outcome AS outcome, k.dechallenge AS dechallenge, k.rechallenge AS rechallenge,
       k.statedCausality AS stated_causality,
       CASE WHEN k.naranjoScore IS NULL THEN null
            ELSE toString(k.naranjoScore) + ' (' + k.naranjoCategory + ')' END AS naranjo,
       k.naranjoAnswers AS naranjo_answers, k.naranjoSentences AS naranjo_sentences,
       reduce(s = '', p IN [x IN parts WHERE x IS NOT NULL AND trim(x) <> ''] |
              s + CASE WHEN s = '' THEN '' ELSE '. ' END + p) AS citation,
       doc.id AS document_id,
       [(k)-[f:STATED_IN]->(doc) | {field: f.field, value: f.value, start: f.start, end: f.end, sentence: f.sentence}] AS sources
ORDER BY drug, citation, document_id, age, case_id;
