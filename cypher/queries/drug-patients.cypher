// Patients who received a drug, each counted once: the tellings of one patient in several documents
// (linked by SAME_PATIENT_AS, sharing Case.patientId) make one row, with the facts of the most detailed
// telling (fromCase: the Case they come from), every document that reports the patient, and how many
// tellings were merged. $drug: drug name, synonym or id.
MATCH (d:Drug)
WHERE d.id = $drug OR d.nameLower = toLower($drug) OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($drug))
MATCH (k:Case)-[x:RECEIVED]->(d)
MATCH (k)-[:REPORTED_IN]->(doc:Document)
WITH coalesce(k.patientId, k.id) AS patient, k, x, doc,
     size([v IN [k.age, k.sex, coalesce(x.dose, k.dose), k.timeToOnset, k.outcome, k.dechallenge, k.rechallenge,
                 k.management] WHERE v IS NOT NULL]) AS detail
ORDER BY patient, detail DESC, k.id
WITH patient, collect({k: k, x: x, doc: doc}) AS tellings
WITH patient, tellings, tellings[0] AS best
RETURN patient, best.k.age AS age, best.k.sex AS sex, coalesce(best.x.dose, best.k.dose) AS dose,
       best.k.timeToOnset AS onset, best.k.outcome AS outcome, best.k.dechallenge AS dechallenge,
       best.k.rechallenge AS rechallenge, size(tellings) AS tellings,
       [t IN tellings | coalesce(t.doc.title, t.doc.path)] AS documents, best.k.id AS fromCase
ORDER BY age, patient;
