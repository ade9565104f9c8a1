package org.litgraph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A small PubMed-like corpus written by the tests themselves (sentences of our own, real drug and
 * condition names, fixed seed): structured and plain abstracts, authors or none, MeSH headings,
 * reference lists whose records other citations also cite or are, quotes, commas and line breaks
 * in values, a citation repeated with changed content and one repeated unchanged.
 */
final class PubmedLikeCorpus {
    private static final String[] SENTENCES = {
        "Amiodarone-induced pneumonitis developed in several patients after months of therapy.",
        "Imatinib caused interstitial lung disease in a minority of treated patients.",
        "Methotrexate did not cause hepatotoxicity in this cohort of adults.",
        "Imatinib may cause neutropenia during the first weeks of treatment.",
        "Pulmonary fibrosis was treated with imatinib in two patients, with improvement.",
        "Imatinib inhibits the platelet-derived growth factor receptor.",
        "Amiodarone inhibits lysosomal phospholipase A2 in alveolar macrophages.",
        "Bleomycin-induced pulmonary fibrosis is dose dependent.",
        "Nitrofurantoin caused acute pneumonitis in an elderly woman.",
        "Corticosteroids treat amiodarone pneumonitis in most reported patients.",
        "Methotrexate-induced pneumonitis resolved after the drug was stopped.",
        "A 64-year-old woman developed a rash and fever after receiving carbamazepine 200 mg daily.",
        "A 58-year-old man presented with dyspnea and cough while taking amiodarone 400 mg/day.",
        "Rituximab was associated with hepatitis B reactivation, although the \"risk\" was small.",
        "No patient receiving bisoprolol developed pneumonitis, hypothyroidism, or rash.",
        "Cisplatin-induced nephrotoxicity was reduced by hydration.",
    };
    private static final String[] TITLES = {
        "Lung toxicity of kinase inhibitors: a \"retrospective\" review",
        "Drug-induced pneumonitis, revisited",
        "Hepatic safety of methotrexate in rheumatology",
        "Adverse events of antiarrhythmic drugs; a case series",
        "Back\\slash and comma, in one title",
    };

    private PubmedLikeCorpus() {
    }

    /** Writes {@code n} citations (plus a changed and an unchanged repeat) as two gzipped files. */
    static List<Path> write(Path dir, long firstPmid, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(record(firstPmid + i, random, i));
        }
        // the same PMID again: once unchanged, once with a changed abstract (the later version wins)
        records.add(records.get(3));
        records.add(record(firstPmid + 5, new Random(seed + 99), 5));
        List<Path> files = new ArrayList<>();
        int half = records.size() / 2;
        files.add(file(dir.resolve("pubmed-a.xml.gz"), records.subList(0, half)));
        files.add(file(dir.resolve("pubmed-b.xml.gz"), records.subList(half, records.size())));
        return files;
    }

    private static Path file(Path f, List<String> records) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f));
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n");
            for (String r : records) {
                w.write(r);
            }
            w.write("</PubmedArticleSet>\n");
        }
        return f;
    }

    private static String record(long pmid, Random random, int index) {
        StringBuilder b = new StringBuilder();
        b.append("<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">").append(pmid)
                .append("</PMID><Article PubModel=\"Print\"><Journal><JournalIssue><PubDate><Year>")
                .append(2000 + random.nextInt(24)).append("</Year></PubDate></JournalIssue><ISOAbbreviation>J Test Pharm")
                .append("</ISOAbbreviation></Journal><ArticleTitle>").append(esc(TITLES[random.nextInt(TITLES.length)]));
        if (index % 7 == 0) {
            b.append("\nsecond line of the title");
        }
        b.append("</ArticleTitle><Abstract>");
        int count = 2 + random.nextInt(5);
        if (index % 3 == 0) {
            String[] labels = {"BACKGROUND", "CASE", "CONCLUSIONS"};
            for (int s = 0; s < 3; s++) {
                b.append("<AbstractText Label=\"").append(labels[s]).append("\">");
                for (int k = 0; k < Math.max(1, count / 2); k++) {
                    b.append(esc(SENTENCES[random.nextInt(SENTENCES.length)])).append(' ');
                }
                b.append("</AbstractText>");
            }
        } else {
            b.append("<AbstractText>");
            for (int k = 0; k < count; k++) {
                b.append(esc(SENTENCES[random.nextInt(SENTENCES.length)])).append(' ');
            }
            b.append("</AbstractText>");
        }
        b.append("</Abstract>");
        if (index % 4 != 1) {
            b.append("<AuthorList><Author><LastName>Tester</LastName><Initials>A</Initials></Author>")
                    .append("<Author><LastName>O'Brien, Jr</LastName><Initials>\"Q\"</Initials></Author></AuthorList>");
        }
        if (index % 5 == 2) {
            b.append("<PublicationTypeList><PublicationType>Case Reports</PublicationType></PublicationTypeList>");
        }
        b.append("</Article>");
        if (index % 6 == 4) {
            b.append("<MeshHeadingList><MeshHeading><DescriptorName UI=\"D000638\">Amiodarone</DescriptorName>")
                    .append("<QualifierName UI=\"Q000009\">adverse effects</QualifierName></MeshHeading>")
                    .append("<MeshHeading><DescriptorName UI=\"D011014\">Pneumonia</DescriptorName>")
                    .append("<QualifierName UI=\"Q000139\">chemically induced</QualifierName></MeshHeading>")
                    .append("</MeshHeadingList>");
        }
        b.append("</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">").append(pmid)
                .append("</ArticleId>");
        if (index % 2 == 0) {
            b.append("<ArticleId IdType=\"doi\">10.9999/test.").append(pmid).append("</ArticleId>");
        }
        b.append("</ArticleIdList>");
        if (index % 4 == 3) {
            // cites a shared record, and the record of an earlier citation of this corpus
            b.append("<ReferenceList><Reference><Citation>Shared review of drug-induced lung disease. Test J. 2001</Citation>")
                    .append("<ArticleIdList><ArticleId IdType=\"pubmed\">777</ArticleId></ArticleIdList></Reference>")
                    .append("<Reference><Citation>An earlier citation, \"quoted\", of this corpus</Citation>")
                    .append("<ArticleIdList><ArticleId IdType=\"pubmed\">").append(pmid - index + index / 2)
                    .append("</ArticleId></ArticleIdList></Reference></ReferenceList>");
        }
        b.append("</PubmedData></PubmedArticle>\n");
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
