package org.litgraph.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the API (an unparsable request, headers
 * or URL too large): JSON like every other error, with the security headers, no stack or class name.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String text = switch (code) {
            case 414 -> "the URL is longer than the server accepts";
            case 413 -> "the request body is larger than " + (ApiServer.MAX_BODY >> 10) + " KiB";
            case 431 -> "the request headers are larger than the server accepts";
            case 400 -> "bad request";
            case 404 -> "no such endpoint";
            default -> code >= 500 ? "internal error (the server's log says more)" : "request refused (HTTP " + code + ")";
        };
        byte[] body = ("{\"error\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
