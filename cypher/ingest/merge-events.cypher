// Drug–effect events (PHEE-style): one node per event, with its sentence (text, start, end), type
// (adverse|therapeutic), negated/hedged, sex, and its argument spans as parallel lists
// (argumentRoles, argumentStarts, argumentEnds, argumentTexts; document offsets), from its document.
// $rows: {id, document, props}
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (e:Event {id: row.id})
SET e += row.props
MERGE (e)-[:FROM]->(d)
RETURN count(e) AS events;
