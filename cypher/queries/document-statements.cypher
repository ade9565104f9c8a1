// The statements a document contributes, as annotate prints them: one row per Evidence item.
// Parameters: $pmids (list of PubMed ids; documents without one are skipped).
// Columns: pmid, predicate, subjectId, objectId, negated, hedged, start, end
UNWIND $pmids AS pmid
MATCH (d:Document {pmid: pmid})<-[:FROM]-(e:Evidence)
RETURN pmid, e.predicate AS predicate, e.subjectId AS subjectId, e.objectId AS objectId,
       e.negated AS negated, e.hedged AS hedged, e.start AS start, e.end AS end
ORDER BY pmid, start, predicate, subjectId, objectId;
