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
    private final HandshakeReader handshakeReader;

    RouteConfigurator(RouteEndpoint endpoint, HandshakeReader handshakeReader) {
        this.endpoint = endpoint;
        this.handshakeReader = handshakeReader;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(HandshakeInfo.KEY, handshakeReader.read(request));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }
}
