package org.litgraph.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML pages (journal article pages, advisories): the main text without navigation and other page
 * furniture. Headings become sections, paragraphs and list items blocks, tables tables, an
 * ordered list under a "References" heading the reference list; Highwire {@code citation_*},
 * Dublin Core and Open Graph meta tags give the metadata. Traversal is iterative.
 */
final class HtmlParser implements DocumentParser {
    static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(^|[-_\\s])(nav|navbar|navigation|menu|menubar|cookie|cookies|consent|gdpr|breadcrumb|breadcrumbs"
                    + "|share|sharing|social|sidebar|side-bar|banner|advert|advertisement|ads|promo|popup|modal"
                    + "|skip-link|site-header|site-footer|masthead|toolbar|subscribe|newsletter)($|[-_\\s])");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "menu", "menubar", "dialog", "alertdialog");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "li", "dd", "dt", "pre", "blockquote", "figcaption",
            "address", "caption");
    private static final Set<String> CONTAINER_TAGS = Set.of("div", "section", "article", "main", "body", "span",
            "td", "th", "center", "font", "details", "summary", "figure");
    private static final Set<String> BLOCK_LEVEL = Set.of("p", "div", "section", "article", "main", "ul", "ol", "dl",
            "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "figure", "li", "header", "footer",
            "aside", "nav", "form", "hr", "br", "address", "details", "dd", "dt", "figcaption");
    private static final Pattern REFERENCE_HEADING = Pattern.compile(
            "(?i)\\s*(\\d+\\.?\\s*)?(references?|bibliography|literature cited|works cited|citations)\\s*");

    @Override
    public Format format() {
        return Format.HTML;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        Document doc;
        try (InputStream in = source.open()) {
            doc = Jsoup.parse(in, null, "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParseException("unreadable HTML in " + source.location() + ": " + e.getMessage(), e);
        }
        DocumentBuilder b = new DocumentBuilder(Format.HTML, source.location());
        metadata(doc, b);
        Element root = mainContent(doc);
        removeBoilerplate(root);
        if (b.title() == null) {
            b.title(contentTitle(doc, root, b));
        }
        render(root, b);
        if (b.length() == 0 && b.title() != null) {
            b.block(b.title());
        }
        sink.accept(b.build());
    }

    private static void metadata(Document doc, DocumentBuilder b) {
        // a title the page states for citation; otherwise it is read from the content (contentTitle)
        b.title(meta(doc, "citation_title", "dc.title"));
        String doi = meta(doc, "citation_doi", "dc.identifier", "prism.doi", "doi");
        if (doi != null) {
            Matcher m = DOI.matcher(doi);
            doi = m.find() ? m.group() : null;
        }
        b.doi(doi);
        b.pmid(meta(doc, "citation_pmid"));
        String pmcid = meta(doc, "citation_pmcid");
        b.pmcid(pmcid);
        b.journal(meta(doc, "citation_journal_title", "citation_journal_abbrev", "prism.publicationname",
                "dc.source"));
        b.publisher(meta(doc, "citation_publisher", "dc.publisher", "og:site_name"));
        String date = meta(doc, "citation_publication_date", "citation_date", "citation_online_date", "dc.date",
                "prism.publicationdate", "article:published_time");
        if (date != null) {
            Matcher m = YEAR.matcher(date);
            if (m.find()) {
                b.year(Integer.valueOf(m.group(1)));
            }
            b.published(date.strip().replace('/', '-'));
        }
        List<String> authors = metas(doc, "citation_author");
        if (authors.isEmpty()) {
            authors = metas(doc, "dc.creator");
        }
        b.authors(authors);
        List<String> keywords = new ArrayList<>();
        for (String k : metas(doc, "citation_keywords", "keywords", "dc.subject")) {
            for (String part : k.split("[;,]")) {
                if (!part.isBlank()) {
                    keywords.add(part.strip());
                }
            }
        }
        b.keywords(new ArrayList<>(new LinkedHashSet<>(keywords)));
        String url = meta(doc, "citation_fulltext_html_url", "citation_abstract_html_url", "og:url");
        if (url == null) {
            Element canonical = doc.selectFirst("link[rel=canonical]");
            url = canonical == null ? null : canonical.attr("href");
        }
        b.url(url == null || url.isBlank() ? null : url);
    }

    /**
     * The title from the page itself when no citation metadata states it: the main content's first
     * heading, then og:title and the document's {@code <title>} without the site's part ("Title | Site"),
     * whichever {@link Titles} accepts first (not a breadcrumb, logo line, site or journal name).
     */
    private static String contentTitle(Document doc, Element root, DocumentBuilder b) {
        String site = meta(doc, "og:site_name", "application-name");
        String journal = b.journal();
        List<String> candidates = new ArrayList<>();
        for (Element h : root.select("h1, h2")) {
            if (!h.text().isBlank()) {
                candidates.add(h.text().strip());
            }
            if (candidates.size() >= 3) {
                break;
            }
        }
        String og = meta(doc, "og:title", "twitter:title");
        if (og != null) {
            candidates.add(Titles.cleanPageTitle(og, journal, site));
        }
        if (!doc.title().isBlank()) {
            candidates.add(Titles.cleanPageTitle(doc.title(), journal, site));
        }
        for (String c : candidates) {
            if (Titles.acceptable(c, journal, site)) {
                return c;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
    }

    private static String meta(Document doc, String... names) {
        for (String n : names) {
            List<String> v = metas(doc, n);
            if (!v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    private static List<String> metas(Document doc, String... names) {
        List<String> out = new ArrayList<>();
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("name") ? m.attr("name") : m.attr("property");
            for (String n : names) {
                if (key.equalsIgnoreCase(n) && !m.attr("content").isBlank()) {
                    out.add(m.attr("content").strip());
                }
            }
        }
        return out;
    }

    private static Element mainContent(Document doc) {
        Element body = doc.body();
        List<Element> articles = body.select("article");
        if (!articles.isEmpty()) {
            Element best = articles.get(0);
            for (Element a : articles) {
                if (a.text().length() > best.text().length()) {
                    best = a;
                }
            }
            return best;
        }
        Element main = body.selectFirst("main, [role=main]");
        return main != null ? main : body;
    }

    private static void removeBoilerplate(Element root) {
        root.select("nav, header, footer, aside, script, style, form, noscript, template, iframe, svg, button, "
                + "select, input, textarea, object, embed, canvas, dialog").remove();
        List<Element> doomed = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root || e.tagName().equals("body") || e.tagName().equals("html")) {
                continue;
            }
            String role = e.attr("role").toLowerCase(Locale.ROOT);
            if (BOILERPLATE_ROLES.contains(role)
                    || BOILERPLATE.matcher(e.className()).find() || BOILERPLATE.matcher(e.id()).find()
                    || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
    }

    private void render(Element root, DocumentBuilder b) {
        String[] section = {null};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (tag.matches("h[1-6]")) {
                    String h = e.text().strip();
                    if (!h.isEmpty()) {
                        b.section(h);
                        section[0] = h;
                    }
                    return FilterResult.SKIP_CHILDREN;
                }
                if (tag.equals("table")) {
                    table(e, b);
                    return FilterResult.SKIP_CHILDREN;
                }
                if ((tag.equals("ol") || tag.equals("ul")) && section[0] != null
                        && REFERENCE_HEADING.matcher(section[0]).matches()) {
                    references(e, b);
                    return FilterResult.SKIP_CHILDREN;
                }
                if (tag.equals("pre")) {
                    b.block(e.wholeText());
                    return FilterResult.SKIP_CHILDREN;
                }
                if (BLOCK_TAGS.contains(tag)) {
                    if (tag.equals("li") && hasBlockChildren(e)) {
                        b.block(ownInlineText(e));
                        return FilterResult.CONTINUE;
                    }
                    b.block(e.text());
                    return FilterResult.SKIP_CHILDREN;
                }
                if (CONTAINER_TAGS.contains(tag)) {
                    if (!hasBlockChildren(e)) {
                        b.block(e.text());
                        return FilterResult.SKIP_CHILDREN;
                    }
                    b.block(ownInlineText(e));
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    private static boolean hasBlockChildren(Element e) {
        for (Element c : e.children()) {
            if (BLOCK_LEVEL.contains(c.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Text directly inside a mixed container: its text nodes and inline children, not block children. */
    private static String ownInlineText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                sb.append(t.text());
            } else if (n instanceof Element c && !BLOCK_LEVEL.contains(c.normalName())) {
                sb.append(c.text());
            }
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static void table(Element table, DocumentBuilder b) {
        Element cap = table.selectFirst("caption");
        String caption = cap == null ? null : cap.text();
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                int span = 1;
                try {
                    span = cell.hasAttr("colspan") ? Integer.parseInt(cell.attr("colspan").strip()) : 1;
                } catch (NumberFormatException ignored) {
                    // a malformed colspan counts as one column
                }
                for (int i = 0; i < Math.max(1, Math.min(span, 100)); i++) {
                    row.add(cell.text());
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        b.table(caption, rows);
    }

    private static void references(Element list, DocumentBuilder b) {
        int n = 0;
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            n++;
            String text = li.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            String doi = null;
            Matcher m = DOI.matcher(text);
            if (m.find()) {
                doi = trimDoi(m.group());
            } else {
                for (Element a : li.select("a[href]")) {
                    Matcher h = DOI.matcher(a.attr("href"));
                    if (h.find()) {
                        doi = trimDoi(h.group());
                        break;
                    }
                }
            }
            Integer year = null;
            Matcher y = YEAR.matcher(text);
            if (y.find()) {
                year = Integer.valueOf(y.group(1));
            }
            String pmid = null;
            Matcher p = Pattern.compile("PMID:?\\s*(\\d{1,9})").matcher(text);
            if (p.find()) {
                pmid = p.group(1);
            }
            Element link = li.selectFirst("a[href^=http]");
            b.reference(n, text, null, null, year, doi, pmid, link == null ? null : link.attr("href"), List.of());
        }
    }

    /** Drops punctuation a DOI picked out of running text ends with. */
    static String trimDoi(String doi) {
        String d = doi;
        while (!d.isEmpty() && ".,;:)]}>\"'".indexOf(d.charAt(d.length() - 1)) >= 0) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }
}
