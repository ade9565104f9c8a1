package org.litgraph.ingest.format;

import static org.litgraph.ingest.format.XElement.textOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.Chemical;
import org.litgraph.ingest.format.ParsedDocument.MeshHeading;
import org.litgraph.ingest.format.ParsedDocument.Qualifier;

/**
 * PubMed/MEDLINE XML: {@code PubmedArticleSet} (efetch, baseline and update files) and the older
 * {@code MedlineCitationSet}. Streams: each citation is handed over as soon as its closing tag is
 * read. Book records ({@code PubmedBookArticle}) and deletion lists are skipped.
 */
final class PubMedXmlParser implements DocumentParser {
    private static final Set<String> SKIPPED = Set.of("PubmedBookArticle", "DeleteCitation", "DeleteDocument");
    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    @Override
    public Format format() {
        return Format.PUBMED_XML;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        String root = SecureXml.stream(source,
                n -> n.equals("PubmedArticle") || n.equals("MedlineCitation"),
                SKIPPED::contains,
                e -> sink.accept(e.name().equals("PubmedArticle")
                        ? convert(e.child("MedlineCitation"), e.child("PubmedData"), source)
                        : convert(e, null, source)));
        if (!root.equals("PubmedArticleSet") && !root.equals("MedlineCitationSet")
                && !root.equals("PubmedArticle") && !root.equals("MedlineCitation")) {
            throw new ParseException("not PubMed XML: " + source.location() + " has root element <" + root
                    + ">, expected <PubmedArticleSet> or <MedlineCitationSet>");
        }
    }

