package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.query.CypherRunner;

/**
 * The {@code Reference} nodes as RIS, BibTeX or CSL-JSON, from their properties (title, journal,
 * year, doi, pmid, url, citation) and the documents that cite them; and every ingested source
 * document that is not itself a publication record ({@code export-source-documents}: web pages,
 * notes, notices, labels), typed by its design, so the list cites every source behind the evidence.
 * No entry ever carries a local file path. Authors are read from the
 * start of a Vancouver-style {@code citation} ("Abe H, Hino R, Fukayama M. Title. ...") when it
 * has that shape; a missing year is read from the citation ("Journal. 2013;462:...").
 *
 * <p>Keys are stable across runs: {@code ref-<first author's surname, else first title word>-<year
 * or nd>-<6 hex of SHA-1 of the node id>}, lower-case ASCII; a collision gets "-2", "-3" in id order.
 */
final class References {
    static final String QUERY = "export-references";
    static final String DOCUMENTS_QUERY = "export-source-documents";

    private static final Pattern AUTHOR = Pattern.compile("\\p{Lu}[\\p{L}'’\\-]*(?: [\\p{L}'’\\-]+)*? \\p{Lu}{1,3}");
    private static final Pattern AUTHORS = Pattern.compile(
            "^(" + AUTHOR.pattern() + "(?:, " + AUTHOR.pattern() + ")*)(?:, et al)?\\.\\s");
    private static final Pattern CITED_YEAR = Pattern.compile("\\.\\s*((?:19|20)\\d{2})\\s*[;:.,(]");
    private static final Pattern STOP = Pattern.compile("(?i)a|an|the|of|on|in|and|for|to|with");

    /** A citing document. */
    record Citer(String id, String title, String role, Integer number) {
    }

    /**
     * One bibliographic record, ready to write; {@code design} is set for a source document (its
     * Document.sourceType), null for a Reference node; {@code literalAuthor} is an author that is an
     * organisation or a name not in "Family Initials" form.
     */
    record Ref(String id, String key, String title, String journal, Integer year, String doi, String pmid,
               String url, String citation, List<Author> authors, boolean moreAuthors, List<Citer> citers,
               String design, String literalAuthor) {
        boolean isArticle() {
            return journal != null;
        }

        /** What kind of work: article, webpage, report (notices, labels, notes), or generic. */
        String type() {
            if (isArticle()) {
                return "article";
            }
            if (design == null) {
                return "generic";
            }
            return switch (design) {
                case "web page" -> "webpage";
                case "regulatory notice", "drug label", "vendor note", "clinical summary" -> "report";
                default -> "generic";
            };
        }
    }

    /** An author as family name and initials. */
    record Author(String family, String initials) {
    }

    private References() {
    }

