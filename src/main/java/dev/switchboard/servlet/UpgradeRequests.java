package dev.switchboard.servlet;

import dev.switchboard.runtime.HandshakeInfo;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.websocket.server.HandshakeRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Notes the peer address of each request on the thread that serves it, for the handshake configurator to
 * pick up: Jakarta WebSocket has no portable way to tell it, while every container runs the upgrade of a
 * request on the thread that serves that request.
 */
final class UpgradeRequests implements ServletRequestListener {

    private static final ThreadLocal<InetSocketAddress> PEER = new ThreadLocal<>();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        ServletRequest request = event.getServletRequest();
        PEER.set(address(request.getRemoteAddr(), request.getRemotePort()));
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        PEER.remove();
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
        InetSocketAddress peer = PEER.get();
        return HandshakeInfo.of(request.getHeaders(), peer != null ? peer : InetSocketAddress.createUnresolved("unknown", 0));
    }
}
