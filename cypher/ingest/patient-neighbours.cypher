// The cases linked to the cases of documents about to be removed or replaced: their patient ids are
// recomputed after the write. $ids: document ids. Columns: id
UNWIND $ids AS docId
MATCH (:Document {id: docId})<-[:REPORTED_IN]-(:Case)-[:SAME_PATIENT_AS]-(m:Case)
RETURN DISTINCT m.id AS id;
