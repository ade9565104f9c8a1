package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.SourceType;

/** Titles as a reviewer cites them and designs from content and metadata (issue 11), on examples/answers. */
class TitlesAndDesignsTest {
    private static final Path DIR = Path.of(System.getProperty("litgraph.root", "..")).resolve("examples/answers");

    private static ParsedDocument parse(String file) throws Exception {
        Path p = DIR.resolve(file);
        List<ParsedDocument> out = new ArrayList<>();
        Formats.parser(Formats.detect(p.getFileName().toString(), Files.readAllBytes(p))).parse(Source.of(p), out::add);
        return out.get(0);
    }

    @Test
    void shouldTakeTheTitleFromTheContentNotALogoBreadcrumbOrJournalLine() throws Exception {
        assertEquals("Bosutinib and the liver: what the monitoring data show",
                parse("web-capture-bosutinib-liver.txt").metadata().title());
        assertEquals("Nilotinib and heart rhythm: a short guide for prescribers",
                parse("page-nilotinib-heart.html").metadata().title());
        ParsedDocument review = parse("review-tki-pleural-effusion.txt");
        assertEquals("Fluid around the lungs in patients on second-generation kinase inhibitors: a narrative review",
                review.metadata().title());
        assertEquals("J Invented Haematol", review.metadata().journal());
        assertEquals(2021, review.metadata().year());
    }

    @Test
    void shouldCutTheSiteNameFromAPageTitle() {
        assertEquals("Dasatinib and fluid retention in older adults",
                Titles.cleanPageTitle("Dasatinib and fluid retention in older adults | Invented PV", null, "Invented PV"));
        assertEquals("Dasatinib and fluid retention in older adults",
                Titles.cleanPageTitle("INVENTED PV - Dasatinib and fluid retention in older adults", null, null));
    }

    @Test
    void shouldReadTheDesignFromContentAndMetadata() throws Exception {
        assertEquals(SourceType.REVIEW, parse("review-tki-pleural-effusion.txt").metadata().sourceType());
        assertEquals(SourceType.CASE_REPORT, parse("case-report-nilotinib-effusion.txt").metadata().sourceType());
        assertEquals(SourceType.CASE_SERIES, parse("case-series-amiodarone-lung.txt").metadata().sourceType());
        assertEquals(SourceType.REGULATORY_NOTICE, parse("notice-bosutinib-liver.txt").metadata().sourceType());
        assertEquals(SourceType.DRUG_LABEL, parse("label-dasatinib-excerpt.txt").metadata().sourceType());
        assertEquals(SourceType.CLINICAL_TRIAL, parse("trial-pirfenidone-abstract.txt").metadata().sourceType());
        assertEquals(SourceType.WEB_PAGE, parse("page-nilotinib-heart.html").metadata().sourceType());
        assertEquals(SourceType.WEB_PAGE, parse("web-capture-bosutinib-liver.txt").metadata().sourceType());
        // metadata that states a case report of four patients: a case series
        assertEquals(SourceType.CASE_SERIES, Designs.of("Four patients with drug X pneumonitis", "We describe four patients.",
                SourceType.CASE_REPORT, SourceType.ABSTRACT));
        // a specific stated design is kept
        assertEquals(SourceType.REVIEW, Designs.of("Anything", "we report a case", SourceType.REVIEW, SourceType.ABSTRACT));
    }

    @Test
    void shouldKeepTheExampleCorpusDesigns() throws Exception {
        Path corpus = DIR.getParent().resolve("corpus");
        List<String> designs = new ArrayList<>();
        for (String f : List.of("advisory-imatinib-infections.txt", "case-report-amiodarone-pneumonitis.txt",
                "pubmed-imatinib-mctd-fibrosis.txt", "pubmed-imatinib-pttm.txt", "vendor-note-imatinib-lung-toxicity.txt")) {
            Path p = corpus.resolve(f);
            designs.add(new PlainTextParser().parse(p.toString(), Files.readString(p)).metadata().sourceType().label());
        }
        assertEquals(List.of("clinical summary", "peer-reviewed case report", "peer-reviewed case report",
                "peer-reviewed case report", "vendor note"), designs);
    }
}
