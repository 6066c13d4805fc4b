package dev.switchboard.runtime;

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
        Admission admitted = HandshakeGate.admitted(template);
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

    /**
     * Applies the gate's acceptance to the response, and hands it to the connection. The gate read the request on
     * this thread before the host upgraded it, from the host's own request: Jakarta WebSocket has no portable call
     * for the peer address, and some hosts split header values at commas.
     */
    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Admission admitted = HandshakeGate.admitted(template);
        if (admitted == null) {
            admitted = Admission.unseen(template, request);
        }
        admitted.decision().headers().forEach((name, value) -> response.getHeaders().put(name, List.of(value)));
        if (admitted.slot() != null && !admitted.slot().handOver()) {
            admitted = admitted.withoutSlot();
        }
        // The host may open the connection after the gate's host is done with the request (a WAR's filter).
        config.getUserProperties().put(Admission.KEY, admitted);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }
}
