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
import org.litgraph.graph.Store;
import org.litgraph.query.ReadOnlyViolation;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The HTTP JSON API and the web page over a {@link Store}, on Javalin (Jetty). Binds loopback by
 * default; on any other address every request needs the token ({@code Authorization: Bearer T}
 * or {@code ?token=T}). Errors are JSON {@code {"error": ...}}: 400 bad input or unknown names,
 * 401 no/wrong token, 403 a Cypher write, 500 anything else.
 */
public final class ApiServer implements AutoCloseable {
    /** Where to listen; {@code token} may be null (then loopback only); {@code cypherTimeout} bounds POST /api/cypher. */
    public record Settings(String host, int port, String token, Duration cypherTimeout) {
    }

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
        Api api = new Api(store, settings.cypherTimeout());
        String page = resource("index.html");
        byte[] expected = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.before(ctx -> authorise(ctx, expected));
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
            throw new IllegalArgumentException("the body must be JSON {\"query\": \"...\", \"params\": {...}}: "
                    + rootMessage(e), e);
        }
    }

    static void error(Exception e, Context ctx) {
        int status;
        if (e instanceof HttpResponseException h) {
            status = h.getStatus();
        } else if (e instanceof ReadOnlyViolation) {
            status = 403;
        } else if (e instanceof IllegalArgumentException || e instanceof ClientException) {
            status = 400;
        } else {
            status = 500;
            System.err.println("litgraph serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ctx.status(status).json(Map.of("error", message));
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
