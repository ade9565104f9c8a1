package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.IngestListener;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** An ingest killed part-way and re-run ends in the same graph; readers never see half a batch. */
class CrashSafetyTest {

    record Summary(long nodes, long relationships, String checksum) {
    }

    static Summary summary(Store store) throws Exception {
        try (Session s = store.session(AccessMode.READ)) {
            Record totals = s.run(CypherLibrary.query("queries/graph-totals")).single();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Record r : s.run(CypherLibrary.query("queries/graph-checksum")).list()) {
                sha.update((r.get("kind").asString() + " " + r.get("key").asString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new Summary(totals.get("nodes").asLong(), totals.get("relationships").asLong(),
                    HexFormat.of().formatHex(sha.digest()));
        }
    }

    private static Path corpus(Path dir, int citations) throws Exception {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        Path out = dir.resolve("corpus");
        BenchCorpus.from(shared.resolve("data/pubmed")).write(out, citations, 1000);
        return out;
    }

    private static Store open(Path dir) {
        return Store.embedded(StoreConfig.builder().directory(dir).pageCacheBytes(64L * 1024 * 1024).build());
    }

    @Test
    void shouldEndInTheSameGraphAfterAKilledIngestIsRunAgain(@TempDir Path dir) throws Exception {
        Path corpus = corpus(dir, 1500);
        Path crashed = dir.resolve("crashed");
        int batchesBeforeKill;
        try (ChildJvm child = ChildJvm.start(IngestChild.class, crashed.toString(), corpus.toString(), "50")) {
            child.await("OPEN", 240); // a JVM with Neo4j; slow on a loaded machine
            child.await("BATCH 5", 240);
            child.process().destroyForcibly(); // SIGKILL mid-way: no shutdown hooks, no clean close
            assertTrue(child.process().waitFor(30, TimeUnit.SECONDS));
            String t = child.transcript();
            assertTrue(!t.contains("DONE"), "the child finished before it was killed:\n" + t);
            batchesBeforeKill = (int) t.lines().filter(l -> l.startsWith("BATCH ")).count();
        }
        Summary resumed;
        try (Store store = open(crashed)) {
            Summary partial = summary(store);
            IngestReport again = new Ingestor(store).ingest(List.of(corpus));
            assertTrue(again.skipped().isEmpty(), again.skipped()::toString);
            assertTrue(again.documentsUnchanged() >= batchesBeforeKill * 50,
                    "committed batches survive the kill: " + again + " after " + batchesBeforeKill + " batches");
            assertTrue(again.documentsWritten() > 0, again::toString);
            assertTrue(partial.nodes() > 0, partial::toString);
            resumed = summary(store);
        }
        Summary clean;
        try (Store store = open(dir.resolve("clean"))) {
            IngestReport once = new Ingestor(store).ingest(List.of(corpus));
            assertEquals(1500, once.documentsWritten());
            clean = summary(store);
        }
        assertEquals(clean, resumed);
    }

    @Test
    void shouldNeverShowAReaderAClaimWhoseCountsDisagreeWithItsEvidence(@TempDir Path dir) throws Exception {
        Path corpus = corpus(dir, 600);
        Store store = TestNeo4j.emptyStore();
        // the example corpus first, so CAUSES claims exist that later batches may add to
        new Ingestor(store).ingest(List.of(TestNeo4j.root().resolve("examples/corpus")));
        String check = CypherLibrary.query("queries/claim-consistency");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger batches = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try {
                new Ingestor(store, DocumentExtractor.standard(), 25, new IngestListener() {
                    @Override
                    public void batchWritten(int documents) {
                        batches.incrementAndGet();
                    }
                }).ingest(List.of(corpus));
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                writing.set(false);
            }
        }, "test-writer");
        writer.start();
        int checks = 0;
        int transientReads = 0;
        long claimsSeen = 0;
        long maxClaims = 0;
        long maxCauses = 0;
        while (writing.get() || checks == 0) {
            try (Session s = store.session(AccessMode.READ)) {
                List<Record> rows = s.executeRead(tx -> tx.run(check, Map.of()).list());
                Record r = rows.get(0);
                checks++;
                claimsSeen += r.get("claims").asLong();
                maxClaims = Math.max(maxClaims, r.get("claims").asLong());
                maxCauses = Math.max(maxCauses, r.get("causes").asLong());
                if (r.get("torn").asLong() > 0) {
                    // read-committed: a reader racing a commit may see part of it; a torn write stays torn
                    // (a claim that many documents state may be torn again by the next batch's commit: it must
                    // read whole at least once in the next few reads, and every claim must read whole at the end)
                    List<Object> still = new java.util.ArrayList<>(r.get("tornIds").asList());
                    Record again = r;
                    for (int retry = 0; retry < 6 && !still.isEmpty(); retry++) {
                        Thread.sleep(500);
                        again = s.executeRead(tx -> tx.run(check, Map.of()).list()).get(0);
                        still.retainAll(again.get("tornIds").asList());
                    }
                    assertEquals(List.of(), still, "after " + batches.get() + " batches: " + again.get("examples"));
                    transientReads++;
                }
            }
        }
        writer.join();
        assertEquals(null, failure.get());
        try (Session s = store.session(AccessMode.READ)) {
            Record end = s.executeRead(tx -> tx.run(check, Map.of()).list()).get(0);
            assertEquals(0L, end.get("torn").asLong(), () -> "after the load: " + end.get("examples"));
        }
        assertTrue(checks >= 5 && maxClaims > 0 && maxCauses > 0,
                checks + " checks saw at most " + maxClaims + " claims, " + maxCauses + " CAUSES");
        System.out.println("consistency: " + checks + " checks during " + batches.get() + " batches, "
                + claimsSeen + " claim readings, up to " + maxClaims + " claims (" + maxCauses + " CAUSES), "
                + transientReads + " transient mismatch(es) that a second read cleared");
    }
}
