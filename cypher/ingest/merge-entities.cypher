// Upserts grounded entities: each carries :Entity plus its kind's label (Drug, Target, Process, Condition).
// $rows: {id, label, props}
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:$(row.label)
SET e += row.props;
