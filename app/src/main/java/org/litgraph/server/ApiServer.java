package org.litgraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.Store;
import org.litgraph.query.CypherRunner;
import org.litgraph.query.QueryTimeout;
import org.litgraph.query.ReadOnlyViolation;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The HTTP JSON API and the web page over a {@link Store}, on Javalin (Jetty). Binds loopback by
 * default; on any other address every request needs the token ({@code Authorization: Bearer T}
 * or {@code ?token=T}). Every request must name this server in its {@code Host} header (no DNS
 * rebinding) and come from its own origin when it states one ({@code Origin}, {@code Sec-Fetch-Site});
 * a POST must be {@code application/json} (so a cross-origin page cannot send a simple request).
 * Responses carry a Content-Security-Policy (the page's own inline script by hash, nothing framed),
 * {@code X-Content-Type-Options}, {@code X-Frame-Options}, {@code Referrer-Policy}, and API answers
 * {@code Cache-Control: no-store}. Errors are JSON {@code {"error": ...}} without Java class names:
 * 400 bad input or unknown names, 401 no/wrong token, 403 a Cypher write or a foreign Host/Origin,
 * 404, 413 body too large, 414 URL too long, 415 not JSON, 504 a query past its time limit,
 * 500 anything else.
 */
public final class ApiServer implements AutoCloseable {
    /** Where to listen; {@code token} may be null (then loopback only); {@code cypherTimeout} bounds POST /api/cypher. */
    public record Settings(String host, int port, String token, Duration cypherTimeout) {
    }

    /** A longer request line is refused with 414. */
    static final int MAX_URL = 8192;
    /** A larger request body is refused with 413. */
    static final long MAX_BODY = 1L << 20;
    /** What POST /api/cypher returns at most. */
    static final CypherRunner.Limits CYPHER_LIMITS = new CypherRunner.Limits(10_000, 16L << 20);

    private final Javalin app;
    private final String host;
    private final String token;

    private ApiServer(Javalin app, String host, String token) {
        this.app = app;
        this.host = host;
        this.token = token;
    }

    /** Starts listening; throws {@link IllegalArgumentException} for a non-loopback host without a token. */
    public static ApiServer start(Store store, Settings settings) {
        if (!isLoopback(settings.host()) && (settings.token() == null || settings.token().isBlank())) {
            throw new IllegalArgumentException("a token is required when listening on " + settings.host()
                    + " (not loopback)");
        }
        Api api = new Api(store, settings.cypherTimeout(), CYPHER_LIMITS);
        String page = resource("index.html");
        String csp = contentSecurityPolicy(page);
        byte[] expected = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        int[] boundPort = {settings.port()};
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = MAX_BODY;
            config.jetty.modifyHttpConfiguration(h -> {
                h.setRequestHeaderSize(64 * 1024); // longer URLs reach the guard below, which answers 414 in JSON
                h.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.routes.before(ctx -> {
                securityHeaders(ctx, csp);
                guard(ctx, settings.host(), boundPort[0]);
                authorise(ctx, expected);
            });
            config.routes.get("/", ctx -> ctx.html(page));
            config.routes.get("/api/health", ctx -> ctx.json(api.health()));
            config.routes.get("/api/resolve", ctx -> ctx.json(api.resolve(Api.required(ctx, "name"))));
            config.routes.get("/api/ask/mechanism", ctx -> ctx.json(api.mechanism(Api.required(ctx, "drug"),
                    Api.required(ctx, "condition"))));
            config.routes.get("/api/ask/evidence", ctx -> ctx.json(api.evidence(Api.required(ctx, "drug"),
                    Api.required(ctx, "condition"), Api.flag(ctx, "treats"))));
            config.routes.get("/api/ask/profile", ctx -> ctx.json(api.profile(Api.required(ctx, "drug"))));
            config.routes.get("/api/ask/compare", ctx -> ctx.json(api.compare(Api.required(ctx, "condition"),
                    Api.list(ctx, "drug"))));
            config.routes.get("/api/search", ctx -> ctx.json(api.search(Api.required(ctx, "q"), Api.integer(ctx, "limit"),
                    Api.flag(ctx, "facets"))));
            config.routes.get("/api/evidence-map", ctx -> ctx.json(api.evidenceMap(ctx.queryParam("drug"))));
            config.routes.get("/api/case-series", ctx -> ctx.json(api.caseSeries(ctx.queryParam("drug"),
                    ctx.queryParam("condition"))));
            config.routes.post("/api/cypher", ctx -> ctx.json(api.cypher(body(ctx))));
            config.routes.exception(HttpResponseException.class, ApiServer::error); // else Javalin answers in plain text
            config.routes.exception(Exception.class, ApiServer::error);
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                    ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
        boundPort[0] = app.port();
        return new ApiServer(app, settings.host(), settings.token());
    }

    public int port() {
        return app.port();
    }

    /** The page's address (with the token when one is set). */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    public String token() {
        return token;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A random URL-safe token of 24 bytes. */
    public static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'", e);
        }
    }

    private static void authorise(Context ctx, byte[] expected) {
        if (expected == null) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : ctx.queryParam("token");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpResponseException(401, "a valid token is required: send 'Authorization: Bearer TOKEN' "
                    + "or add ?token=TOKEN", Map.of());
        }
    }

    private static Api.CypherRequest body(Context ctx) {
        try {
            return ctx.bodyAsClass(Api.CypherRequest.class);
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Kotlin
            throw new IllegalArgumentException("the body must be JSON {\"query\": \"...\", \"params\": {...}}", e);
        }
    }

    static void error(Exception e, Context ctx) {
        int status;
        String message = e.getMessage();
        if (e instanceof HttpResponseException h) {
            status = h.getStatus();
            if (status == 413) {
                message = "the request body is larger than " + (MAX_BODY >> 10) + " KiB";
            }
        } else if (e instanceof ReadOnlyViolation) {
            status = 403;
        } else if (e instanceof QueryTimeout) {
            status = 504;
        } else if (e instanceof IllegalArgumentException || e instanceof ClientException) {
            status = 400;
        } else {
            status = 500;
            System.err.println("litgraph serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            message = "internal error (the server's log says more)";
        }
        securityHeaders(ctx, null);
        ctx.status(status).json(Map.of("error", clean(message, status)));
    }

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z][A-Za-z0-9_$]*\\b");

    /** An error message without Java class names or parser locations; a neutral one when nothing is left. */
    static String clean(String message, int status) {
        String m = message == null ? "" : message;
        int source = m.indexOf("\n at [Source");
        if (source >= 0) {
            m = m.substring(0, source);
        }
        m = CLASS_NAME.matcher(m).replaceAll("").strip();
        if (m.isEmpty() || m.contains("Exception") || m.contains("$")) {
            m = status >= 500 ? "internal error (the server's log says more)" : "bad request";
        }
        return m;
    }

    /** The Content-Security-Policy of the page: its inline scripts by hash, nothing loaded from elsewhere. */
    static String contentSecurityPolicy(String page) {
        StringBuilder hashes = new StringBuilder();
        Matcher m = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.append(" 'sha256-").append(Base64.getEncoder().encodeToString(d)).append('\'');
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return "default-src 'none'; script-src" + (hashes.length() == 0 ? " 'none'" : hashes)
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    private static void securityHeaders(Context ctx, String csp) {
        if (csp != null) {
            ctx.header("Content-Security-Policy", csp);
        } else if (ctx.res().getHeader("Content-Security-Policy") == null) {
            ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", ctx.path().startsWith("/api/") ? "no-store" : "no-cache");
    }

    /**
     * Refuses requests not meant for this server: a Host header naming another host (DNS
     * rebinding), a foreign Origin or a cross-site fetch, a URL over {@link #MAX_URL}, a body over
     * {@link #MAX_BODY}, and POSTs that are not JSON (cross-origin "simple" requests).
     */
    static void guard(Context ctx, String bindHost, int port) {
        String query = ctx.queryString();
        int urlLength = ctx.path().length() + (query == null ? 0 : query.length() + 1);
        if (urlLength > MAX_URL) {
            throw new HttpResponseException(414, "the URL is longer than " + MAX_URL + " characters", Map.of());
        }
        java.util.Set<String> hosts = allowedHosts(bindHost, port);
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(host.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new HttpResponseException(403, "refused: the Host header does not name this server", Map.of());
        }
        String origin = ctx.header("Origin");
        if (origin != null && !(origin.startsWith("http://") && hosts.contains(
                origin.substring(7).toLowerCase(java.util.Locale.ROOT)))) {
            throw new HttpResponseException(403, "refused: requests from another origin are not accepted", Map.of());
        }
        String site = ctx.header("Sec-Fetch-Site");
        boolean navigation = "navigate".equals(ctx.header("Sec-Fetch-Mode")) && "GET".equals(ctx.method().name());
        if (site != null && site.equals("cross-site") && !(navigation && ctx.path().equals("/"))) {
            throw new HttpResponseException(403, "refused: requests from another site are not accepted", Map.of());
        }
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BODY) {
                    throw new HttpResponseException(413, "too large", Map.of());
                }
            } catch (NumberFormatException e) {
                throw new HttpResponseException(400, "bad Content-Length", Map.of());
            }
        }
        if (!"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name())) {
            String type = ctx.header("Content-Type");
            if (type == null || !type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new HttpResponseException(415, "refused: send the body as application/json", Map.of());
            }
        }
    }

    /** host:port forms a browser may send for this server (loopback names, or the address it is bound to). */
    static java.util.Set<String> allowedHosts(String bindHost, int port) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (isLoopback(bindHost) || bindHost.equals("0.0.0.0") || bindHost.equals("::")) {
            names.addAll(java.util.List.of("127.0.0.1", "localhost", "[::1]"));
        }
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            names.add(bindHost.contains(":") ? "[" + bindHost.toLowerCase(java.util.Locale.ROOT) + "]"
                    : bindHost.toLowerCase(java.util.Locale.ROOT));
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String n : names) {
            out.add(n + ":" + port);
            if (port == 80) {
                out.add(n);
            }
        }
        return out;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
