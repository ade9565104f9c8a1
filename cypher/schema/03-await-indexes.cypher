// litgraph schema, part 3: wait (up to 300 s) until every index above is online.
CALL db.awaitIndexes(300);