    static List<Ref> load(CypherRunner runner, ExportFilter filter) {
        Map<String, Object> p = new HashMap<>();
        p.put("drug", filter.drug());
        List<Ref> out = new ArrayList<>();
        Map<String, Integer> keysUsed = new HashMap<>();
        for (Map<String, Object> row : runner.named(QUERY, p).rows()) {
            String id = Values.str(row.get("id"));
            String citation = Values.oneLine(Values.str(row.get("citation")));
            String title = Values.oneLine(Values.str(row.get("title")));
            Integer year = Values.integer(row.get("year"));
            if (year == null && citation != null) {
                Matcher m = CITED_YEAR.matcher(citation);
                year = m.find() ? Integer.parseInt(m.group(1)) : null;
            }
            List<Author> authors = new ArrayList<>();
            boolean more = false;
            if (citation != null) {
                Matcher m = AUTHORS.matcher(citation);
                if (m.find()) {
                    for (String a : m.group(1).split(", ")) {
                        int sp = a.lastIndexOf(' ');
                        authors.add(new Author(a.substring(0, sp), a.substring(sp + 1)));
                    }
                    more = m.group(0).contains("et al");
                }
            }
            String stem = !authors.isEmpty() ? Values.slug(authors.get(0).family()) : firstWord(title != null ? title : citation);
            String key = "ref-" + (stem.isEmpty() ? "anon" : stem) + "-" + (year == null ? "nd" : year) + "-"
                    + Values.shortHash(id, 6);
            int n = keysUsed.merge(key, 1, Integer::sum);
            if (n > 1) {
                key = key + "-" + n;
            }
            List<Citer> citers = new ArrayList<>();
            for (Object o : Values.list(row.get("documents"))) {
                Map<String, Object> d = Values.map(o);
                citers.add(new Citer(Values.str(d.get("id")), Values.oneLine(Values.str(d.get("title"))),
                        Values.str(d.get("role")), Values.integer(d.get("number"))));
            }
            out.add(new Ref(id, key, title, Values.oneLine(Values.str(row.get("journal"))), year,
                    Values.str(row.get("doi")), Values.str(row.get("pmid")), Values.str(row.get("url")),
                    citation, authors, more, citers, null, null));
        }
        for (Map<String, Object> row : runner.named(DOCUMENTS_QUERY, p).rows()) {
            String id = Values.str(row.get("id"));
            String title = Values.oneLine(Values.str(row.get("title")));
            Integer year = Values.integer(row.get("year"));
            List<Author> authors = new ArrayList<>();
            String literal = null;
            for (String a : Values.strings(row.get("authors"))) {
                Matcher m = AUTHOR.matcher(a.strip());
                if (m.matches()) {
                    int sp = a.strip().lastIndexOf(' ');
                    authors.add(new Author(a.strip().substring(0, sp), a.strip().substring(sp + 1)));
                } else if (literal == null) {
                    literal = a.strip();
                }
            }
            String stem = !authors.isEmpty() ? Values.slug(authors.get(0).family()) : firstWord(title);
            String key = "ref-" + (stem.isEmpty() ? "anon" : stem) + "-" + (year == null ? "nd" : year) + "-"
                    + Values.shortHash(id, 6);
            int n = keysUsed.merge(key, 1, Integer::sum);
            if (n > 1) {
                key = key + "-" + n;
            }
            out.add(new Ref(id, key, title == null ? "Untitled " + Values.str(row.get("design")) : title,
                    Values.oneLine(Values.str(row.get("journal"))), year, Values.str(row.get("doi")),
                    Values.str(row.get("pmid")), Values.str(row.get("url")), null, authors, false,
                    List.of(new Citer(id, title, "SOURCE", null)), Values.str(row.get("design")), literal));
        }
        return out;
    }

