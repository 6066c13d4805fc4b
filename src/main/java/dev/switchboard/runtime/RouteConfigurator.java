package dev.switchboard.runtime;

import dev.switchboard.HandshakeDecision;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures what only the handshake knows into the connection's user properties, and hands the host the
 * route's single endpoint instead of letting it create one per connection.
 */
final class RouteConfigurator extends ServerEndpointConfig.Configurator {

    private final RouteEndpoint endpoint;
    private final String template;
    private final Host host;

    RouteConfigurator(RouteEndpoint endpoint, String template, Host host) {
        this.endpoint = endpoint;
        this.template = template;
        this.host = host;
    }

    /** The subprotocol the route's handshake check chose, else the first of the route's list the client offers. */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        HandshakeGate.Admitted admitted = HandshakeGate.admitted(template);
        if (admitted != null && admitted.decision().chosenSubprotocol() != null) {
            return admitted.decision().chosenSubprotocol();
        }
        return supported.stream().filter(requested::contains).findFirst().orElse("");
    }

    /**
     * Offers of the host's own extensions ({@link ExtensionOffer}) are answered by those extensions; the rest, e.g.
     * a container's installed extensions in a WAR, as the container would.
     */
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        List<Extension> negotiated = new ArrayList<>();
        List<Extension> others = new ArrayList<>();
        for (Extension extension : installed) {
            if (extension instanceof ExtensionOffer offer) {
                offer.accept(requested).ifPresent(negotiated::add);
            } else {
                others.add(extension);
            }
        }
        if (negotiated.isEmpty() && others.size() == installed.size()) {
            return super.getNegotiatedExtensions(installed, requested);
        }
        if (!others.isEmpty()) {
            negotiated.addAll(super.getNegotiatedExtensions(others, requested));
        }
        return negotiated;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        HandshakeInfo info = host.readHandshake(request);
        HandshakeGate.Admitted admitted = HandshakeGate.admitted(template);
        if (admitted != null) {
            HandshakeDecision decision = admitted.decision();
            decision.headers().forEach((name, value) -> response.getHeaders().put(name, List.of(value)));
            info = info.withAttributes(decision.attributes());
            if (admitted.slot().handOver()) {
                // The host may open the connection after the gate's host is done with the request (a WAR's filter).
                config.getUserProperties().put(SessionSlot.KEY, admitted.slot());
            }
        }
        config.getUserProperties().put(HandshakeInfo.KEY, info);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }
}
