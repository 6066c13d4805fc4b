package dev.switchboard.runtime;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Captures what only the handshake knows into the connection's user properties, and hands the host the
 * route's single endpoint instead of letting it create one per connection.
 */
final class RouteConfigurator extends ServerEndpointConfig.Configurator {

    private final RouteEndpoint endpoint;
    private final PeerAddresses peerAddresses;

    RouteConfigurator(RouteEndpoint endpoint, PeerAddresses peerAddresses) {
        this.endpoint = endpoint;
        this.peerAddresses = peerAddresses;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(HandshakeInfo.KEY,
                HandshakeInfo.of(request.getHeaders(), peerAddresses.of(request)));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }
}
