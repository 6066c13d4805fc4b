package dev.switchboard.runtime;

import jakarta.websocket.server.HandshakeRequest;

import java.net.InetSocketAddress;

/**
 * A host's way to read what a session needs from its upgrade request. Jakarta WebSocket has no portable
 * call for the peer address, and some hosts split header values at commas; a host that knows better
 * reads its own request.
 */
@FunctionalInterface
public interface HandshakeReader {

    /** Reads the headers from the request itself; the peer address is unknown. */
    HandshakeReader PORTABLE = request ->
            HandshakeInfo.of(request.getHeaders(), InetSocketAddress.createUnresolved("unknown", 0));

    /**
     * Reads the request being upgraded, on the thread that runs the handshake.
     *
     * @param request the upgrade request
     * @return what the session needs of it; never {@code null}
     */
    HandshakeInfo read(HandshakeRequest request);
}
