package org.litgraph.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.Store;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryResult;
import org.litgraph.query.answer.CaseSearch;
import org.litgraph.query.answer.Compare;
import org.litgraph.query.answer.DrugProfile;
import org.litgraph.query.answer.Entity;
import org.litgraph.query.answer.EvidenceQuestion;
import org.litgraph.query.answer.Mechanism;
import org.litgraph.query.answer.Names;

/** What the HTTP endpoints answer: thin calls into the answer services, returning values to be sent as JSON. */
final class Api {
    static final int DEFAULT_SEARCH_LIMIT = 20;
    static final int MAX_SEARCH_LIMIT = 500;

    private final Store store;
    private final Duration cypherTimeout;
    private final CypherRunner.Limits limits;

    Api(Store store, Duration cypherTimeout, CypherRunner.Limits limits) {
        this.store = store;
        this.cypherTimeout = cypherTimeout;
        this.limits = limits;
    }

    /** A body of POST /api/cypher. */
    record CypherRequest(String query, Map<String, Object> params) {
    }

    /** The best match of a name and every other entity it names. */
    record Resolved(String name, Entity entity, List<Entity> matches) {
    }

    Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("store", store.describe());
        QueryResult totals = runner().named("graph-totals", Map.of());
        out.putAll(totals.rows().get(0));
        return out;
    }

    Resolved resolve(String name) {
        Names names = new Names(store);
        Entity best = names.resolve(name);
        return new Resolved(name, best, names.all(name));
    }

    Mechanism.Answer mechanism(String drug, String condition) {
        return new Mechanism(store).ask(drug, condition);
    }

    EvidenceQuestion.Answer evidence(String drug, String condition, boolean treats) {
        return new EvidenceQuestion(store).ask(drug, condition, treats ? "TREATS" : "CAUSES");
    }

    DrugProfile.Answer profile(String drug) {
        return new DrugProfile(store).ask(drug);
    }

    Compare.Answer compare(String condition, List<String> drugs) {
        return new Compare(store).ask(condition, drugs);
    }

    CaseSearch.Answer search(String q, Integer limit, boolean facets) {
        int n = limit == null ? DEFAULT_SEARCH_LIMIT : limit;
        if (n < 1 || n > MAX_SEARCH_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SEARCH_LIMIT);
        }
        return new CaseSearch(store).search(q, n, facets);
    }

    QueryResult evidenceMap(String drug) {
        Map<String, Object> p = new HashMap<>();
        p.put("drug", drug);
        p.put("condition", null);
        p.put("relationship", null);
        return runner().named("evidence-map", p);
    }

    /** The case-series table (one row per patient) with the source sentence of each cell. */
    record CaseSeriesAnswer(List<String> columns, List<org.litgraph.query.export.CaseSeries.Row> rows) {
    }

    CaseSeriesAnswer caseSeries(String drug, String condition) {
        return new CaseSeriesAnswer(org.litgraph.query.export.CaseSeries.COLUMNS,
                org.litgraph.query.export.CaseSeries.load(runner(), blankToNull(drug), blankToNull(condition)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    QueryResult cypher(CypherRequest request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw new IllegalArgumentException("POST a JSON body {\"query\": \"...\", \"params\": {...}}");
        }
        return runner().run(request.query(), request.params() == null ? Map.of() : request.params());
    }

    private CypherRunner runner() {
        return new CypherRunner(store, cypherTimeout, limits);
    }

    /** A query parameter that must be present and not blank. */
    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "'");
        }
        return v;
    }

    static Integer integer(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null && (v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    static List<String> list(Context ctx, String name) {
        List<String> v = ctx.queryParams(name).stream().filter(s -> !s.isBlank()).toList();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "' (repeat it for several values)");
        }
        return v;
    }
}
