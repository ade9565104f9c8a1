package org.litgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;

/**
 * Researchers' Cypher cannot administer the server (TERMINATE, SHOW TRANSACTIONS/SETTINGS/USERS,
 * configuration procedures), may call harmless read procedures, and cannot take the server down
 * with a huge result: rows stream under caps, and the time limit holds afterwards.
 */
class ReadOnlyCypherTest {

    @Test
    void shouldRefuseAdministrationCommandsAndProceduresThatRevealTheServer() {
        CypherRunner runner = new CypherRunner(TestNeo4j.store());
        for (String q : List.of(
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "SHOW TRANSACTIONS",
                "SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN transactionId, currentQuery",
                "SHOW SETTINGS",
                "SHOW USERS",
                "SHOW PROCEDURES",
                "CALL dbms.listConfig()",
                "CALL db.clearQueryCaches()",
                "CALL tx.setMetaData({a: 1})",
                "EXPLAIN MATCH (n) RETURN n",
                "USE system SHOW USERS",
                "MATCH (n) RETURN n UNION ALL MATCH (n) CALL { SHOW TRANSACTIONS } RETURN n")) {
            ReadOnlyViolation e = assertThrows(ReadOnlyViolation.class, () -> runner.run(q, Map.of()), q);
            assertTrue(e.getMessage().startsWith("refused") && e.getMessage().contains("read-only"), e.getMessage());
        }
    }

    @Test
    void shouldNotLetOneClientTerminateAnothersQuery() throws Exception {
        Store store = TestNeo4j.store();
        CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> {
            try (Session s = store.session(AccessMode.READ)) {
                return s.run("UNWIND range(1, 10000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n").single()
                        .get("n").asLong();
            }
        });
        Thread.sleep(300);
        CypherRunner runner = new CypherRunner(store);
        assertThrows(ReadOnlyViolation.class, () -> runner.run("TERMINATE TRANSACTIONS $ids", Map.of("ids", List.of())));
        assertEquals(0L, other.get(120, TimeUnit.SECONDS), "the other client's query ran to its end");
    }

    @Test
    void shouldAllowHarmlessReadProcedures() {
        CypherRunner runner = new CypherRunner(TestNeo4j.store());
        QueryResult components = runner.run("CALL dbms.components() YIELD name, edition RETURN name, edition", Map.of());
        assertEquals("Neo4j Kernel", components.rows().get(0).get("name"));
        assertTrue(runner.run("CALL db.labels() YIELD label RETURN label", Map.of()).columns().contains("label"));
        assertEquals(List.of("show"), runner.run("RETURN 1 AS show", Map.of()).columns(),
                "a keyword used as an alias is not a command");
        assertEquals(1L, runner.run("WITH {show: 1, terminate: 2} AS m RETURN m.show AS n", Map.of()).rows().get(0).get("n"));
    }

    @Test
    void shouldCapAFourMillionRowQueryAndStillAnswerAndTimeOutAfterwards() {
        Store store = TestNeo4j.store();
        CypherRunner runner = new CypherRunner(store, Duration.ofSeconds(60), new CypherRunner.Limits(10_000, 16L << 20));
        QueryResult big = runner.run("UNWIND range(1, 4000000) AS x RETURN x", Map.of());
        assertEquals(10_000, big.rows().size());
        assertTrue(big.truncated());
        assertTrue(big.notice().contains("row cap") && big.notice().contains("SKIP 10000 LIMIT 10000"), big.notice());

        QueryResult wide = new CypherRunner(store, Duration.ofSeconds(60), new CypherRunner.Limits(1_000_000, 1L << 20))
                .run("UNWIND range(1, 4000000) AS x RETURN x, 'some words to make a row wider than a number' AS t", Map.of());
        assertTrue(wide.truncated() && wide.notice().contains("size cap"), wide.notice());
        assertTrue(wide.rows().size() < 20_000, "rows: " + wide.rows().size());

        assertEquals(1L, runner.run("RETURN 1 AS one", Map.of()).rows().get(0).get("one"), "still answers");
        CypherRunner quick = new CypherRunner(store, Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        QueryTimeout t = assertThrows(QueryTimeout.class, () -> quick.run(
                "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n", Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(t.getMessage().contains("1 s time limit"), t.getMessage());
        assertTrue(ms < 30_000, "stopped after " + ms + " ms");
        assertFalse(runner.run("RETURN 2 AS two", Map.of()).truncated());
    }
}