    private static String firstWord(String text) {
        if (text == null) {
            return "";
        }
        for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !STOP.matcher(w).matches()) {
                return Values.slug(w);
            }
        }
        return "";
    }

    private static String citedBy(Ref r) {
        List<String> parts = new ArrayList<>();
        for (Citer c : r.citers()) {
            if ("SOURCE".equals(c.role())) {
                parts.add("ingested source document (" + c.id() + ")");
                continue;
            }
            String what = "PUBLISHED_AS".equals(c.role()) ? "published as" : "cited by";
            parts.add(what + " " + (c.title() != null ? c.title() : c.id())
                    + (c.number() != null ? " [" + c.number() + "]" : "") + " (" + c.id() + ")");
        }
        return parts.isEmpty() ? null : "litgraph: " + String.join("; ", parts);
    }

    // ---- RIS ------------------------------------------------------------------------------

    static int writeRis(List<Ref> refs, Writer out) throws IOException {
        for (Ref r : refs) {
            ris(out, "TY", switch (r.type()) {
                case "article" -> "JOUR";
                case "webpage" -> "ELEC";
                case "report" -> "RPRT";
                default -> "GEN";
            });
            ris(out, "ID", r.key());
            for (Author a : r.authors()) {
                ris(out, "AU", a.family() + ", " + a.initials());
            }
            ris(out, "AU", r.literalAuthor());
            ris(out, "M3", r.design());
            ris(out, "TI", r.title() != null ? r.title() : r.citation());
            ris(out, "T2", r.journal());
            ris(out, "JO", r.journal());
            ris(out, "PY", r.year() == null ? null : String.valueOf(r.year()));
            ris(out, "DO", r.doi());
            ris(out, "AN", r.pmid() == null ? null : "PMID:" + r.pmid());
            ris(out, "UR", r.url());
            ris(out, "N1", r.citation());
            ris(out, "N1", citedBy(r));
            out.write("ER  - \n\n");
        }
        return refs.size();
    }

    private static void ris(Writer out, String tag, String value) throws IOException {
        String v = Values.oneLine(value);
        if (v != null && !v.isEmpty()) {
            out.write(tag + "  - " + v + "\n");
        }
    }

    // ---- BibTeX ---------------------------------------------------------------------------

    static int writeBibtex(List<Ref> refs, Writer out) throws IOException {
        for (Ref r : refs) {
            out.write("@" + (r.isArticle() ? "article" : "misc") + "{" + r.key() + ",\n");
            List<String[]> fields = new ArrayList<>();
            if (!r.authors().isEmpty() || r.literalAuthor() != null) {
                List<String> names = new ArrayList<>();
                r.authors().forEach(a -> names.add(bib(a.family()) + ", " + bib(spacedInitials(a.initials()))));
                if (r.literalAuthor() != null) {
                    names.add("{" + bib(r.literalAuthor()) + "}");
                }
                if (r.moreAuthors()) {
                    names.add("others");
                }
                fields.add(new String[]{"author", String.join(" and ", names)});
            }
            if (r.design() != null && !r.isArticle()) {
                fields.add(new String[]{"howpublished", bib(r.design())});
            }
            fields.add(new String[]{"title", bib(r.title() != null ? r.title() : r.citation() != null ? r.citation() : r.id())});
            if (r.journal() != null) {
                fields.add(new String[]{"journal", bib(r.journal())});
            }
            if (r.year() != null) {
                fields.add(new String[]{"year", String.valueOf(r.year())});
            }
            if (r.doi() != null) {
                fields.add(new String[]{"doi", verbatim(r.doi())});
            }
            if (r.pmid() != null) {
                fields.add(new String[]{"pmid", verbatim(r.pmid())});
            }
            if (r.url() != null) {
                fields.add(new String[]{"url", verbatim(r.url())});
            }
            String note = citedBy(r);
            if (note != null) {
                fields.add(new String[]{"note", bib(note)});
            }
            for (int i = 0; i < fields.size(); i++) {
                out.write("  " + fields.get(i)[0] + " = {" + fields.get(i)[1] + "}" + (i + 1 < fields.size() ? "," : "") + "\n");
            }
            out.write("}\n\n");
        }
        return refs.size();
    }

    private static String spacedInitials(String initials) {
        StringBuilder sb = new StringBuilder();
        for (char c : initials.toCharArray()) {
            sb.append(sb.isEmpty() ? "" : " ").append(c).append('.');
        }
        return sb.toString();
    }

    /** Text for a braced BibTeX field: LaTeX specials escaped, so braces always balance. */
    static String bib(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : Values.oneLine(s).toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\^{}");
                case '~' -> sb.append("\\~{}");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** DOI, PMID and URL fields are read verbatim by biblatex; only braces and backslashes are unsafe. */
    private static String verbatim(String s) {
        return Values.oneLine(s).replaceAll("[{}\\\\]", "");
    }

    // ---- CSL-JSON -------------------------------------------------------------------------

    static int writeCslJson(List<Ref> refs, Writer out) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Ref r : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.key());
            m.put("type", switch (r.type()) {
                case "article" -> "article-journal";
                case "webpage" -> "webpage";
                case "report" -> "report";
                default -> "document";
            });
            if (r.design() != null) {
                m.put("genre", r.design());
            }
            m.put("title", r.title() != null ? r.title() : r.citation() != null ? r.citation() : r.id());
            if (!r.authors().isEmpty() || r.literalAuthor() != null) {
                List<Map<String, Object>> names = new ArrayList<>();
                r.authors().forEach(a -> names.add(Values.ordered("family", a.family(), "given", a.initials())));
                if (r.literalAuthor() != null) {
                    names.add(Values.ordered("literal", r.literalAuthor()));
                }
                m.put("author", names);
            }
            if (r.journal() != null) {
                m.put("container-title", r.journal());
            }
            if (r.year() != null) {
                m.put("issued", Map.of("date-parts", List.of(List.of(r.year()))));
            }
            if (r.doi() != null) {
                m.put("DOI", r.doi());
            }
            if (r.pmid() != null) {
                m.put("PMID", r.pmid());
            }
            if (r.url() != null) {
                m.put("URL", r.url());
            }
            String note = citedBy(r);
            List<String> notes = new ArrayList<>();
            if (r.citation() != null) {
                notes.add(r.citation());
            }
            if (note != null) {
                notes.add(note);
            }
            if (!notes.isEmpty()) {
                m.put("note", String.join("\n", notes));
            }
            items.add(m);
        }
        out.write(Values.JSON.writeValueAsString(items));
        out.write('\n');
        return items.size();
    }
}
