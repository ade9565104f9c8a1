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

/**
 * PMC full text in JATS (NLM) XML: a bare {@code <article>}, a {@code <pmc-articleset>} or an
 * OAI-PMH response wrapping articles. Each {@code <article>} becomes one document: front matter to
 * metadata, abstract and body sections, paragraphs, figure captions and tables to text, the
 * reference list to references.
 */
final class JatsParser implements DocumentParser {
    /** Elements that sit inside a paragraph but read as blocks of their own. */
    private static final Set<String> FLOATING = Set.of("table-wrap", "table-wrap-group", "fig", "fig-group", "list",
            "disp-quote", "boxed-text", "supplementary-material", "def-list");
    private static final Set<String> IGNORED = Set.of("title", "label", "object-id", "graphic", "media",
            "alternatives", "inline-graphic", "xref-group", "sec-meta");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");
    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");

    @Override
    public Format format() {
        return Format.JATS_XML;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        int[] count = {0};
        String root = SecureXml.stream(source, n -> n.equals("article"), n -> false, e -> {
            sink.accept(convert(e, source));
            count[0]++;
        });
        if (count[0] == 0) {
            if (root.equals("OAI-PMH")) {
                throw new ParseException("OAI-PMH response " + source.location()
                        + " holds no <article> (an error or an empty result?)");
            }
            throw new ParseException("not JATS XML: " + source.location() + " has root element <" + root
                    + "> and no <article>");
        }
    }

    private ParsedDocument convert(XElement article, Source source) {
        DocumentBuilder b = new DocumentBuilder(Format.JATS_XML, source.location());
        XElement front = article.child("front");
        XElement meta = front == null ? null : front.child("article-meta");
        XElement journalMeta = front == null ? null : front.child("journal-meta");
        String articleType = article.attr("article-type");
        b.articleType(articleType);
        b.sourceType(sourceType(articleType, meta));
        if (journalMeta != null) {
            String journal = textOf(journalMeta.first("journal-title"));
            if (journal == null) {
                journal = textOf(journalMeta.first("abbrev-journal-title"));
            }
            b.journal(journal);
            b.publisher(textOf(journalMeta.first("publisher-name")));
        }
        String title = null;
        if (meta != null) {
            title = textOf(meta.path("title-group", "article-title"));
            ids(b, meta);
            b.authors(authors(meta));
            date(b, meta);
            List<String> keywords = new ArrayList<>();
            for (XElement k : meta.find("kwd")) {
                String t = textOf(k);
                if (t != null) {
                    keywords.add(t);
                }
            }
            b.keywords(keywords);
        }
        b.title(title);
        b.block(title);
        if (meta != null) {
            for (XElement abs : meta.children("abstract")) {
                String type = abs.attr("abstract-type");
                if (type != null && (type.equals("graphical") || type.equals("teaser"))) {
                    continue;
                }
                String heading = textOf(abs.child("title"));
                b.section(heading == null ? "Abstract" : heading);
                container(b, abs);
            }
        }
        bodyAndBack(b, article, 0);
        return b.build();
    }

    /** Body, back matter and any sub-articles (collections of abstracts, replies, translations). */
    private void bodyAndBack(DocumentBuilder b, XElement article, int depth) {
        XElement body = article.child("body");
        if (body != null) {
            container(b, body);
        }
        XElement back = article.child("back");
        if (back != null) {
            for (XElement ack : back.find("ack")) {
                String heading = textOf(ack.child("title"));
                b.section(heading == null ? "Acknowledgements" : heading);
                container(b, ack);
            }
            for (XElement refList : back.find("ref-list")) {
                references(b, refList);
            }
        }
        if (depth > 8) {
            return;
        }
        for (XElement sub : article.elements()) {
            if (!sub.name().equals("sub-article") && !sub.name().equals("response")) {
                continue;
            }
            XElement stub = sub.child("front-stub") != null ? sub.child("front-stub") : sub.path("front", "article-meta");
            String heading = stub == null ? null : textOf(stub.path("title-group", "article-title"));
            if (heading != null) {
                b.section(heading);
            }
            if (stub != null) {
                for (XElement abs : stub.children("abstract")) {
                    container(b, abs);
                }
            }
            bodyAndBack(b, sub, depth + 1);
        }
    }

    static SourceType sourceType(String articleType, XElement meta) {
        String t = articleType == null ? "" : articleType.toLowerCase(Locale.ROOT);
        if (t.equals("case-report")) {
            return SourceType.CASE_REPORT;
        }
        if (meta != null) {
            XElement cats = meta.child("article-categories");
            if (cats != null) {
                for (XElement s : cats.find("subject")) {
                    if (s.text().toLowerCase(Locale.ROOT).matches("case reports?")) {
                        return SourceType.CASE_REPORT;
                    }
                }
            }
        }
        return switch (t) {
            case "review-article", "systematic-review" -> SourceType.REVIEW;
            case "research-article", "brief-report", "rapid-communication" -> SourceType.RESEARCH_ARTICLE;
            case "abstract", "meeting-report" -> SourceType.ABSTRACT;
            default -> SourceType.OTHER;
        };
    }

