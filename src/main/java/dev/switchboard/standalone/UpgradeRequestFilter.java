package dev.switchboard.standalone;

import dev.switchboard.HandshakeDecision;
import dev.switchboard.runtime.HandshakeGate;
import dev.switchboard.runtime.HandshakeInfo;
import dev.switchboard.runtime.HandshakeReader;
import jakarta.websocket.server.HandshakeRequest;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Refuses upgrades with 503 while the server drains, passes the others through the routes' {@link HandshakeGate}
 * (answering its rejections), and notes the HTTP request each read belongs to, on the
 * thread that reads it. Tyrus runs the whole handshake,
 * configurator included, synchronously in the next filter on that same thread, so {@link #read} can take
 * the details from Grizzly's own request there: Tyrus's request carries no peer port, and it splits header
 * values at commas ({@code User-Agent: Mozilla/5.0 (X11, Linux)} would lose its tail).
 */
final class UpgradeRequestFilter extends BaseFilter {

    private static final ThreadLocal<HttpRequestPacket> CURRENT = new ThreadLocal<>();

    private final BooleanSupplier draining;
    private final HandshakeGate gate;

    UpgradeRequestFilter(BooleanSupplier draining, HandshakeGate gate) {
        this.draining = draining;
        this.gate = gate;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            if (isNewUpgrade(request)) {
                HandshakeDecision rejection = draining.getAsBoolean()
                        ? HandshakeDecision.reject(HttpStatus.SERVICE_UNAVAILABLE_503.getStatusCode(), "")
                        : gate.admit(request.getRequestURI(), request.getQueryString(), headers(request),
                                peerAddress(request), null);
                if (rejection != null) {
                    refuse(ctx, request, rejection);
                    return ctx.getStopAction();
                }
            }
            CURRENT.set(request);
        }
        return ctx.getInvokeAction();
    }

    /** An upgrade not yet answered: frames of open sessions arrive with their request, already answered 101. */
    private static boolean isNewUpgrade(HttpRequestPacket request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade")) && !request.getResponse().isCommitted();
    }

    /** Answers with the rejection's status and body, and closes the connection. */
    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, HandshakeDecision rejection) {
        HttpResponsePacket response = request.getResponse();
        response.setStatus(rejection.status());
        response.setHeader("Connection", "close");
        byte[] body = rejection.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.setContentType("text/plain;charset=utf-8");
        }
        Connection<?> connection = ctx.getConnection();
        HttpContent content = HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true).build();
        ctx.write(content, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable error) {
                connection.closeSilently();
            }
        });
    }

    /** What a session needs of the request being upgraded on this thread. */
    static HandshakeInfo read(HandshakeRequest handshake) {
        HttpRequestPacket request = CURRENT.get();
        if (request == null) {
            return HandshakeReader.PORTABLE.read(handshake);
        }
        return HandshakeInfo.of(headers(request), peerAddress(request));
    }

    /** Every header line of the request, names case-insensitive, values unsplit. */
    private static Map<String, List<String>> headers(HttpRequestPacket request) {
        MimeHeaders mime = request.getHeaders();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : mime.names()) {
            headers.computeIfAbsent(name, n -> {
                List<String> values = new ArrayList<>();
                mime.values(n).forEach(values::add); // every line of that name, whatever its case
                return values;
            });
        }
        return headers;
    }

    private static InetSocketAddress peerAddress(HttpRequestPacket request) {
        Object peer = request.getConnection().getPeerAddress();
        return peer instanceof InetSocketAddress address
                ? address : InetSocketAddress.createUnresolved(request.getRemoteAddress(), request.getRemotePort());
    }
}
