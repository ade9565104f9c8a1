package org.litgraph.query.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.DefaultEncoder;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.litgraph.graph.OutcomeCategory;
import org.litgraph.graph.Store;

/**
 * Full-text search over every sentence of every document ({@code passage_text}: passages of the
 * text, whether or not a sentence became evidence) and over patient cases ({@code case_text}), both
 * Lucene indexes inside Neo4j.
 *
 * <p>The query is read as researchers type it ({@link SearchQuery}): {@code AND}, {@code OR},
 * {@code NOT} or a leading {@code -}, parentheses, {@code "quoted phrases"} (matched as written),
 * {@code prefix*}; words side by side must all match. In a run of bare words, a run of up to four
 * that names an entity (as extraction grounds it, else by the graph's names) becomes one term that
 * expands to all the entity's names and synonyms ("Gleevec" → imatinib, STI571, ...). The Lucene
 * query is built here with escaping and passed to Neo4j as a parameter.
 *
 * <p>{@code total} counts every matching passage and case (a count query per index), whatever
 * {@code limit} is. Snippets are highlighted with Lucene's highlighter; facets (drug, condition,
 * outcome category, sex, age band, and the document's design, year and journal) are counted over
 * the best {@link #FACET_DEPTH} hits of each index; case hits are boosted.
 */
public final class CaseSearch {
    /** Case hits' scores are multiplied by this before merging with passage hits. */
    public static final double CASE_BOOST = 2.0;
    /** How many hits of each index the facets are computed over. */
    public static final int FACET_DEPTH = 1000;
    static final int MAX_NGRAM = 4;
    static final List<String> FACETS = List.of("drug", "condition", "outcome", "sex", "ageBand", "design", "year", "journal");
    private static final Analyzer ANALYZER = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    private final Graph graph;
    private final Names names;

    public CaseSearch(Store store) {
        this(store, Grounding.NONE);
    }

    public CaseSearch(Store store, Grounding grounding) {
        this.graph = new Graph(store);
        this.names = new Names(graph, grounding);
    }

    /**
     * What one part of the query stands for: an entity (with all its names), the words as typed, a
     * quoted phrase or a prefix; {@code excluded} when it is under NOT.
     */
    public record Term(String text, Entity entity, List<String> expansions, boolean excluded) {
        public Term {
            expansions = List.copyOf(expansions);
        }
    }

    /** A statement extracted inside a passage hit. */
    public record HitStatement(String id, String predicate, boolean negated, boolean hedged, String subject, String object) {
    }

    /**
     * One hit: a passage of a document or a case; snippets marked with [[ ]] (text) and &lt;mark&gt;
     * (HTML); {@code outcome} is the case's outcome as stated, {@code outcomeCategory} its category.
     */
    public record Hit(String kind, String id, String label, double score, String snippet, String snippetHtml,
                      List<String> drugs, List<String> conditions, String outcome, String outcomeCategory, String sex,
                      Integer age, String ageBand, String documentId, String document, String sourceType, Integer year,
                      String journal, String section, List<HitStatement> statements) {
        public Hit {
            drugs = List.copyOf(drugs);
            conditions = List.copyOf(conditions);
            statements = List.copyOf(statements);
        }
    }

