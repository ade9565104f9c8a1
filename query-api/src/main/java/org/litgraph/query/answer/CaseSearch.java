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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.litgraph.graph.Store;

/**
 * Full-text search over patient cases ({@code case_text}) and evidence sentences
 * ({@code evidence_text}), both Lucene indexes inside Neo4j. A query term (or run of up to four
 * terms) that names an entity expands to all that entity's names and synonyms ("Gleevec" →
 * imatinib, STI571, ...); terms are ANDed. The Lucene query is built here with escaping and passed
 * to Neo4j as a parameter. Snippets are highlighted with Lucene's highlighter; facets (drug,
 * condition, outcome, sex, age band) are counted over the whole hit set; case hits are boosted.
 */
public final class CaseSearch {
    /** Case hits' scores are multiplied by this before merging with evidence hits. */
    public static final double CASE_BOOST = 2.0;
    /** How many hits of each index the facets are computed over. */
    public static final int FACET_DEPTH = 1000;
    static final int MAX_NGRAM = 4;
    static final int MAX_TERMS = 16;
    private static final Pattern TOKENS = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Analyzer ANALYZER = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    private final Graph graph;
    private final Names names;

    public CaseSearch(Store store) {
        this.graph = new Graph(store);
        this.names = new Names(graph);
    }

    /** What one part of the query stands for: an entity (with all its names) or the words as typed. */
    public record Term(String text, Entity entity, List<String> expansions) {
        public Term {
            expansions = List.copyOf(expansions);
        }
    }

    /** One hit: a case or an evidence sentence; snippets marked with [[ ]] (text) and <mark> (HTML). */
    public record Hit(String kind, String id, String label, double score, String snippet, String snippetHtml,
                      List<String> drugs, List<String> conditions, String outcome, String sex, Integer age,
                      String ageBand, String documentId, String document, String sourceType) {
        public Hit {
            drugs = List.copyOf(drugs);
            conditions = List.copyOf(conditions);
        }
    }

    /** Counts of one facet's values over the hit set, most frequent first. */
    public record Facet(String name, Map<String, Integer> counts) {
        public Facet {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    /** {@code total} hits matched (up to the facet depth), {@code hits} the best {@code limit}. */
    public record Answer(String query, String luceneQuery, List<Term> terms, int total, List<Hit> hits,
                         List<Facet> facets) {
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
        List<Term> terms = expand(query);
        String lucene = lucene(terms);
        Query highlightQuery = parse(lucene);
        int depth = facets ? Math.max(limit, FACET_DEPTH) : limit;
        List<Hit> all = new ArrayList<>();
        for (Map<String, Object> r : graph.rows("search-cases", Map.of("query", lucene, "limit", depth))) {
            String text = Graph.str(r.get("text"));
            Integer age = Graph.integer(r.get("age"));
            all.add(new Hit("case", Graph.str(r.get("id")), Graph.str(r.get("label")),
                    Graph.dbl(r.get("score"), 0) * CASE_BOOST, highlight(highlightQuery, text, false),
                    highlight(highlightQuery, text, true), Graph.strings(r.get("drugs")), Graph.strings(r.get("conditions")),
                    Graph.str(r.get("outcome")), Graph.str(r.get("sex")), age, ageBand(age),
                    Graph.str(r.get("documentId")), Graph.str(r.get("document")), Graph.str(r.get("sourceType"))));
        }
        for (Map<String, Object> r : graph.rows("search-evidence", Map.of("query", lucene, "limit", depth))) {
            String text = Graph.str(r.get("text"));
            String drug = Graph.str(r.get("drug"));
            String condition = Graph.str(r.get("condition"));
            String label = r.get("predicate") == null ? "statement"
                    : r.get("subject") + (Graph.bool(r.get("negated")) ? " NOT " : " ") + r.get("predicate") + " " + r.get("object");
            all.add(new Hit("evidence", Graph.str(r.get("id")), label, Graph.dbl(r.get("score"), 0),
                    highlight(highlightQuery, text, false), highlight(highlightQuery, text, true),
                    drug == null ? List.of() : List.of(drug), condition == null ? List.of() : List.of(condition),
                    null, null, null, null, Graph.str(r.get("documentId")), Graph.str(r.get("document")),
                    Graph.str(r.get("sourceType"))));
        }
        all.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::kind).thenComparing(Hit::id));
        List<Facet> facetList = facets ? facets(all) : List.of();
        return new Answer(query, lucene, terms, all.size(), all.subList(0, Math.min(limit, all.size())), facetList);
    }

    /** Splits the query into terms; runs of up to four words that name an entity become one entity term. */
    List<Term> expand(String query) {
        List<String> words = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        Matcher m = TOKENS.matcher(query);
        while (m.find() && words.size() < MAX_TERMS) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
            quoted.add(m.group(1) != null);
        }
        List<Term> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Term found = null;
            int used = 1;
            for (int n = Math.min(MAX_NGRAM, words.size() - i); n >= 1 && found == null; n--) {
                String candidate = String.join(" ", words.subList(i, i + n));
                if (candidate.isBlank()) {
                    continue;
                }
                var e = names.find(candidate);
                if (e.isPresent()) {
                    Set<String> expansions = new LinkedHashSet<>();
                    expansions.add(e.get().name());
                    expansions.addAll(e.get().synonyms());
                    found = new Term(candidate, e.get(), List.copyOf(expansions));
                    used = n;
                }
            }
            if (found == null) {
                String w = words.get(i);
                found = new Term(w, null, List.of(w));
                if (!quoted.get(i) && w.isBlank()) {
                    found = null;
                }
            }
            if (found != null) {
                out.add(found);
            }
            i += used;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("search needs at least one word");
        }
        return out;
    }

    /** The Lucene query: each term's expansions as escaped phrases ORed, terms ANDed. */
    static String lucene(List<Term> terms) {
        List<String> groups = new ArrayList<>();
        for (Term t : terms) {
            Set<String> alternatives = new LinkedHashSet<>();
            for (String x : t.expansions()) {
                List<String> tokens = analyze(x);
                if (tokens.isEmpty()) {
                    continue;
                }
                alternatives.add(tokens.size() == 1 ? QueryParserBase.escape(tokens.get(0))
                        : "\"" + String.join(" ", tokens.stream().map(QueryParserBase::escape).toList()) + "\"");
            }
            if (!alternatives.isEmpty()) {
                groups.add(alternatives.size() == 1 ? alternatives.iterator().next() : "(" + String.join(" OR ", alternatives) + ")");
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("the query holds no searchable words");
        }
        return String.join(" AND ", groups);
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
        for (String f : List.of("drug", "condition", "outcome", "sex", "ageBand")) {
            counts.put(f, new TreeMap<>());
        }
        for (Hit h : hits) {
            new LinkedHashSet<>(h.drugs()).forEach(v -> counts.get("drug").merge(v, 1, Integer::sum));
            new LinkedHashSet<>(h.conditions()).forEach(v -> counts.get("condition").merge(v, 1, Integer::sum));
            if (h.outcome() != null) {
                counts.get("outcome").merge(h.outcome().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            if (h.sex() != null) {
                counts.get("sex").merge(h.sex(), 1, Integer::sum);
            }
            if (h.ageBand() != null) {
                counts.get("ageBand").merge(h.ageBand(), 1, Integer::sum);
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
