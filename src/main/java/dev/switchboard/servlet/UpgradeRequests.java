package dev.switchboard.servlet;

import dev.switchboard.runtime.HandshakeInfo;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.HandshakeRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes the peer address and headers of each upgrade request on the thread that serves it, for the handshake
 * configurator to pick up: Jakarta WebSocket has no portable way to tell the address, and some containers
 * (GlassFish's Tyrus) split header values at commas, while every container runs the upgrade of a request on
 * the thread that serves that request.
 */
final class UpgradeRequests implements ServletRequestListener {

    private static final ThreadLocal<HandshakeInfo> CURRENT = new ThreadLocal<>();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest http
                && "websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            CURRENT.set(HandshakeInfo.of(headersOf(http), peerAddress(http)));
        }
    }

    /** Every header line of a request, as the container has them. */
    static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    static InetSocketAddress peerAddress(ServletRequest request) {
        return address(request.getRemoteAddr(), request.getRemotePort());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        forget();
    }

    /** Forgets the request noted on this thread, once its upgrade is done. */
    static void forget() {
        CURRENT.remove();
    }

    /** The address, resolved without a name lookup when the host is an IP literal, as containers report it. */
    private static InetSocketAddress address(String host, int port) {
        boolean literal = host != null && !host.isEmpty()
                && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%');
        if (literal) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException malformed) {
                // fall through: keep what the container said
            }
        }
        return InetSocketAddress.createUnresolved(host == null ? "unknown" : host, port);
    }

    /** What a session needs of the upgrade request being served on this thread. */
    static HandshakeInfo read(HandshakeRequest request) {
        HandshakeInfo noted = CURRENT.get();
        return noted != null ? noted : HandshakeInfo.portable(request);
    }
}
