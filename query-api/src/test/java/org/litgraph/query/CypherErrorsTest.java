package org.litgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Error positions refer to the query as the user typed it (issue 11), not to the EXPLAIN litgraph sends. */
class CypherErrorsTest {
    @Test
    void shouldMapThePositionAndTheQuotedLineBackToTheTypedQuery() {
        String typed = "  MATCH (n)\nRETRUN n";
        String sent = "EXPLAIN MATCH (n)\nRETRUN n";
        int offset = sent.indexOf("RETRUN");
        String neo4j = "Invalid input 'RETRUN': expected 'RETURN' (line 2, column 1 (offset: " + offset + "))\n\"RETRUN n\"\n ^";
        String msg = CypherErrors.relocate(neo4j, typed, "EXPLAIN ", 2);
        assertTrue(msg.startsWith("Invalid input 'RETRUN': expected 'RETURN' (line 2, column 1 (offset: " + typed.indexOf("RETRUN") + "))"), msg);
        assertTrue(msg.endsWith("\n\"RETRUN n\"\n ^"), msg);
        String one = CypherErrors.relocate("Invalid input 'MATC' (line 1, column 9 (offset: 8))\n\"EXPLAIN MATC (n) RETURN n\"\n         ^",
                "MATC (n) RETURN n", "EXPLAIN ", 0);
        assertTrue(one.contains("(line 1, column 1 (offset: 0))"), one);
        assertFalse(one.contains("EXPLAIN"), one);
        assertTrue(one.endsWith("\"MATC (n) RETURN n\"\n ^"), one);
        assertEquals("no position here", CypherErrors.relocate("no position here", "x", "EXPLAIN ", 0));
    }
}
