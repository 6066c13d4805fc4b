package dev.switchboard.standalone;

import dev.switchboard.runtime.UpgradeRequestRules;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.Parameters;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.utils.Charsets;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusUpgradeResponse;
import org.glassfish.tyrus.core.Utils;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upgrades a WebSocket handshake the routes' gate let through with Tyrus's engine, and leaves the connection to
 * Tyrus's frames: Switchboard's container for Tyrus on Grizzly, in place of Tyrus's own Grizzly filter, which keeps
 * each connection's HTTP request and response for its life (some 7 KB) and queues every read as a task.
 *
 * <p>On a successful upgrade the 101 is written as bytes, which the HTTP codec passes through; the connection's
 * reads go from then on straight to Tyrus ({@link UpgradedReads}), through a {@link FrameLimit}; its writes go
 * through an {@link EncodedFrameWriter}, for broadcasts, and a {@link LingeringClose}; and the HTTP codec and the
 * {@link HandshakeGuard} forget it. A handshake Tyrus refuses is answered with Tyrus's status and headers, and the
 * connection closed; a request for no endpoint of Tyrus's goes on to HTTP.
 */
final class TyrusUpgradeFilter extends BaseFilter {

    /** The name of what the HTTP codec keeps of a connection for keep-alive; it has no public constant. */
    private static final String KEEP_ALIVE = "HttpServerFilter.KeepAliveContext";

    private final WebSocketEngine engine;
    private final long maxPayload;
    private final ClosingConnections closings;
    private final HandshakeGuard guard;

    /**
     * @param engine     Tyrus's engine, with every endpoint registered
     * @param maxPayload the largest payload a data frame may carry: the largest message any route accepts
     * @param closings   the host's connections that wait for their client's close
     * @param guard      the handshake limits, which an upgraded connection leaves
     */
    TyrusUpgradeFilter(WebSocketEngine engine, long maxPayload, ClosingConnections closings, HandshakeGuard guard) {
        this.engine = engine;
        this.maxPayload = maxPayload;
        this.closings = closings;
        this.guard = guard;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        HttpRequestPacket request = UpgradeRequestFilter.newRequest(ctx);
        if (request == null || !UpgradeRequestFilter.isUpgrade(request)) {
            return ctx.getInvokeAction();
        }
        TyrusUpgradeResponse response = new TyrusUpgradeResponse();
        WebSocketEngine.UpgradeInfo upgrade = engine.upgrade(tyrusRequest(request), response);
        switch (upgrade.getStatus()) {
            case SUCCESS -> {
                open(ctx, ctx.getMessage(), upgrade, response);
                return ctx.getStopAction();
            }
            case HANDSHAKE_FAILED -> {
                UpgradeRequestFilter.refuse(ctx, request, new UpgradeRequestRules.Refusal(response.getStatus(),
                        reasonOf(response), "", headersOf(response)));
                return ctx.getStopAction();
            }
            default -> {
                return ctx.getInvokeAction(); // no endpoint of Tyrus's: HTTP answers
            }
        }
    }

    private void open(FilterChainContext ctx, HttpContent content, WebSocketEngine.UpgradeInfo upgrade,
                      TyrusUpgradeResponse response) {
        Connection<?> socket = ctx.getConnection();
        ctx.write(Buffers.wrap(ctx.getMemoryManager(), switchingProtocols(response)));
        boolean secure = content.getHttpHeader().isSecure();
        LingeringClose lingering = new LingeringClose(new ConnectionWriter(socket, secure), closings);
        EncodedFrameWriter frames = new EncodedFrameWriter(lingering);
        // Tyrus opens the session, and the route's @OnConnected runs, inside createConnection.
        UpgradedConnection upgraded = OpeningConnection.open(frames, () -> new UpgradedConnection(
                upgrade.createConnection(frames, reason -> socket.closeSilently()), lingering, maxPayload));
        socket.getAttributes().removeAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);
        socket.getAttributes().removeAttribute(KEEP_ALIVE);
        guard.upgraded(socket);
        UpgradedReads.upgraded(socket, upgraded);
        Buffer framesWithTheHandshake = content.getContent();
        if (framesWithTheHandshake.hasRemaining()) {
            upgraded.read(framesWithTheHandshake);
        }
    }

    /** The request as Tyrus reads it, made as Tyrus's own Grizzly filter makes it. */
    private static RequestContext tyrusRequest(HttpRequestPacket request) {
        Map<String, String[]> parameters = new HashMap<>();
        if (request.getQueryString() != null) {
            Parameters query = new Parameters();
            query.setQuery(request.getQueryStringDC());
            query.setQueryStringEncoding(Charsets.UTF8_CHARSET);
            for (String name : query.getParameterNames()) {
                parameters.put(name, query.getParameterValues(name));
            }
        }
        RequestContext tyrus = RequestContext.Builder.create()
                .requestURI(URI.create(request.getRequestURI()))
                .queryString(request.getQueryString())
                .parameterMap(parameters)
                .secure(request.isSecure())
                .remoteAddr(request.getRemoteAddress())
                .build();
        Map<String, List<String>> headers = tyrus.getHeaders();
        for (String name : request.getHeaders().names()) {
            for (String value : request.getHeaders().values(name)) {
                headers.computeIfAbsent(name, n -> new ArrayList<>())
                        .addAll(Utils.parseHeaderValue(value.trim()));
            }
        }
        return tyrus;
    }

    private static byte[] switchingProtocols(TyrusUpgradeResponse response) {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 101 ").append(reasonOf(response)).append("\r\n");
        headersOf(response).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reasonOf(TyrusUpgradeResponse response) {
        return response.getReasonPhrase() != null ? response.getReasonPhrase()
                : HttpStatus.getHttpStatus(response.getStatus()).getReasonPhrase();
    }

    private static Map<String, String> headersOf(TyrusUpgradeResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> headers.put(name, Utils.getHeaderFromList(values)));
        return headers;
    }
}
