// Patient linking, step 3: one SAME_PATIENT_AS link per pair judged to be the same patient, from the
// smaller case id to the larger, with the score and the fields that decided it.
// $rows: {a, b, score, basis: [field, ...]}
UNWIND $rows AS row
MATCH (a:Case {id: row.a}), (b:Case {id: row.b})
MERGE (a)-[s:SAME_PATIENT_AS]->(b)
SET s.score = row.score, s.basis = row.basis;