    /** Counts of one facet's values over the hit set, most frequent first. */
    public record Facet(String name, Map<String, Integer> counts) {
        public Facet {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    /**
     * {@code total} hits matched ({@code passages} + {@code cases}), {@code hits} the best {@code limit};
     * {@code facets} over the best {@link #FACET_DEPTH} of each kind.
     */
    public record Answer(String query, String luceneQuery, List<Term> terms, int total, int passages, int cases,
                         List<Hit> hits, List<Facet> facets) {
        public Answer {
            terms = List.copyOf(terms);
            hits = List.copyOf(hits);
            facets = List.copyOf(facets);
        }
    }

    public Answer search(String query, int limit, boolean facets) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("search needs a query");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        List<Term> terms = new ArrayList<>();
        String lucene = lucene(ground(SearchQuery.parse(query), terms, false));
        Query highlightQuery = parse(lucene);
        int depth = facets ? Math.max(limit, FACET_DEPTH) : limit;
        List<Hit> all = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("search-cases", Map.of("query", lucene, "limit", depth))) {
            String text = Graph.str(r.get("text"));
            Integer age = Graph.integer(r.get("age"));
            String outcome = Graph.str(r.get("outcome"));
            String category = Graph.str(r.get("outcomeCategory"));
            all.add(new Hit("case", Graph.str(r.get("id")), Graph.str(r.get("label")),
                    Graph.dbl(r.get("score"), 0) * CASE_BOOST, highlight(highlightQuery, text, false),
                    highlight(highlightQuery, text, true), Graph.strings(r.get("drugs")), Graph.strings(r.get("conditions")),
                    outcome, category != null ? category : OutcomeCategory.of(outcome).label(), Graph.str(r.get("sex")),
                    age, ageBand(age), Graph.str(r.get("documentId")), Graph.str(r.get("document")),
                    Graph.str(r.get("sourceType")), Graph.integer(r.get("year")), Graph.str(r.get("journal")), null, List.of()));
        }
        for (Map<String, Object> r : graph.rows("search-passages", Map.of("query", lucene, "limit", depth))) {
            String text = Graph.str(r.get("text"));
            List<HitStatement> statements = new ArrayList<>();
            Set<String> drugs = new LinkedHashSet<>();
            Set<String> conditions = new LinkedHashSet<>();
            for (Map<String, Object> st : Graph.maps(r.get("statements"))) {
                statements.add(new HitStatement(Graph.str(st.get("id")), Graph.str(st.get("predicate")),
                        Graph.bool(st.get("negated")), Graph.bool(st.get("hedged")), Graph.str(st.get("subject")),
                        Graph.str(st.get("object"))));
                if (st.get("drug") != null) {
                    drugs.add(Graph.str(st.get("drug")));
                }
                if (st.get("condition") != null) {
                    conditions.add(Graph.str(st.get("condition")));
                }
            }
            String section = Graph.str(r.get("section"));
            all.add(new Hit("passage", Graph.str(r.get("id")), section == null ? "text" : section, Graph.dbl(r.get("score"), 0),
                    highlight(highlightQuery, text, false), highlight(highlightQuery, text, true), List.copyOf(drugs),
                    List.copyOf(conditions), null, null, null, null, null, Graph.str(r.get("documentId")),
                    Graph.str(r.get("document")), Graph.str(r.get("sourceType")), Graph.integer(r.get("year")),
                    Graph.str(r.get("journal")), section, statements));
        }
        all.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::kind).thenComparing(Hit::id));
        List<Facet> facetList = facets ? facets(all) : List.of();
        int cases = count("case_text", lucene);
        int passages = count("passage_text", lucene);
        return new Answer(query, lucene, terms, passages + cases, passages, cases,
                all.subList(0, Math.min(limit, all.size())), facetList);
    }

    private int count(String index, String lucene) {
        List<Map<String, Object>> rows = graph.rows("search-count", Map.of("index", index, "query", lucene));
        Integer n = rows.isEmpty() ? null : Graph.integer(rows.get(0).get("hits"));
        return n == null ? 0 : n;
    }

    /** A query node whose words are grounded: word runs become AND groups of {@link Term}s. */
    sealed interface Grounded permits Leaf, All, Any, None {
    }

    record Leaf(Term term) implements Grounded {
    }

    record All(List<Grounded> children) implements Grounded {
    }

    record Any(List<Grounded> children) implements Grounded {
    }

    record None(Grounded child) implements Grounded {
    }

    /** Grounds the words of a parsed query, collecting every term (for display) into {@code terms}. */
    Grounded ground(SearchQuery.Node node, List<Term> terms, boolean excluded) {
        if (node instanceof SearchQuery.And a) {
            return new All(a.children().stream().map(c -> ground(c, terms, excluded)).toList());
        }
        if (node instanceof SearchQuery.Or o) {
            return new Any(o.children().stream().map(c -> ground(c, terms, excluded)).toList());
        }
        if (node instanceof SearchQuery.Not n) {
            return new None(ground(n.child(), terms, !excluded));
        }
        if (node instanceof SearchQuery.Phrase p) {
            Term t = new Term(p.text(), null, List.of(p.text()), excluded);
            terms.add(t);
            return new Leaf(t);
        }
        List<Term> run = expand(((SearchQuery.Words) node).words(), excluded);
        terms.addAll(run);
        return run.size() == 1 ? new Leaf(run.get(0)) : new All(run.stream().map(t -> (Grounded) new Leaf(t)).toList());
    }

    /** Splits a run of bare words into terms; runs of up to four words that name an entity become one entity term. */
    List<Term> expand(List<String> words, boolean excluded) {
        List<Term> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Term found = null;
            int used = 1;
            if (!words.get(i).endsWith("*")) {
                for (int n = Math.min(MAX_NGRAM, words.size() - i); n >= 1 && found == null; n--) {
                    List<String> part = words.subList(i, i + n);
                    if (part.stream().anyMatch(w -> w.endsWith("*"))) {
                        continue;
                    }
                    String candidate = String.join(" ", part);
                    var e = names.findInGraph(candidate);
                    if (e.isPresent()) {
                        Set<String> expansions = new LinkedHashSet<>();
                        expansions.add(e.get().name());
                        expansions.addAll(e.get().synonyms());
                        expansions.add(candidate);
                        found = new Term(candidate, e.get(), List.copyOf(expansions), excluded);
                        used = n;
                    }
                }
            }
            if (found == null) {
                found = new Term(words.get(i), null, List.of(words.get(i)), excluded);
            }
            out.add(found);
            i += used;
        }
        return out;
    }

    /** The Lucene query of a grounded tree: +required -excluded clauses for AND, plain clauses for OR. */
    static String lucene(Grounded g) {
        String q = clause(g);
        if (q == null) {
            throw new IllegalArgumentException("the query holds no searchable words");
        }
        return q;
    }

    private static String clause(Grounded g) {
        if (g instanceof Leaf l) {
            return term(l.term());
        }
        if (g instanceof All a) {
            List<String> parts = new ArrayList<>();
            boolean positive = false;
            for (Grounded c : a.children()) {
                boolean neg = c instanceof None;
                String x = clause(neg ? ((None) c).child() : c);
                if (x == null) {
                    continue;
                }
                parts.add((neg ? "-" : "+") + x);
                positive |= !neg;
            }
            if (!positive) {
                return null;
            }
            return parts.size() == 1 ? parts.get(0).substring(1) : "(" + String.join(" ", parts) + ")";
        }
        if (g instanceof Any o) {
            List<String> parts = new ArrayList<>();
            for (Grounded c : o.children()) {
                String x = clause(c);
                if (x != null) {
                    parts.add(x);
                }
            }
            return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
        }
        // a NOT on its own (the parser only allows it inside AND)
        String x = clause(((None) g).child());
        return x == null ? null : "-" + x;
    }

    /** One term: each expansion as an escaped word or phrase, ORed; a prefix keeps its trailing *. */
    private static String term(Term t) {
        Set<String> alternatives = new LinkedHashSet<>();
        for (String x : t.expansions()) {
            boolean prefix = t.entity() == null && x.endsWith("*") && x.length() > 1;
            List<String> tokens = analyze(prefix ? x.substring(0, x.length() - 1) : x);
            if (tokens.isEmpty()) {
                continue;
            }
            if (prefix && tokens.size() == 1) {
                alternatives.add(QueryParserBase.escape(tokens.get(0)) + "*");
            } else {
                alternatives.add(tokens.size() == 1 ? QueryParserBase.escape(tokens.get(0))
                        : "\"" + String.join(" ", tokens.stream().map(QueryParserBase::escape).toList()) + "\"");
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.iterator().next() : "(" + String.join(" OR ", alternatives) + ")";
    }

    static List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (var ts = ANALYZER.tokenStream("text", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Query parse(String lucene) {
        try {
            return new QueryParser("text", ANALYZER).parse(lucene);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot parse the search query: " + e.getMessage(), e);
        }
    }

    /** Up to three best fragments of {@code text} with the query's terms marked. */
    static String highlight(Query query, String text, boolean html) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        QueryScorer scorer = new QueryScorer(query, "text");
        SimpleHTMLFormatter formatter = html ? new SimpleHTMLFormatter("<mark>", "</mark>") : new SimpleHTMLFormatter("[[", "]]");
        Encoder encoder = html ? new SimpleHTMLEncoder() : new DefaultEncoder();
        Highlighter h = new Highlighter(formatter, encoder, scorer);
        h.setTextFragmenter(new SimpleSpanFragmenter(scorer, 160));
        h.setMaxDocCharsToAnalyze(Math.max(text.length(), 50_000));
        try {
            String[] fragments = h.getBestFragments(ANALYZER, "text", text, 3);
            if (fragments.length > 0) {
                return String.join(" … ", List.of(fragments).stream().map(String::strip).toList());
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            // fall through to the unmarked opening
        }
        String opening = text.length() > 160 ? text.substring(0, 160) + "…" : text;
        return html ? encoder.encodeText(opening) : opening;
    }

    static String ageBand(Integer age) {
        if (age == null) {
            return null;
        }
        return age < 18 ? "0-17" : age < 45 ? "18-44" : age < 65 ? "45-64" : "65+";
    }

    static List<Facet> facets(List<Hit> hits) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String f : FACETS) {
            counts.put(f, new TreeMap<>());
        }
        for (Hit h : hits) {
            new LinkedHashSet<>(h.drugs()).forEach(v -> counts.get("drug").merge(v, 1, Integer::sum));
            new LinkedHashSet<>(h.conditions()).forEach(v -> counts.get("condition").merge(v, 1, Integer::sum));
            if (h.outcomeCategory() != null) {
                counts.get("outcome").merge(h.outcomeCategory(), 1, Integer::sum);
            }
            if (h.sex() != null) {
                counts.get("sex").merge(h.sex(), 1, Integer::sum);
            }
            if (h.ageBand() != null) {
                counts.get("ageBand").merge(h.ageBand(), 1, Integer::sum);
            }
            if (h.sourceType() != null) {
                counts.get("design").merge(h.sourceType(), 1, Integer::sum);
            }
            if (h.year() != null) {
                counts.get("year").merge(String.valueOf(h.year()), 1, Integer::sum);
            }
            if (h.journal() != null) {
                counts.get("journal").merge(h.journal(), 1, Integer::sum);
            }
        }
        List<Facet> out = new ArrayList<>();
        counts.forEach((name, c) -> {
            Map<String, Integer> sorted = new LinkedHashMap<>();
            c.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.add(new Facet(name, sorted));
        });
        return out;
    }
}
