package org.litgraph.graph;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.common.DependencyResolver;

/**
 * The first handler of every Bolt connection: a connection that opens with an HTTP request (Bolt
 * over WebSocket, what a web page can open) is answered 403 and closed unless its {@code Origin}
 * is one the store was configured to accept; raw Bolt (drivers, cypher-shell) passes untouched.
 * Neo4j accepts WebSocket upgrades on its Bolt port from any origin and has no setting to turn
 * them off, hence this guard.
 */
final class WebSocketGuard extends ByteToMessageDecoder {
    private static final int MAX_HEAD = 64 * 1024;
    private final Set<String> origins;

    private WebSocketGuard(Set<String> origins) {
        this.origins = origins;
    }

    /** Puts a guard in front of every connection the store's Bolt connectors accept from now on. */
    static void install(DependencyResolver resolver, List<String> allowedOrigins) {
        Set<String> origins = Set.copyOf(allowedOrigins.stream().map(o -> strip(o)).toList());
        BoltServer bolt = resolver.resolveDependency(BoltServer.class);
        for (Connector<?> connector : bolt.getConnectors()) {
            connector.registerListener(new ConnectorListener() {
                @Override
                public void onConnectionCreated(Connection connection) {
                    connection.modifyPipeline(p -> p.addFirst("litgraph-websocket-guard", new WebSocketGuard(origins)));
                }
            });
        }
    }

    private static String strip(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int r = in.readerIndex();
        boolean http = in.getByte(r) == 'G' && in.getByte(r + 1) == 'E' && in.getByte(r + 2) == 'T' && in.getByte(r + 3) == ' ';
        if (!http) {
            ctx.pipeline().remove(this); // raw Bolt: hand everything read so far to Neo4j
            return;
        }
        int end = indexOfHeadEnd(in);
        if (end < 0) {
            if (in.readableBytes() > MAX_HEAD) {
                refuse(ctx, in, "request head too large");
            }
            return;
        }
        String head = in.toString(r, end - r, StandardCharsets.ISO_8859_1);
        String origin = null;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Origin")) {
                origin = strip(line.substring(colon + 1));
            }
        }
        if (origin != null && origins.contains(origin)) {
            ctx.pipeline().remove(this);
        } else {
            refuse(ctx, in, "Bolt over WebSocket is refused from " + (origin == null ? "a page without an origin"
                    : "origin " + origin) + " (litgraph accepts it only from origins it was started with)");
        }
    }

    private static int indexOfHeadEnd(ByteBuf in) {
        for (int i = in.readerIndex(); i + 3 < in.writerIndex(); i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static void refuse(ChannelHandlerContext ctx, ByteBuf in, String why) {
        in.skipBytes(in.readableBytes());
        byte[] body = (why + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ByteBuf response = Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1), body);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