    private static void ids(DocumentBuilder b, XElement meta) {
        for (XElement id : meta.children("article-id")) {
            String type = id.attr("pub-id-type");
            String v = textOf(id);
            if (type == null || v == null) {
                continue;
            }
            switch (type) {
                case "doi" -> b.doi(v);
                case "pmid" -> b.pmid(v);
                case "pmc", "pmcid" -> b.pmcid(v.startsWith("PMC") ? v : "PMC" + v);
                default -> {
                }
            }
        }
    }

    private static List<String> authors(XElement meta) {
        List<String> out = new ArrayList<>();
        for (XElement group : meta.children("contrib-group")) {
            for (XElement c : group.children("contrib")) {
                String type = c.attr("contrib-type");
                if (type != null && !type.equals("author")) {
                    continue;
                }
                String name = personName(c);
                if (name != null) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** "Surname Initials" from a name, string-name or collab. */
    private static String personName(XElement c) {
        XElement name = c.child("name");
        if (name == null) {
            name = c.first("name");
        }
        if (name != null) {
            String surname = textOf(name.child("surname"));
            String given = textOf(name.child("given-names"));
            if (surname != null) {
                String initials = initials(given);
                return initials.isEmpty() ? surname : surname + " " + initials;
            }
        }
        String s = textOf(c.child("string-name"));
        if (s == null) {
            s = textOf(c.child("collab"));
        }
        return s;
    }

    static String initials(String given) {
        if (given == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : given.split("[\\s.-]+")) {
            if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
                sb.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return sb.toString();
    }

    private static void date(DocumentBuilder b, XElement meta) {
        XElement chosen = null;
        for (XElement d : meta.children("pub-date")) {
            if (textOf(d.child("year")) == null) {
                continue;
            }
            String type = d.attr("pub-type") != null ? d.attr("pub-type") : d.attr("date-type");
            if (chosen == null || "epub".equals(type) || "ppub".equals(type) || "pub".equals(type)) {
                chosen = d;
                if ("epub".equals(type) || "pub".equals(type)) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return;
        }
        Matcher y = YEAR.matcher(chosen.child("year").text());
        if (!y.find()) {
            return;
        }
        b.year(Integer.valueOf(y.group(1)));
        String published = y.group(1);
        int month = PubMedXmlParser.month(textOf(chosen.child("month")));
        if (month > 0) {
            published += String.format(Locale.ROOT, "-%02d", month);
            String day = textOf(chosen.child("day"));
            if (day != null && day.matches("\\d{1,2}")) {
                published += String.format(Locale.ROOT, "-%02d", Integer.parseInt(day));
            }
        }
        b.published(published);
    }

    /** Renders the block content of a section-like element, in document order. */
    private void container(DocumentBuilder b, XElement e) {
        for (XElement c : e.elements()) {
            switch (c.name()) {
                case "sec", "app" -> {
                    String heading = textOf(c.child("title"));
                    String label = textOf(c.child("label"));
                    if (heading != null && label != null) {
                        heading = label + " " + heading;
                    }
                    if (heading != null) {
                        b.section(heading);
                    }
                    container(b, c);
                }
                case "p" -> paragraph(b, c);
                case "table-wrap" -> table(b, c);
                case "fig" -> b.block(caption(c));
                case "supplementary-material" -> b.block(caption(c));
                case "list", "list-item", "table-wrap-group", "fig-group", "disp-quote", "boxed-text",
                        "app-group", "statement", "glossary", "def-list", "def-item", "def", "caption" -> container(b, c);
                case "ref-list", "fn-group", "notes", "ack" -> {
                    // back matter, handled (or deliberately left out) elsewhere
                }
                default -> {
                    if (!IGNORED.contains(c.name())) {
                        b.block(c.text());
                    }
                }
            }
        }
    }

    private void paragraph(DocumentBuilder b, XElement p) {
        b.block(XElement.collapse(p.textExcept(e -> FLOATING.contains(e.name()))));
        for (XElement f : p.find(e -> FLOATING.contains(e.name()))) {
            container(b, XElement.wrap(f));
        }
    }

    private static String caption(XElement fig) {
        String label = textOf(fig.child("label"));
        String caption = textOf(fig.child("caption"));
        if (caption == null) {
            return label;
        }
        return label == null ? caption : label + " " + caption;
    }

    private void table(DocumentBuilder b, XElement wrap) {
        String caption = caption(wrap);
        List<XElement> tables = wrap.find("table");
        if (tables.isEmpty()) {
            b.block(caption);
        }
        for (XElement t : tables) {
            List<List<String>> rows = new ArrayList<>();
            for (XElement tr : t.find("tr")) {
                List<String> row = new ArrayList<>();
                for (XElement cell : tr.elements()) {
                    if (!cell.name().equals("td") && !cell.name().equals("th")) {
                        continue;
                    }
                    String v = cell.text();
                    int span = 1;
                    try {
                        span = cell.attr("colspan") == null ? 1 : Integer.parseInt(cell.attr("colspan").strip());
                    } catch (NumberFormatException ignored) {
                        // a malformed colspan counts as one column
                    }
                    for (int i = 0; i < Math.max(1, Math.min(span, 100)); i++) {
                        row.add(v);
                    }
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                }
            }
            b.table(caption, rows);
            caption = null;
        }
        XElement foot = wrap.child("table-wrap-foot");
        if (foot != null) {
            b.block(foot.text());
        }
    }

    private void references(DocumentBuilder b, XElement refList) {
        String heading = textOf(refList.child("title"));
        b.section(heading == null ? "References" : heading);
        int index = 0;
        for (XElement ref : refList.find("ref")) {
            index++;
            Integer number = index;
            String label = textOf(ref.child("label"));
            if (label != null) {
                Matcher m = NUMBER.matcher(label);
                if (m.find() && m.group(1).length() < 6) {
                    number = Integer.valueOf(m.group(1));
                }
            }
            XElement cit = citation(ref);
            if (cit == null) {
                continue;
            }
            String text = citationText(cit);
            String refTitle = textOf(ref.first("article-title"));
            String refJournal = textOf(ref.first("source"));
            Integer year = null;
            String y = textOf(ref.first("year"));
            if (y != null) {
                Matcher m = YEAR.matcher(y);
                year = m.find() ? Integer.valueOf(m.group(1)) : null;
            }
            String doi = null;
            String pmid = null;
            for (XElement id : ref.find("pub-id")) {
                if ("doi".equals(id.attr("pub-id-type")) && doi == null) {
                    doi = textOf(id);
                } else if ("pmid".equals(id.attr("pub-id-type")) && pmid == null) {
                    pmid = textOf(id);
                }
            }
            String url = null;
            XElement link = ref.first("ext-link");
            if (link != null) {
                url = link.attr("href") != null ? link.attr("href") : textOf(link);
            }
            List<String> authors = new ArrayList<>();
            for (XElement n : cit.find("name")) {
                String surname = textOf(n.child("surname"));
                if (surname != null) {
                    String initials = initials(textOf(n.child("given-names")));
                    authors.add(initials.isEmpty() ? surname : surname + " " + initials);
                }
            }
            b.reference(number, text, refTitle, refJournal, year, doi, pmid, url, authors);
        }
    }

    /** The citation to read: mixed-citation first, then an unstructured display citation, then any. */
    private static XElement citation(XElement ref) {
        XElement mixed = ref.first("mixed-citation");
        if (mixed != null) {
            return mixed;
        }
        XElement any = null;
        for (XElement c : ref.find(e -> e.name().equals("citation") || e.name().equals("element-citation")
                || e.name().equals("nlm-citation"))) {
            if ("display-unstructured".equals(c.attr("citation-type"))) {
                return c;
            }
            if (any == null) {
                any = c;
            }
        }
        return any;
    }

    /** A mixed citation reads as it is; an element citation's parts are joined with punctuation. */
    private static String citationText(XElement cit) {
        if (cit.name().equals("mixed-citation") || "display-unstructured".equals(cit.attr("citation-type"))) {
            return cit.text();
        }
        boolean hasText = cit.content().stream().anyMatch(o -> o instanceof String s && s.strip().length() > 1);
        if (hasText) {
            return cit.text();
        }
        List<String> parts = new ArrayList<>();
        for (XElement part : cit.elements()) {
            if (part.name().equals("person-group")) {
                List<String> names = new ArrayList<>();
                for (XElement n : part.elements()) {
                    if (n.name().equals("name")) {
                        String s = textOf(n.child("surname"));
                        String i = initials(textOf(n.child("given-names")));
                        if (s != null) {
                            names.add(i.isEmpty() ? s : s + " " + i);
                        }
                    } else if (!n.text().isEmpty()) {
                        names.add(n.text());
                    }
                }
                if (!names.isEmpty()) {
                    parts.add(String.join(", ", names));
                }
            } else {
                String t = part.text();
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
        }
        return String.join(". ", parts);
    }
}
