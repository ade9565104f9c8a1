package org.litgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.CypherLibrary;
import org.litgraph.graph.DocumentDeleter;
import org.litgraph.graph.Ids;
import org.litgraph.graph.Store;
import org.litgraph.graph.StoreConfig;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.extract.DocumentExtractor;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The bulk first load (import files + offline importer + transactional remainder) gives the graph
 * the transactional path gives, by the full graph checksum (every label and property of every
 * node and relationship); updates and deletions after a bulk load match those after a
 * transactional load.
 */
class BulkLoadTest {
    @TempDir
    static Path tmp;
    private static DocumentExtractor extractor;
    private static Path corpus;
    private static Path update;

    @BeforeAll
    static void corpus() throws IOException {
        extractor = DocumentExtractor.standard();
        corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        PubmedLikeCorpus.write(corpus.resolve("pubmed"), 1000, 60, 7);
        try (var files = Files.list(TestNeo4j.root().resolve("examples/corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        // an update: changed versions of citations 1050-1059, and 1060-1069 not loaded before
        update = tmp.resolve("update");
        PubmedLikeCorpus.write(update, 1050, 20, 8);
    }

    @AfterAll
    static void done() {
        extractor = null;
    }

    private static List<String> checksum(Store store) {
        List<String> rows = new ArrayList<>();
        try (Session s = store.session(AccessMode.READ)) {
            for (Record r : s.run(CypherLibrary.query("queries/graph-checksum")).list()) {
                rows.add(r.get("kind").asString() + " " + r.get("key").asString());
            }
        }
        return rows;
    }

    private static void assertSameGraph(List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(actual);
            List<String> extra = new ArrayList<>(actual);
            extra.removeAll(expected);
            assertEquals(String.join("\n", missing.subList(0, Math.min(10, missing.size()))),
                    String.join("\n", extra.subList(0, Math.min(10, extra.size()))),
                    "graphs differ (" + expected.size() + " vs " + actual.size() + " rows); first rows only in the "
                            + "transactional graph (expected) and only in the bulk graph (actual)");
        }
    }

    private static IngestReport transactional(Store store, Path... paths) {
        return new Ingestor(store, extractor, 7, IngestListener.NONE, 2).ingest(List.of(paths));
    }

    private static BulkLoad.Loaded bulk(Path storeDir) {
        StoreConfig config = StoreConfig.builder().directory(storeDir).pageCacheBytes(32L << 20).build();
        return BulkLoad.loadEmbedded(List.of(corpus), config, false, extractor, IngestListener.NONE,
                BulkLoad.Options.defaults().withThreads(2).withKeepFiles(true));
    }

    @Test
    void bulkLoadUpdateAndDeletionGiveTheTransactionalGraph() {
        Store reference = TestNeo4j.emptyStore();
        IngestReport tx = transactional(reference, corpus);
        assertFalse(tx.hasSkipped(), "corpus files skipped: " + tx.skipped());
        List<String> expected = checksum(reference);
        assertTrue(expected.stream().anyMatch(k -> k.contains(":AdverseEvent")), "the corpus has adverse events");
        assertTrue(expected.stream().anyMatch(k -> k.startsWith("relationship CAUSES") && k.contains("evidenceCount=")),
                "the corpus has claims");
        assertTrue(expected.stream().anyMatch(k -> k.contains("authors=LIST<NOTHING>")), "the corpus has empty lists");
        assertTrue(expected.stream().anyMatch(k -> k.startsWith("node :Event ")), "the corpus has drug–effect events");
        assertTrue(expected.stream().anyMatch(k -> k.startsWith("relationship STATED_IN ")),
                "the corpus has a case with field provenance");
        assertTrue(expected.stream().anyMatch(k -> k.startsWith("relationship PRESENTED_WITH ") && k.contains("reaction=")),
                "the corpus has a case's conditions");
        assertTrue(expected.stream().anyMatch(k -> k.contains("{initials=STRING")), "entities have initials");
        assertTrue(expected.stream().anyMatch(k -> k.startsWith("node :Passage ")), "documents have passages");
        assertTrue(expected.stream().anyMatch(k -> k.startsWith("relationship MENTIONS ") && k.contains("{shortForms=LIST")),
                "the corpus defines an abbreviation");

        BulkLoad.Loaded loaded = bulk(tmp.resolve("store"));
        try (Store store = loaded.store()) {
            assertTrue(loaded.files().deferred() >= 1, "the changed repeat of a citation is deferred");
            assertEquals(tx.documents(), loaded.report().documents());
            assertTrue(loaded.files().summary().documentsWritten() > 60);
            assertTrue(Files.exists(loaded.files().summary().directory().resolve(BulkLoad.ARGS_FILE)));
            assertSameGraph(expected, checksum(store));

            // a bulk load killed after the import (before its remainder) is finished by the next run
            StoreConfig second = StoreConfig.builder().directory(tmp.resolve("store-interrupted"))
                    .pageCacheBytes(32L << 20).build();
            BulkLoad.importEmbedded(List.of(corpus), second, false, extractor, IngestListener.NONE,
                    BulkLoad.Options.defaults().withThreads(2));
            assertTrue(BulkLoad.pendingFinish(second.directory()).isPresent());
            try (Store interrupted = Store.embedded(second)) {
                BulkLoad.Finish f = BulkLoad.finishPending(interrupted, BulkLoad.pendingFinish(second.directory()).get());
                assertTrue(f.emptyListsSet() > 0 && f.deferredDocuments() >= 1, f::toString);
                assertSameGraph(expected, checksum(interrupted));
            }
            assertFalse(BulkLoad.pendingFinish(second.directory()).isPresent());

            // an update after the bulk load goes through the transactional path
            transactional(reference, update);
            IngestReport first = transactional(store, update);
            assertTrue(first.documentsWritten() > 0);
            assertSameGraph(checksum(reference), checksum(store));
            List<String> updated = checksum(store);
            IngestReport again = transactional(store, update);
            assertSameGraph(updated, checksum(store)); // re-ingesting the update changes nothing
            // every citation is unchanged but the one given twice in two versions (each replaces the other)
            assertEquals(again.documents() - 2, again.documentsUnchanged());

            // deletions
            List<String> gone = List.of(Ids.document("1004", null, null, ""), Ids.document("1003", null, null, ""),
                    "doc:not-there");
            DocumentDeleter.Result r1 = new DocumentDeleter(reference).delete(gone);
            DocumentDeleter.Result r2 = new DocumentDeleter(store).delete(gone);
            assertEquals(2, r2.documentsDeleted());
            assertEquals(r1, r2);
            List<String> after = checksum(store);
            assertSameGraph(checksum(reference), after);
            assertTrue(after.stream().noneMatch(k -> k.contains("doc:PMID:1004")), "no trace of a deleted document");
            assertEquals(new DocumentDeleter(store).delete(gone).documentsDeleted(), 0, "deleting again changes nothing");
        }
    }

    @Test
    void importFilesMatchTheTransactionalRowsAndListTheImporterArguments() throws IOException {
        Path dir = tmp.resolve("files-only");
        BulkLoad.Written w = BulkLoad.writeFiles(List.of(corpus), dir, extractor, IngestListener.NONE,
                BulkLoad.Options.defaults().withThreads(1));
        List<String> args = Files.readAllLines(dir.resolve(BulkLoad.ARGS_FILE));
        assertTrue(args.contains("--nodes=Document=nodes-document.csv"), String.valueOf(args));
        assertTrue(args.stream().anyMatch(a -> a.startsWith("--multiline-fields=")), "titles with line breaks");
        assertTrue(Files.readString(dir.resolve("README.txt")).contains("--finish-import"));
        assertEquals(w.summary().nodes().get("Document"), w.summary().documentsWritten());
        assertTrue(w.summary().relationships().get("claims") > 0);
        // one header line per file, then rows: the Document file holds the documents
        long docRows = Files.readAllLines(dir.resolve("nodes-document.csv")).size() - 1
                + (Files.exists(dir.resolve("nodes-document.multiline.csv"))
                ? countRecords(dir.resolve("nodes-document.multiline.csv")) : 0);
        assertEquals(w.summary().documentsWritten(), docRows);
    }

    private static long countRecords(Path csv) throws IOException {
        // records start with a quoted id at the beginning of a line that is not inside a quoted field
        String text = Files.readString(csv);
        long records = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                records++;
            }
        }
        return records - 1; // the header
    }
}
