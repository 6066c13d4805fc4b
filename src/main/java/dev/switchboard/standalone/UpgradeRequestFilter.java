package dev.switchboard.standalone;

import dev.switchboard.runtime.HandshakeInfo;
import dev.switchboard.runtime.HandshakeReader;
import jakarta.websocket.server.HandshakeRequest;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.MimeHeaders;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notes the HTTP request each read belongs to, on the thread that reads it. Tyrus runs the whole handshake,
 * configurator included, synchronously in the next filter on that same thread, so {@link #read} can take
 * the details from Grizzly's own request there: Tyrus's request carries no peer port, and it splits header
 * values at commas ({@code User-Agent: Mozilla/5.0 (X11, Linux)} would lose its tail).
 */
final class UpgradeRequestFilter extends BaseFilter {

    private static final ThreadLocal<HttpRequestPacket> CURRENT = new ThreadLocal<>();

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            CURRENT.set(request);
        }
        return ctx.getInvokeAction();
    }

    /** What a session needs of the request being upgraded on this thread. */
    static HandshakeInfo read(HandshakeRequest handshake) {
        HttpRequestPacket request = CURRENT.get();
        if (request == null) {
            return HandshakeReader.PORTABLE.read(handshake);
        }
        MimeHeaders mime = request.getHeaders();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : mime.names()) {
            headers.computeIfAbsent(name, n -> {
                List<String> values = new ArrayList<>();
                mime.values(n).forEach(values::add); // every line of that name, whatever its case
                return values;
            });
        }
        Object peer = request.getConnection().getPeerAddress();
        return HandshakeInfo.of(headers, peer instanceof InetSocketAddress address
                ? address : InetSocketAddress.createUnresolved(request.getRemoteAddress(), request.getRemotePort()));
    }
}
