package org.litgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.Store;
import org.litgraph.graph.TestNeo4j;
import org.litgraph.ingest.Ingestor;
import org.litgraph.query.answer.CaseSearch;
import org.litgraph.query.answer.EvidenceQuestion;
import org.litgraph.query.answer.Mechanism;
import org.litgraph.query.answer.Names;
import org.litgraph.query.answer.UnknownName;

/** Researchers' questions and case search over the four seed documents of ../shared (ingested once). */
class SeedAnswersTest {
    private static Store store;

    @BeforeAll
    static void ingestSeeds() {
        Path shared = TestNeo4j.shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        store = TestNeo4j.emptyStore();
        new Ingestor(store).ingest(List.of(shared.resolve("seeds")));
    }

    static String cli(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            assertEquals(0, status, () -> out.toString(StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void shouldExplainImatinibLungDiseaseThroughThePdgfReceptorAndAProcessWithEvidencePerHop() {
        Mechanism.Answer a = new Mechanism(store).ask("imatinib", "interstitial lung disease");
        assertFalse(a.paths().isEmpty(), "no mechanism path");
        Mechanism.Path best = a.paths().get(0);
        List<String> ids = best.hops().stream().map(Mechanism.Hop::toId).toList();
        assertTrue(ids.contains("FPLX:PDGFR"), ids::toString);
        // the process is composed from the anatomy and process noun the text uses, not a curated row
        assertTrue(ids.stream().anyMatch(id -> id.startsWith("LG:process/") || id.startsWith("GO:")), ids::toString);
        for (Mechanism.Hop h : best.hops()) {
            assertFalse(h.evidence().isEmpty(), () -> "no evidence for " + h.from() + " " + h.type() + " " + h.to());
            assertTrue(h.evidence().stream().allMatch(s -> s.text() != null && !s.text().isBlank()));
        }
        // no stated LEADS_TO reaches ILD: the last link is a flagged document-context gap, at lower confidence
        assertEquals("context", best.relation());
        assertTrue(best.gaps().stream().anyMatch(g -> g.reason().contains("by document context, not a stated relationship")),
                best.gaps()::toString);
        double product = best.hops().stream().mapToDouble(Mechanism.Hop::confidence).reduce(1, (x, y) -> x * y);
        assertTrue(best.confidence() < product, () -> best.confidence() + " vs " + product);
    }

    @Test
    void shouldListTheThreeVendorNotePatientsAndTheContradictingTherapeuticReport() {
        EvidenceQuestion.Answer a = new EvidenceQuestion(store).ask("Gleevec", "ILD");
        assertEquals("imatinib", a.drug().name());
        assertEquals("MESH:D017563", a.condition().id());
        Set<String> patients = a.cases().stream().filter(c -> "vendor note".equals(c.sourceType()))
                .map(c -> c.age() + " " + c.sex() + " " + c.dechallenge() + "/" + c.rechallenge()).collect(Collectors.toSet());
        assertEquals(Set.of("53 male positive/negative", "49 male negative/null", "73 female positive/positive"), patients);
        EvidenceQuestion.Item therapeutic = a.bySource().stream().flatMap(g -> g.items().stream())
                .filter(i -> i.predicate().equals("TREATS") && i.condition().equalsIgnoreCase("pulmonary fibrosis"))
                .findFirst().orElseThrow(() -> new AssertionError("no TREATS pulmonary fibrosis statement"));
        assertEquals("peer-reviewed case report", therapeutic.sourceType());
        assertTrue(therapeutic.document().contains("mixed connective tissue disease"), therapeutic::document);
        assertEquals("narrower", therapeutic.relation());
        // treating a narrower condition argues against the asked link (labelled contradicting), but it is not
        // the same drug use as causing ILD: no contradiction pairs it with the ILD statements
        assertEquals(EvidenceQuestion.Stance.CONTRADICTING, therapeutic.stance());
        assertTrue(a.contradictions().stream().noneMatch(c -> c.items().contains(therapeutic.id())
                        && !c.conditionId().equals(therapeutic.conditionId())), a.contradictions()::toString);
        assertTrue(a.supporting() >= 3, () -> "supporting " + a.supporting());
        assertTrue(a.bySource().stream().anyMatch(g -> g.sourceType().equals("vendor note")));
    }

    @Test
    void shouldFindImatinibCasesWithHighlightsWhenSearchingGleevec() {
        CaseSearch.Answer a = new CaseSearch(store).search("Gleevec", 50, true);
        assertTrue(a.terms().get(0).expansions().contains("imatinib"), a.terms()::toString);
        List<CaseSearch.Hit> cases = a.hits().stream().filter(h -> h.kind().equals("case")).toList();
        assertTrue(cases.size() >= 3, () -> "case hits: " + cases);
        assertTrue(cases.stream().allMatch(h -> h.drugs().contains("imatinib")), cases::toString);
        assertTrue(cases.stream().allMatch(h -> h.snippet().toLowerCase().contains("[[imatinib]]")), cases::toString);
        assertTrue(cases.stream().allMatch(h -> h.snippetHtml().toLowerCase().contains("<mark>imatinib</mark>")));
        // cases and passages are ranked together by score, case scores boosted
        for (int i = 1; i < a.hits().size(); i++) {
            assertTrue(a.hits().get(i - 1).score() >= a.hits().get(i).score());
        }
        assertTrue(a.hits().stream().anyMatch(h -> h.kind().equals("passage")), "every sentence is searchable");
    }

    @Test
    void shouldCountFacetsConsistentlyWithTheHits() {
        CaseSearch.Answer a = new CaseSearch(store).search("imatinib", 1000, true);
        assertEquals(a.total(), a.hits().size());
        Map<String, Map<String, Integer>> facets = a.facets().stream()
                .collect(Collectors.toMap(CaseSearch.Facet::name, CaseSearch.Facet::counts));
        long caseHits = a.hits().stream().filter(h -> h.kind().equals("case")).count();
        assertEquals(caseHits, facets.get("sex").values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(a.hits().stream().filter(h -> h.drugs().contains("imatinib")).count(),
                (long) facets.get("drug").get("imatinib"));
        for (Map.Entry<String, Integer> band : facets.get("ageBand").entrySet()) {
            assertEquals(a.hits().stream().filter(h -> band.getKey().equals(h.ageBand())).count(), (long) band.getValue());
        }
        assertTrue(facets.get("ageBand").containsKey("65+"), facets::toString); // the 73-year-old woman
    }

    @Test
    void shouldResolveCodesAbbreviationsAndBrandNamesCaseInsensitively() {
        Names names = new Names(store);
        assertEquals("MESH:D000068877", names.resolve("STI571", "Drug").id());
        assertEquals("MESH:D000068877", names.resolve("gleevec", "Drug").id());
        assertEquals("MESH:D017563", names.resolve("ILD", "Condition").id());
        assertEquals("MESH:D006976", names.resolve("PH", "Condition").id());
        UnknownName e = assertThrows(UnknownName.class, () -> names.resolve("imatinob", "Drug"));
        assertTrue(e.suggestions().contains("imatinib"), e::getMessage);
    }

    @Test
    void shouldPrintParseableJsonForAskCommands() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode mech = json.readTree(cli("ask", "mechanism", "--uri", store.uri(), "--user", "", "--format", "json",
                "Gleevec", "interstitial lung disease"));
        assertTrue(mech.get("paths").size() >= 1, mech::toString);
        assertEquals("imatinib", mech.get("drug").get("name").asText());
        JsonNode ev = json.readTree(cli("ask", "evidence", "--uri", store.uri(), "--user", "", "--format", "json", "STI571", "ILD"));
        assertTrue(ev.get("cases").size() >= 3, ev::toString);
        JsonNode profile = json.readTree(cli("ask", "profile", "--uri", store.uri(), "--user", "", "--format", "json", "imatinib"));
        assertTrue(profile.get("causes").size() >= 1, profile::toString);
        JsonNode cmp = json.readTree(cli("ask", "compare", "--uri", store.uri(), "--user", "", "--format", "json",
                "infection", "imatinib", "dasatinib"));
        // statements about narrower conditions count (hepatitis B, pulmonary tuberculosis ... are infections)
        assertTrue(cmp.get("drugs").get(0).get("causesEvidence").asInt() >= 2, cmp::toString);
        assertTrue(cmp.get("drugs").get(0).get("relationship").asText().startsWith("CAUSES"), cmp::toString);
        assertEquals("negated", cmp.get("drugs").get(1).get("relationship").asText());
        String text = cli("ask", "mechanism", "--uri", store.uri(), "--user", "", "Gleevec", "ILD");
        assertTrue(text.contains("1. imatinib -INHIBITS-> platelet-derived growth factor receptor") && text.contains("GAP"), text);
        String mermaid = cli("ask", "mechanism", "--uri", store.uri(), "--user", "", "--format", "mermaid", "imatinib", "ILD");
        assertTrue(mermaid.startsWith("flowchart LR") && mermaid.contains("gap: document context"), mermaid);
    }
}
