package dev.switchboard.runtime;

import dev.switchboard.ServerSettings;
import dev.switchboard.WebSocketSession;
import dev.switchboard.binding.ClientBinding;
import dev.switchboard.binding.ConnectionHandlers;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The runtime of one client endpoint: the same sessions as a route's (single writer, bounded queue, heartbeat, the
 * handler calls), for the connections a client opens one after the other. Public only for the client package,
 * which owns the connections themselves.
 */
public final class ClientEndpoint {

    private final ClientBinding binding;
    private final Object instance;
    private final RouteSettings settings;
    private final SessionRegistry registry;
    private final RouteSessions sessions;

    /**
     * @param binding  the client class's generated adapter
     * @param instance the instance whose handlers run, for every connection
     * @param settings the client's limits, heartbeat and codec
     */
    public ClientEndpoint(ClientBinding binding, Object instance, ServerSettings settings) {
        this.binding = binding;
        this.instance = instance;
        this.settings = RouteSettings.of(binding, settings, false);
        this.registry = new SessionRegistry(new ControlFrames(false), 0, EngineEvents.NONE);
        this.sessions = registry.route(binding.routeClass(), this.settings);
    }

    /**
     * A connection opened: makes its session, bound to the handlers; {@link ClientLink#open()} runs
     * {@code @OnConnected}.
     *
     * @param transport      how the session's frames reach the connection
     * @param handlerSession the session the handlers are given
     * @param uri            the URI connected to
     * @param remoteAddress  the server's address
     * @param headers        the request headers sent, by name
     * @param subprotocol    the subprotocol the server chose, or {@code null}
     * @return the connection, to hand it what arrives
     */
    public ClientLink connect(Transport transport, WebSocketSession handlerSession, URI uri,
                             InetSocketAddress remoteAddress, Map<String, List<String>> headers, String subprotocol) {
        ConnectionInfo info = new ConnectionInfo(SessionIds.next(), remoteAddress, Map.of(),
                QueryString.parse(uri.getRawQuery()), headers, subprotocol, uri, null);
        ConnectionSession session = new ConnectionSession(info, settings, transport, registry, sessions,
                registry.openSlot(null, sessions), Side.CLIENT);
        ConnectionHandlers handlers = binding.connect(handlerSession, instance, session.typedMessages());
        return new ClientLink(session, binding, handlers);
    }

    /** Ends the endpoint's threads (its clock, its stream readers) once its last connection ended. */
    public void release() {
        registry.release();
    }
}
