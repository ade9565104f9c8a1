// Every case id, for linking tellings after a bulk load. Columns: id
MATCH (k:Case)
RETURN k.id AS id ORDER BY id;
