package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.IngestReport;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.annotate.AnnotatedDocument;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.query.CypherRunner;

/**
 * One extraction pipeline: the BC5CDR development abstracts, ingested into a store (their gold
 * annotations are never read by the extractor), hold exactly the statements and mentions that
 * {@code annotate} prints for the same file, and the same drug–effect events with their argument spans.
 */
class GraphMatchesAnnotateTest {
    private static Path corpus;
    private static Store store;
    private static IngestReport report;
    private static final List<AnnotatedDocument> annotated = new ArrayList<>();

    @BeforeAll
    static void ingestAndAnnotate() throws Exception {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        corpus = shared.resolve("data/bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        assumeTrue(Files.exists(corpus), "BC5CDR development set missing");
        store = TestNeo4j.emptyStore();
        report = new Ingestor(store).ingest(List.of(corpus));
        Annotator.standard().annotate(corpus, annotated::add);
    }

    @Test
    void shouldIngestEveryDevelopmentAbstract() {
        assertEquals(500, report.documents());
        assertEquals(500, annotated.size());
        assertTrue(report.skipped().isEmpty(), () -> "skipped: " + report.skipped());
    }

    @Test
    void shouldHoldExactlyTheStatementsAnnotatePrints() {
        TreeMap<String, TreeSet<String>> expected = new TreeMap<>();
        int positive = 0;
        for (AnnotatedDocument d : annotated) {
            TreeSet<String> set = expected.computeIfAbsent(d.id(), k -> new TreeSet<>());
            for (AnnotatedDocument.Relation r : d.relations()) {
                for (AnnotatedDocument.Span s : r.evidence()) {
                    set.add(r.predicate() + " " + r.subject() + " " + r.object() + " negated=" + r.negated()
                            + " @" + s.start() + "-" + s.end());
                }
                positive += r.negated() ? 0 : 1;
            }
        }
        assertTrue(positive > 500, "the development set yields statements (" + positive + ")");
        TreeMap<String, TreeSet<String>> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, new TreeSet<>()));
        List<Map<String, Object>> rows = new CypherRunner(store).named("document-statements",
                Map.of("pmids", List.copyOf(expected.keySet()))).rows();
        for (Map<String, Object> row : rows) {
            actual.get((String) row.get("pmid")).add(row.get("predicate") + " " + row.get("subjectId") + " "
                    + row.get("objectId") + " negated=" + row.get("negated") + " @" + row.get("start") + "-" + row.get("end"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void shouldHoldExactlyTheMentionsAnnotatePrints() {
        TreeMap<String, TreeSet<String>> expected = new TreeMap<>();
        for (AnnotatedDocument d : annotated) {
            TreeSet<String> set = expected.computeIfAbsent(d.id(), k -> new TreeSet<>());
            for (AnnotatedDocument.EntitySpan e : d.entities()) {
                set.add(e.start() + "-" + e.end() + " " + e.kind() + " " + e.id());
            }
        }
        TreeMap<String, TreeSet<String>> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, new TreeSet<>()));
        List<Map<String, Object>> rows = new CypherRunner(store).named("document-mentions",
                Map.of("pmids", List.copyOf(expected.keySet()))).rows();
        for (Map<String, Object> row : rows) {
            List<?> starts = (List<?>) row.get("starts");
            List<?> ends = (List<?>) row.get("ends");
            for (int i = 0; i < starts.size(); i++) {
                actual.get((String) row.get("pmid")).add(starts.get(i) + "-" + ends.get(i) + " " + row.get("kind") + " "
                        + row.get("entityId"));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void shouldHoldExactlyTheEventsAnnotatePrintsWithTheirArguments() {
        TreeMap<String, TreeSet<String>> expected = new TreeMap<>();
        int arguments = 0;
        for (AnnotatedDocument d : annotated) {
            TreeSet<String> set = expected.computeIfAbsent(d.id(), k -> new TreeSet<>());
            for (AnnotatedDocument.Event e : d.events()) {
                TreeSet<String> args = new TreeSet<>();
                e.arguments().forEach((role, spans) -> spans.forEach(x -> args.add(role + "@" + x.start() + "-" + x.end())));
                arguments += args.size();
                set.add(e.type() + " negated=" + e.negated() + " hedged=" + e.hedged() + " @" + e.evidence().start() + "-"
                        + e.evidence().end() + " sex=" + e.sex() + " " + args);
            }
        }
        assertTrue(arguments > 500, "the development set yields event arguments (" + arguments + ")");
        TreeMap<String, TreeSet<String>> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, new TreeSet<>()));
        List<Map<String, Object>> rows = new CypherRunner(store).named("document-events",
                Map.of("pmids", List.copyOf(expected.keySet()))).rows();
        for (Map<String, Object> row : rows) {
            List<?> roles = (List<?>) row.get("roles");
            List<?> starts = (List<?>) row.get("starts");
            List<?> ends = (List<?>) row.get("ends");
            TreeSet<String> args = new TreeSet<>();
            for (int i = 0; i < roles.size(); i++) {
                args.add(roles.get(i) + "@" + starts.get(i) + "-" + ends.get(i));
            }
            actual.get((String) row.get("pmid")).add(row.get("type") + " negated=" + row.get("negated") + " hedged="
                    + row.get("hedged") + " @" + row.get("start") + "-" + row.get("end") + " sex=" + row.get("sex") + " " + args);
        }
        assertEquals(expected, actual);
    }

    @Test
    void shouldBackEveryPositiveStatementWithARelationshipAndNoMore() {
        CypherRunner runner = new CypherRunner(store);
        Map<String, Object> backed = runner.named("claims-backed", Map.of()).rows().get(0);
        assertTrue(((Number) backed.get("claims")).longValue() > 500, () -> "claims: " + backed);
        assertEquals(backed.get("claims"), backed.get("backed"), () -> "unbacked: " + backed);
        Map<String, Object> consistency = runner.named("claim-consistency", Map.of()).rows().get(0);
        assertEquals(0L, ((Number) consistency.get("torn")).longValue(), () -> "torn: " + consistency);
        assertEquals(backed.get("claims"), consistency.get("claims"), "one relationship per stated claim");
    }
}
