// The drug–effect events a document contributes, as annotate prints them: one row per Event node.
// Parameters: $pmids (list of PubMed ids; documents without one are skipped).
// Columns: pmid, type, negated, hedged, start, end, sex, roles, starts, ends (argument spans, parallel lists)
UNWIND $pmids AS pmid
MATCH (d:Document {pmid: pmid})<-[:FROM]-(e:Event)
RETURN pmid, e.type AS type, e.negated AS negated, e.hedged AS hedged, e.start AS start, e.end AS end, e.sex AS sex,
       e.argumentRoles AS roles, e.argumentStarts AS starts, e.argumentEnds AS ends
ORDER BY pmid, start, type;
