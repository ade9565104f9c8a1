// litgraph schema, part 2: lookup indexes and full-text indexes (Lucene inside Neo4j).
// Evidence is found by the claim it supports: (subject, predicate, object) -> claimId.
CREATE INDEX evidence_claim IF NOT EXISTS FOR (n:Evidence) ON (n.claimId);
CREATE INDEX evidence_document IF NOT EXISTS FOR (n:Evidence) ON (n.documentId);
CREATE INDEX case_document IF NOT EXISTS FOR (n:Case) ON (n.documentId);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.nameLower);
CREATE INDEX reference_doi IF NOT EXISTS FOR (n:Reference) ON (n.doi);
CREATE INDEX reference_pmid IF NOT EXISTS FOR (n:Reference) ON (n.pmid);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Drug|Target|Process|Condition) ON EACH [n.name, n.synonymText];
CREATE FULLTEXT INDEX evidence_text IF NOT EXISTS FOR (n:Evidence) ON EACH [n.text];
CREATE FULLTEXT INDEX case_text IF NOT EXISTS FOR (n:Case) ON EACH [n.text, n.symptomText, n.findings, n.management, n.outcome];
// Statements about one (subject, object) pair, whatever the predicate (ask evidence / compare).
CREATE INDEX evidence_subject_object IF NOT EXISTS FOR (n:Evidence) ON (n.subjectId, n.objectId);
// Documents by PubMed id (PubMed, MEDLINE, PubTator and BioC input): reading statements back per record.
CREATE INDEX document_pmid IF NOT EXISTS FOR (n:Document) ON (n.pmid);
// Documents by source path or URL (a re-read source replaces what earlier versions stored under another id).
CREATE INDEX document_path IF NOT EXISTS FOR (n:Document) ON (n.path);
// Drug–effect events of a document (delete on re-ingest; annotate equality checks).
CREATE INDEX event_document IF NOT EXISTS FOR (n:Event) ON (n.documentId);
// Abbreviations documents define for an entity (MENTIONS.shortFormText): "ILD" finds interstitial lung disease.
CREATE FULLTEXT INDEX mention_short_forms IF NOT EXISTS FOR ()-[m:MENTIONS]-() ON EACH [m.shortFormText];
// Initials of multi-word entity names ("ild" for Interstitial Lung Diseases): acronyms a researcher types.
CREATE INDEX entity_initials IF NOT EXISTS FOR (n:Entity) ON (n.initials);
