package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.answer.CaseSearch;
import org.litgraph.query.answer.Compare;
import org.litgraph.query.answer.DrugProfile;
import org.litgraph.query.answer.EvidenceQuestion;
import org.litgraph.query.answer.Names;
import org.litgraph.query.answer.Resolution;
import org.litgraph.server.LexiconGrounding;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;

/**
 * Answers, search and citations that mean what they say (issue 11), on the example corpus plus the
 * project's synthetic test documents of examples/answers (a review, a case report, a case series,
 * a regulatory notice, a label, a trial, a web capture and an HTML page), ingested once.
 */
class AnswersTest {
    private static Store store;
    private static final LexiconGrounding GROUNDING = LexiconGrounding.shared();

    @TempDir
    Path tmp;

    @BeforeAll
    static void ingest() throws Exception {
        store = TestNeo4j.emptyStore();
        Path root = TestNeo4j.root();
        List<Path> inputs = new ArrayList<>(List.of(root.resolve("examples/corpus")));
        try (Stream<Path> s = Files.list(root.resolve("examples/answers"))) {
            s.sorted().forEach(inputs::add);
        }
        new Ingestor(store).ingest(inputs);
    }

    private static long count(String cypher) {
        try (Session s = store.session(AccessMode.READ)) {
            return s.run(cypher).single().get(0).asLong();
        }
    }

    // ---- questions -----------------------------------------------------------------------

