package dev.switchboard.standalone;

import dev.switchboard.runtime.HandshakeGate;
import dev.switchboard.runtime.HeaderLines;
import dev.switchboard.runtime.UpgradeRequestRules;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Refuses upgrades with 503 while the server drains, and others as the routes' {@link HandshakeGate} decides
 * (Tyrus itself would answer a missing key with 500 and upgrade a malformed one), from Grizzly's own request;
 * and tells the {@link HandshakeGuard} when a request head has come and when a plain HTTP response has gone.
 * Tyrus runs the whole handshake, route configurator included, synchronously in the next filter on the same
 * thread, where the gate's acceptance waits for it.
 */
final class UpgradeRequestFilter extends BaseFilter {

    private static final UpgradeRequestRules.Refusal DRAINING = new UpgradeRequestRules.Refusal(
            503, "Service Unavailable", "The server is shutting down",
            Map.of("Retry-After", "1")); // a restarting server is back soon; clients spread their returns over the second

    private final BooleanSupplier draining;
    private final HandshakeGate gate;
    private final HandshakeGuard guard;

    UpgradeRequestFilter(BooleanSupplier draining, HandshakeGate gate, HandshakeGuard guard) {
        this.draining = draining;
        this.gate = gate;
        this.guard = guard;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        HttpRequestPacket request = newRequest(ctx);
        if (request != null) {
            guard.requestArrived(ctx.getConnection());
        }
        if (request != null && isUpgrade(request)) {
            UpgradeRequestRules.Refusal refusal = draining.getAsBoolean()
                    ? gate.refusedByHost(request.getRequestURI(), DRAINING)
                    : gate.admit(request.getMethod().getMethodString(), request.getRequestURI(),
                            request.getQueryString(), headers(request), peerAddress(request), null);
            if (refusal != null) {
                refuse(ctx, request, refusal);
                return ctx.getStopAction();
            }
            // The TyrusUpgradeFilter after this one upgrades and opens the session there, on this thread: once
            // the chain is through, a place under the session limits that no session took is given back.
            ctx.addCompletionListener(done -> HandshakeGate.forget());
        }
        return ctx.getInvokeAction();
    }

    /**
     * The request whose head the HTTP codec hands over in this read, or {@code null} if it hands over none: a
     * request whose response has begun is one answered already, and what comes now is its body.
     */
    static HttpRequestPacket newRequest(FilterChainContext ctx) {
        return ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request
                && !request.getResponse().isCommitted() ? request : null;
    }

    /** Whether the request asks for a WebSocket upgrade. */
    static boolean isUpgrade(HttpRequestPacket request) {
        return UpgradeRequestRules.isWebSocketUpgrade(request.getHeader("Upgrade"));
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        // The last part of a response other than a 101 leaves the connection to HTTP keep-alive.
        if (ctx.getMessage() instanceof HttpContent content && content.isLast()
                && content.getHttpHeader() instanceof HttpResponsePacket response
                && response.getStatus() != HttpStatus.SWITCHING_PROTOCOLS_101.getStatusCode()) {
            guard.responseFinished(ctx.getConnection());
        }
        return ctx.getInvokeAction();
    }

    /** Answers the refusal and closes the connection: what the client sent was no handshake to go on with. */
    static void refuse(FilterChainContext ctx, HttpRequestPacket request, UpgradeRequestRules.Refusal refusal) {
        byte[] body = refusal.message().getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refusal.status());
        response.setReasonPhrase(refusal.reason());
        refusal.headers().forEach(response::setHeader);
        response.setHeader("Connection", "close");
        // Straight into the headers: Grizzly leaves out the content type it keeps apart on an upgrade's response.
        response.getHeaders().setValue("Content-Type").setString("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(answer, new CloseAfterWrite(ctx.getConnection()));
    }

    /**
     * Every header line of the request, kept as read for the session ({@link HeaderLines}), values unsplit: Tyrus's
     * own request splits them at commas ({@code User-Agent: Mozilla/5.0 (X11, Linux)} would lose its tail).
     */
    private static Map<String, List<String>> headers(HttpRequestPacket request) {
        MimeHeaders mime = request.getHeaders();
        HeaderLines.Collector lines = HeaderLines.collector();
        for (int i = 0; i < mime.size(); i++) {
            lines.add(mime.getName(i).toString(), mime.getValue(i).toString());
        }
        return lines.done();
    }

    /** The peer's address with its port, which Tyrus's request does not carry. */
    private static InetSocketAddress peerAddress(HttpRequestPacket request) {
        Object peer = request.getConnection().getPeerAddress();
        return peer instanceof InetSocketAddress address
                ? address : InetSocketAddress.createUnresolved(request.getRemoteAddress(), request.getRemotePort());
    }
}
