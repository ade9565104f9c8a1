// Patient linking, step 4: every case of the components touching the given cases gets the
// component's patient id (its smallest case id) and how many tellings it has (cases in it).
// Queries count a patient once with count(DISTINCT k.patientId). $ids: case ids.
UNWIND $ids AS id
MATCH (k:Case {id: id})
MATCH (k)-[:SAME_PATIENT_AS*0..20]-(m:Case)
WITH k, collect(DISTINCT m) AS component
WITH component, reduce(least = null, m IN component | CASE WHEN least IS NULL OR m.id < least THEN m.id ELSE least END) AS pid
UNWIND component AS m
WITH DISTINCT m, pid, size(component) AS tellings
SET m.patientId = pid, m.tellings = tellings;