    @Test
    void compareShouldAnswerForTheKnownDrugsAndNameTheUnknownOne() {
        Compare.Answer a = new Compare(store, GROUNDING).ask("pleural effusion", List.of("dasatinib", "nilotinib", "dasatinob-x"));
        assertEquals(List.of("dasatinib", "nilotinib"), a.drugs().stream().map(r -> r.drug().name()).toList());
        assertEquals(List.of("dasatinob-x"), a.unknown().stream().map(Compare.Unknown::name).toList());
        assertTrue(a.drugs().get(0).causesEvidence() >= 1, a::toString);
        CliCypherTest.Run r = CliCypherTest.cli("ask", "compare", "--uri", store.uri(), "--user", "", "pleural effusion",
                "dasatinib", "nilotinib", "dasatinob-x");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("no drug named 'dasatinob-x'") && r.out().contains("dasatinib"), r.out());
    }

    @Test
    void broaderConditionStatementsShouldBeShownApartAndNeverCountAsSupport() {
        // the review says dasatinib causes pleural effusion and, apart, pleural disease (broader)
        EvidenceQuestion.Answer ev = new EvidenceQuestion(store, GROUNDING).ask("dasatinib", "pleural effusion");
        assertTrue(ev.broader().stream().anyMatch(i -> i.conditionId().equals("MESH:D010995")), ev::toString);
        assertTrue(ev.broader().stream().allMatch(i -> i.stance() == EvidenceQuestion.Stance.BROADER
                && i.relation().equals("broader")), ev.broader()::toString);
        assertTrue(ev.bySource().stream().flatMap(g -> g.items().stream()).noneMatch(i -> i.relation().equals("broader")));
        long supportingItems = ev.bySource().stream().flatMap(g -> g.items().stream())
                .filter(i -> i.stance() == EvidenceQuestion.Stance.SUPPORTING).count();
        assertEquals(supportingItems, ev.supporting(), "only statements about the condition or a narrower one count");

        Compare.Row row = new Compare(store, GROUNDING).ask("pleural effusion", List.of("dasatinib")).drugs().get(0);
        assertTrue(row.broaderStatements() >= 1, row::toString);
        assertEquals(supportingItems, row.causesEvidence(), row::toString);

        DrugProfile.Answer p = new DrugProfile(store, GROUNDING).ask("dasatinib", "pleural effusion");
        assertTrue(p.causes().stream().noneMatch(c -> c.id().equals("MESH:D010995")), p.causes()::toString);
        assertTrue(p.broader().stream().anyMatch(c -> c.id().equals("MESH:D010995")), p.broader()::toString);
        assertTrue(p.causes().stream().anyMatch(c -> c.id().equals("MESH:D010996")), p.causes()::toString);

        // the issue's example: statements about lung disease never support imatinib causing pulmonary hypertension
        EvidenceQuestion.Answer ph = new EvidenceQuestion(store, GROUNDING).ask("imatinib", "pulmonary hypertension");
        assertEquals(0, ph.supporting(), ph::toString);
        assertTrue(ph.contradicting() >= 1, "imatinib treating pulmonary hypertension argues against it causing it");
        assertTrue(ph.bySource().stream().flatMap(g -> g.items().stream()).noneMatch(i -> i.relation().equals("broader")));
    }

    @Test
    void narrowerConditionEvidenceShouldBeShownLabelledNarrowerAndCounted() {
        // dasatinib causes pleural effusion, a narrower condition than pleural diseases
        EvidenceQuestion.Answer ev = new EvidenceQuestion(store, GROUNDING).ask("dasatinib", "pleural diseases");
        List<EvidenceQuestion.Item> narrower = ev.bySource().stream().flatMap(g -> g.items().stream())
                .filter(i -> i.relation().equals("narrower")).toList();
        assertTrue(narrower.stream().anyMatch(i -> i.stance() == EvidenceQuestion.Stance.SUPPORTING
                && i.conditionId().equals("MESH:D010996")), ev::toString);
        assertTrue(ev.supporting() >= 1);
        Compare.Row row = new Compare(store, GROUNDING).ask("pleural diseases", List.of("dasatinib")).drugs().get(0);
        assertTrue(row.causesEvidence() >= 1 && row.narrowerConditions() >= 1, row::toString);
        String text = CliCypherTest.cli("ask", "evidence", "--uri", store.uri(), "--user", "", "dasatinib", "pleural diseases").out();
        assertTrue(text.toLowerCase().contains("supporting [causes pleural effusion (narrower)"), text);
    }

    @Test
    void aQueryTermShouldMeanWhatExtractionGroundsItToAndSayWhichOthersItFits() {
        // "hypersensitivity" in the bosutinib capture is grounded to Drug Hypersensitivity; the graph also holds
        // Hypersensitivity (the parent of the capture's "type I hypersensitivity"), whose preferred name is the
        // very word typed
        assertEquals(1, count("MATCH (c:Condition {id: 'MESH:D006967'}) RETURN count(c)"), "Hypersensitivity is in the graph");
        Resolution byName = new Names(store).resolution("hypersensitivity", "Condition");
        assertEquals("MESH:D006967", byName.entity().id(), "the graph's names alone pick the parent: the fault");
        Resolution grounded = new Names(store, GROUNDING).resolution("hypersensitivity", "Condition");
        assertEquals("MESH:D004342", grounded.entity().id(), grounded::toString);
        assertEquals("as extraction grounds it", grounded.basis());
        assertTrue(grounded.others().stream().anyMatch(e -> e.id().equals("MESH:D006967")), grounded::toString);
        // the statement extraction made from "hypersensitivity" is found under that meaning
        EvidenceQuestion.Answer ev = new EvidenceQuestion(store, GROUNDING).ask("bosutinib", "hypersensitivity");
        assertEquals("MESH:D004342", ev.condition().id());
        assertTrue(ev.supporting() >= 1, ev::toString);
        assertTrue(ev.resolved().get(1).ambiguous());
        CliCypherTest.Run r = CliCypherTest.cli("ask", "evidence", "--uri", store.uri(), "--user", "", "bosutinib", "hypersensitivity");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("'hypersensitivity' → Drug Hypersensitivity (MESH:D004342), as extraction grounds it")
                && r.out().contains("also fits: Hypersensitivity (MESH:D006967)"), r.out());
    }

    @Test
    void aQuestionWithoutStatementsShouldSayWhatTheGraphHas() {
        EvidenceQuestion.Answer ev = new EvidenceQuestion(store, GROUNDING).ask("imatinib", "pleural effusion");
        assertEquals(0, ev.supporting() + ev.contradicting());
        assertNotNull(ev.context(), "no statement: the answer must say what the graph has");
        assertTrue(ev.context().drugStatements() > 0);
        assertTrue(ev.context().conditionDrugs().stream().anyMatch(d -> d.name().equals("dasatinib")), ev.context()::toString);
        assertFalse(ev.context().nearest().isEmpty(), ev.context()::toString);
        CliCypherTest.Run r = CliCypherTest.cli("ask", "evidence", "--uri", store.uri(), "--user", "", "imatinib", "pleural effusion");
        assertTrue(r.out().toLowerCase().contains("no statement in the graph links imatinib and pleural effusion")
                && r.out().contains("Nearest conditions with imatinib statements"), r.out());
        assertNull(new EvidenceQuestion(store, GROUNDING).ask("dasatinib", "pleural effusion").context());
    }

    @Test
    void contradictionsShouldPairStatementsAboutTheSameDrugAndConditionWithAReason() {
        EvidenceQuestion.Answer ev = new EvidenceQuestion(store, GROUNDING).ask("nilotinib", "pleural effusion");
        EvidenceQuestion.Contradiction c = ev.contradictions().stream().filter(x -> x.kind().equals("denied")).findFirst()
                .orElseThrow(() -> new AssertionError("no denial found: " + ev));
        assertEquals("MESH:D010996", c.conditionId());
        assertTrue(c.reason().toLowerCase().contains("say nilotinib causes pleural effusion") && c.reason().contains("say it does not"),
                c.reason());
        Set<String> sources = ev.bySource().stream().flatMap(g -> g.items().stream())
                .filter(i -> c.items().contains(i.id())).map(EvidenceQuestion.Item::sourceType).collect(Collectors.toSet());
        assertEquals(Set.of("peer-reviewed case report", "review"), sources);
        // treating a narrower condition is not the same drug use as causing the asked one: no conflict pair
        EvidenceQuestion.Answer ild = new EvidenceQuestion(store, GROUNDING).ask("imatinib", "interstitial lung disease");
        assertTrue(ild.contradictions().stream().allMatch(x -> ild.bySource().stream().flatMap(g -> g.items().stream())
                .filter(i -> x.items().contains(i.id())).map(EvidenceQuestion.Item::conditionId).distinct().count() == 1),
                ild.contradictions()::toString);
    }

    @Test
    void everyStatementShouldBeLabelledAndNoneShouldBeMarkup() {
        EvidenceQuestion.Answer ev = new EvidenceQuestion(store, GROUNDING).ask("imatinib", "interstitial lung disease");
        ev.bySource().stream().flatMap(g -> g.items().stream())
                .forEach(i -> assertTrue(i.stance() == EvidenceQuestion.Stance.SUPPORTING
                        || i.stance() == EvidenceQuestion.Stance.CONTRADICTING || i.stance() == EvidenceQuestion.Stance.NEUTRAL, i::toString));
        String text = CliCypherTest.cli("ask", "evidence", "--uri", store.uri(), "--user", "", "dasatinib", "pleural effusion").out();
        assertTrue(text.contains("SUPPORTING [CAUSES") && text.contains("BROADER [CAUSES"), text);
        assertEquals(0, count("MATCH (e:Evidence) WHERE e.text STARTS WITH '#' OR e.text CONTAINS '**' OR e.text STARTS WITH '- '"
                + " RETURN count(e)"));
    }

    // ---- search --------------------------------------------------------------------------

    @Test
    void searchShouldCoverSentencesThatAreNotEvidence() {
        CaseSearch s = new CaseSearch(store, GROUNDING);
        // a sentence naming no condition is never evidence, yet it is found
        assertEquals(0, count("MATCH (e:Evidence) WHERE e.text CONTAINS 'order a chest radiograph' RETURN count(e)"),
                "the sentence must not be evidence for this test to mean anything");
        CaseSearch.Answer radiograph = s.search("\"chest radiograph\" dasatinib", 20, false);
        assertTrue(radiograph.hits().stream().anyMatch(h -> h.kind().equals("passage") && h.sourceType().equals("review")
                && h.snippet().contains("[[chest]] [[radiograph]] for anyone taking [[dasatinib]]")), radiograph.hits()::toString);
        // the review's sentences about pleural effusion with dasatinib, with the document's facets
        CaseSearch.Answer a = s.search("\"pleural effusion\" dasatinib", 20, true);
        assertTrue(a.hits().stream().anyMatch(h -> h.kind().equals("passage") && h.sourceType().equals("review")
                && h.snippet().contains("lower the [[dasatinib]] dose")), a.hits()::toString);
        Map<String, Map<String, Integer>> facets = a.facets().stream()
                .collect(Collectors.toMap(CaseSearch.Facet::name, CaseSearch.Facet::counts));
        assertTrue(facets.get("design").containsKey("review"), facets::toString);
        assertTrue(facets.get("year").containsKey("2021"), facets::toString);
        assertTrue(facets.get("journal").containsKey("J Invented Haematol"), facets::toString);
    }

    @Test
    void searchShouldReadBooleanOperatorsAndExclusionsAsResearchersTypeThem() {
        CaseSearch s = new CaseSearch(store, GROUNDING);
        int imatinib = s.search("imatinib", 1, false).total();
        int amiodarone = s.search("amiodarone", 1, false).total();
        CaseSearch.Answer or = s.search("imatinib OR amiodarone", 500, false);
        assertTrue(or.total() >= Math.max(imatinib, amiodarone) && or.total() <= imatinib + amiodarone, or.total() + "");
        assertTrue(or.hits().stream().anyMatch(h -> h.snippet().toLowerCase().contains("[[amiodarone]]")));
        assertTrue(or.hits().stream().anyMatch(h -> h.snippet().toLowerCase().contains("[[imatinib]]")));
        CaseSearch.Answer minus = s.search("imatinib -infection", 500, false);
        assertTrue(minus.total() > 0 && minus.total() < imatinib, minus.total() + " of " + imatinib);
        assertTrue(minus.hits().stream().noneMatch(h -> h.snippet().toLowerCase().contains("infection")), minus.hits()::toString);
        CaseSearch.Answer and = s.search("imatinib AND infection", 500, false);
        assertEquals(imatinib, minus.total() + and.total());
    }

    @Test
    void totalShouldCountEveryHitWhateverTheLimit() {
        CaseSearch s = new CaseSearch(store, GROUNDING);
        CaseSearch.Answer one = s.search("imatinib", 1, false);
        CaseSearch.Answer all = s.search("imatinib", 500, false);
        assertEquals(1, one.hits().size());
        assertTrue(one.total() > 1);
        assertEquals(all.total(), one.total());
        assertEquals(all.hits().size(), all.total());
    }

    @Test
    void outcomeFacetsShouldGroupFreeTextIntoCategoriesAndKeepTheText() {
        CaseSearch.Answer a = new CaseSearch(store, GROUNDING).search("amiodarone OR imatinib", 500, true);
        Map<String, Integer> outcomes = a.facets().stream().filter(f -> f.name().equals("outcome")).findFirst().orElseThrow().counts();
        assertTrue(outcomes.keySet().containsAll(Set.of("recovered", "improved", "not recovered", "fatal")), outcomes::toString);
        assertTrue(Set.of("recovered", "improved", "not recovered", "fatal", "unknown").containsAll(outcomes.keySet()), outcomes::toString);
        CaseSearch.Hit died = a.hits().stream().filter(h -> "fatal".equals(h.outcomeCategory())).findFirst().orElseThrow();
        assertNotNull(died.outcome(), "the outcome text stays on the case");
        assertEquals(count("MATCH (k:Case) RETURN count(k)"), count("MATCH (k:Case) WHERE k.outcomeCategory IS NOT NULL RETURN count(k)"));
    }

    // ---- citations and exports -----------------------------------------------------------

    @Test
    void citationsShouldNeverBeALocalFilePath() throws Exception {
        String root = TestNeo4j.root().toString();
        Path out = tmp.resolve("map.csv");
        CliCypherTest.Run r = CliCypherTest.cli("export", "evidence-csv", "--uri", store.uri(), "--user", "", "--out", out.toString());
        assertEquals(0, r.status(), r.out());
        List<List<String>> rows = ExportTest.csv(Files.readString(out, StandardCharsets.UTF_8));
        int citation = rows.get(0).indexOf("citation");
        for (List<String> row : rows.subList(1, rows.size())) {
            String c = row.get(citation);
            assertFalse(c.contains(root) || c.contains(".txt") || c.contains(".html") || c.startsWith("/"), c);
            assertFalse(c.isBlank());
        }
        assertTrue(rows.stream().anyMatch(x -> x.get(citation).contains("J Invented Haematol") && x.get(citation).contains("doi:10.5555/")),
                "a citation with journal and DOI");
    }

    @Test
    void referenceListsShouldCiteEverySourceDocumentBehindADrugsEvidence() throws Exception {
        Path out = tmp.resolve("dasatinib.bib");
        assertEquals(0, CliCypherTest.cli("export", "bibtex", "--uri", store.uri(), "--user", "", "--drug", "dasatinib",
                "--out", out.toString()).status());
        String bib = Files.readString(out, StandardCharsets.UTF_8);
        List<String> titles = new ArrayList<>();
        try (Session s = store.session(AccessMode.READ)) {
            s.run("MATCH (:Drug {name: 'dasatinib'})<-[:SUBJECT]-(:Evidence)-[:FROM]->(d:Document) RETURN DISTINCT d.title AS t")
                    .forEachRemaining(x -> titles.add(x.get("t").asString()));
        }
        assertTrue(titles.size() >= 2, titles::toString); // the review and the label excerpt
        for (String t : titles) {
            assertTrue(bib.contains(t.replace("#", "\\#")), "missing source: " + t + "\n" + bib);
        }
        assertFalse(bib.contains(TestNeo4j.root().toString()), bib);
        Path ris = tmp.resolve("dasatinib.ris");
        CliCypherTest.cli("export", "ris", "--uri", store.uri(), "--user", "", "--drug", "dasatinib", "--out", ris.toString());
        assertTrue(Files.readString(ris).contains("M3  - drug label"));
    }

    @Test
    void evidenceMapExportsShouldGiveDirectionIncludingBroaderAndDesignPerRow() throws Exception {
        Path csv = tmp.resolve("pe.csv");
        assertEquals(0, CliCypherTest.cli("export", "evidence-csv", "--uri", store.uri(), "--user", "", "--drug", "dasatinib",
                "--condition", "pleural effusion", "--out", csv.toString()).status());
        List<List<String>> rows = ExportTest.csv(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> h = rows.get(0);
        Set<String> directions = rows.subList(1, rows.size()).stream().map(r -> r.get(h.indexOf("direction"))).collect(Collectors.toSet());
        assertTrue(directions.contains("broader") && directions.contains("for"), directions::toString);
        for (List<String> r : rows.subList(1, rows.size())) {
            assertFalse(r.get(h.indexOf("design")).isBlank(), r::toString);
            if (r.get(h.indexOf("condition_id")).equals("MESH:D010995")) { // pleural diseases, broader than pleural effusion
                assertEquals("broader", r.get(h.indexOf("direction")));
            }
        }
        Path html = tmp.resolve("pe.html");
        assertEquals(0, CliCypherTest.cli("export", "evidence-html", "--uri", store.uri(), "--user", "", "--drug", "dasatinib",
                "--condition", "pleural effusion", "--out", html.toString()).status());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<th>direction</th>") && page.contains("<th>design</th>") && page.contains("class=\"broader\""), page);
    }
}
