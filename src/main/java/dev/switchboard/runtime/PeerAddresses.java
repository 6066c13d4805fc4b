package dev.switchboard.runtime;

import jakarta.websocket.server.HandshakeRequest;

import java.net.InetSocketAddress;

/**
 * A host's way to tell the peer address of an upgrade request, which Jakarta WebSocket has no portable
 * call for.
 */
@FunctionalInterface
public interface PeerAddresses {

    /**
     * The peer address of the request being upgraded.
     *
     * @param request the upgrade request, on the thread that runs the handshake
     * @return the address, possibly unresolved; never {@code null}
     */
    InetSocketAddress of(HandshakeRequest request);
}
