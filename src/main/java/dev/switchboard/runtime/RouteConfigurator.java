package dev.switchboard.runtime;

import dev.switchboard.HandshakeDecision;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * Captures what only the handshake knows into the connection's user properties, and hands the host the
 * route's single endpoint instead of letting it create one per connection.
 */
final class RouteConfigurator extends ServerEndpointConfig.Configurator {

    private final RouteEndpoint endpoint;
    private final String template;
    private final HandshakeReader handshakeReader;

    RouteConfigurator(RouteEndpoint endpoint, String template, HandshakeReader handshakeReader) {
        this.endpoint = endpoint;
        this.template = template;
        this.handshakeReader = handshakeReader;
    }

    /** The subprotocol the route's handshake check chose, else the first of the route's list the client offers. */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        HandshakeDecision admitted = HandshakeGate.admitted(template);
        if (admitted != null && admitted.chosenSubprotocol() != null) {
            return admitted.chosenSubprotocol();
        }
        return supported.stream().filter(requested::contains).findFirst().orElse("");
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        HandshakeInfo info = handshakeReader.read(request);
        HandshakeDecision admitted = HandshakeGate.admitted(template);
        if (admitted != null) {
            admitted.headers().forEach((name, value) -> response.getHeaders().put(name, List.of(value)));
            info = info.withAttributes(admitted.attributes());
        }
        config.getUserProperties().put(HandshakeInfo.KEY, info);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }
}
