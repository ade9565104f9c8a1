// Which grounded entities a document names, how often and where (character offsets of each
// mention in the document's text, starts[i]..ends[i]), and the abbreviations the document defines
// for the entity (shortForms, e.g. ['ILD']; absent when none; shortFormText joins them for the
// `mention_short_forms` full-text index). $rows: {document, entity, count, starts, ends, shortForms, shortFormText}
UNWIND $rows AS row
MATCH (d:Document {id: row.document}), (e:Entity {id: row.entity})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends,
    m.shortForms = row.shortForms, m.shortFormText = row.shortFormText;