    private ParsedDocument convert(XElement citation, XElement pubmedData, Source source) throws ParseException {
        if (citation == null) {
            throw new ParseException("PubmedArticle without MedlineCitation in " + source.location());
        }
        DocumentBuilder b = new DocumentBuilder(Format.PUBMED_XML, source.location());
        String pmid = textOf(citation.child("PMID"));
        b.pmid(pmid);
        XElement article = citation.child("Article");
        List<String> pubTypes = new ArrayList<>();
        String doi = null;
        if (article != null) {
            String title = textOf(article.child("ArticleTitle"));
            if (title == null) {
                title = textOf(article.child("VernacularTitle"));
            }
            b.title(title);
            b.block(title);
            XElement abs = article.child("Abstract");
            if (abs != null) {
                for (XElement at : abs.children("AbstractText")) {
                    String label = at.attr("Label");
                    String t = at.text();
                    if (label != null && !label.isBlank()) {
                        b.section(label);
                    }
                    b.block(t);
                }
            }
            journal(b, article.child("Journal"), citation);
            authors(b, article.child("AuthorList"));
            for (XElement el : article.children("ELocationID")) {
                if ("doi".equalsIgnoreCase(el.attr("EIdType")) && doi == null) {
                    doi = textOf(el);
                }
            }
            XElement ptl = article.child("PublicationTypeList");
            if (ptl != null) {
                for (XElement pt : ptl.children("PublicationType")) {
                    pubTypes.add(pt.text());
                }
            }
        }
        b.publicationTypes(pubTypes);
        b.sourceType(sourceType(pubTypes));
        mesh(b, citation.child("MeshHeadingList"));
        XElement chemicals = citation.child("ChemicalList");
        if (chemicals != null) {
            for (XElement c : chemicals.children("Chemical")) {
                XElement name = c.child("NameOfSubstance");
                String rn = textOf(c.child("RegistryNumber"));
                b.chemical(new Chemical(name == null ? null : name.attr("UI"), textOf(name),
                        "0".equals(rn) ? null : rn));
            }
        }
        List<String> keywords = new ArrayList<>();
        for (XElement kl : citation.children("KeywordList")) {
            for (XElement k : kl.children("Keyword")) {
                String t = textOf(k);
                if (t != null) {
                    keywords.add(t);
                }
            }
        }
        b.keywords(keywords);
        if (pubmedData != null) {
            XElement ids = pubmedData.child("ArticleIdList");
            if (ids != null) {
                for (XElement id : ids.children("ArticleId")) {
                    String type = id.attr("IdType");
                    String v = textOf(id);
                    if ("doi".equals(type) && doi == null) {
                        doi = v;
                    } else if ("pmc".equals(type)) {
                        b.pmcid(v);
                    } else if ("pubmed".equals(type) && pmid == null) {
                        b.pmid(v);
                    }
                }
            }
            List<XElement> refs = pubmedData.find("Reference");
            if (!refs.isEmpty()) {
                b.section("References");
                int n = 0;
                for (XElement ref : refs) {
                    n++;
                    String cit = textOf(ref.child("Citation"));
                    String rDoi = null;
                    String rPmid = null;
                    XElement rIds = ref.child("ArticleIdList");
                    if (rIds != null) {
                        for (XElement id : rIds.children("ArticleId")) {
                            if ("doi".equals(id.attr("IdType"))) {
                                rDoi = textOf(id);
                            } else if ("pubmed".equals(id.attr("IdType"))) {
                                rPmid = textOf(id);
                            }
                        }
                    }
                    b.reference(n, cit, null, null, cit == null ? null : year(cit), rDoi, rPmid, null, List.of());
                }
            }
        }
        b.doi(doi);
        if (pmid != null) {
            b.url("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
        }
        return b.build();
    }

    private static void journal(DocumentBuilder b, XElement journal, XElement citation) {
        String name = null;
        if (journal != null) {
            name = textOf(journal.child("ISOAbbreviation"));
            if (name == null) {
                name = textOf(journal.child("Title"));
            }
            XElement pubDate = journal.path("JournalIssue", "PubDate");
            if (pubDate != null) {
                date(b, pubDate);
            }
        }
        if (name == null) {
            name = textOf(citation.path("MedlineJournalInfo", "MedlineTA"));
        }
        b.journal(name);
    }

    private static void date(DocumentBuilder b, XElement pubDate) {
        String y = textOf(pubDate.child("Year"));
        if (y != null && y.matches("\\d{4}")) {
            b.year(Integer.valueOf(y));
            StringBuilder published = new StringBuilder(y);
            int month = month(textOf(pubDate.child("Month")));
            if (month > 0) {
                published.append(String.format(Locale.ROOT, "-%02d", month));
                String d = textOf(pubDate.child("Day"));
                if (d != null && d.matches("\\d{1,2}")) {
                    published.append(String.format(Locale.ROOT, "-%02d", Integer.parseInt(d)));
                }
            }
            b.published(published.toString());
            return;
        }
        String medlineDate = textOf(pubDate.child("MedlineDate"));
        Integer year = medlineDate == null ? null : year(medlineDate);
        if (year != null) {
            b.year(year);
            b.published(String.valueOf(year));
        }
    }

    static int month(String m) {
        if (m == null) {
            return 0;
        }
        if (m.matches("\\d{1,2}")) {
            int v = Integer.parseInt(m);
            return v >= 1 && v <= 12 ? v : 0;
        }
        String k = m.length() >= 3 ? m.substring(0, 3).toLowerCase(Locale.ROOT) : m;
        return MONTHS.indexOf(k) + 1;
    }

    static Integer year(String s) {
        Matcher m = YEAR.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static void authors(DocumentBuilder b, XElement list) {
        List<String> authors = new ArrayList<>();
        if (list != null) {
            for (XElement a : list.children("Author")) {
                String last = textOf(a.child("LastName"));
                String initials = textOf(a.child("Initials"));
                if (last != null) {
                    authors.add(initials == null ? last : last + " " + initials);
                } else {
                    String collective = textOf(a.child("CollectiveName"));
                    if (collective != null) {
                        authors.add(collective);
                    }
                }
            }
        }
        b.authors(authors);
    }

    private static void mesh(DocumentBuilder b, XElement list) {
        if (list == null) {
            return;
        }
        for (XElement h : list.children("MeshHeading")) {
            XElement d = h.child("DescriptorName");
            if (d == null) {
                continue;
            }
            List<Qualifier> qs = new ArrayList<>();
            for (XElement q : h.children("QualifierName")) {
                qs.add(new Qualifier(q.attr("UI"), q.text(), "Y".equals(q.attr("MajorTopicYN"))));
            }
            b.meshHeading(new MeshHeading(d.attr("UI"), d.text(), "Y".equals(d.attr("MajorTopicYN")), qs));
        }
        // rendered as PubMed's pages show them, one line per heading and qualifier, so that
        // statements drawn from them have verbatim text and offsets like any other evidence
        List<String> lines = new ArrayList<>();
        for (MeshHeading h : b.meshHeadings()) {
            if (h.qualifiers().isEmpty()) {
                lines.add(h.descriptor() + (h.major() ? "*" : ""));
            }
            for (Qualifier q : h.qualifiers()) {
                lines.add(h.descriptor() + " / " + q.name() + (q.major() ? "*" : ""));
            }
        }
        if (!lines.isEmpty()) {
            b.section("MeSH terms");
            b.block(String.join("\n", lines));
        }
    }

    /** The source type PubMed's publication types state. */
    static SourceType sourceType(List<String> publicationTypes) {
        boolean review = false;
        boolean trial = false;
        for (String p : publicationTypes) {
            String t = p.toLowerCase(Locale.ROOT);
            if (t.equals("case reports")) {
                return SourceType.CASE_REPORT;
            }
            if (t.equals("review") || t.equals("systematic review") || t.equals("meta-analysis")) {
                review = true;
            }
            if (t.contains("clinical trial") || t.equals("randomized controlled trial")
                    || t.equals("controlled clinical trial") || t.equals("pragmatic clinical trial")) {
                trial = true;
            }
        }
        return review ? SourceType.REVIEW : trial ? SourceType.CLINICAL_TRIAL : SourceType.ABSTRACT;
    }
}
