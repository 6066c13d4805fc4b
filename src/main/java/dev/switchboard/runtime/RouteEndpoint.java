package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.binding.ConnectionHandlers;
import dev.switchboard.binding.RouteBinding;
import dev.switchboard.path.PathTemplate;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Jakarta WebSocket endpoint of a route: turns the host's events into the route's callbacks through
 * each connection's {@link ConnectionSession}. Public only because hosts call its methods reflectively.
 */
public final class RouteEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(RouteEndpoint.class.getName());
    private static final String SESSION_KEY = ConnectionSession.class.getName();

    private final RouteBinding binding;
    private final RouteSettings settings;
    private final SessionRegistry registry;
    private final RouteSessions routeSessions;
    private final List<String> pathVariables;
    private final Host host;
    private final RouteInstances instances;

    RouteEndpoint(RouteBinding binding, RouteSettings settings, SessionRegistry registry, Host host,
                  RouteInstances instances) {
        this.binding = binding;
        this.instances = instances;
        this.settings = settings;
        this.registry = registry;
        this.host = host;
        this.routeSessions = registry.route(binding.routeClass(), settings);
        this.pathVariables = PathTemplate.parse(binding.path()).variables();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Admission admitted = (Admission) session.getUserProperties().remove(Admission.KEY);
        SessionSlot slot = registry.openSlot(admitted == null ? null : admitted.slot(), routeSessions);
        if (slot == null) {
            refuse(session);
            return;
        }
        ConnectionSession connection;
        try {
            Transport transport = host.transport(session,
                    new JakartaTransport(session, host.sharedFrames(session), registry.controlFrames()));
            connection = new ConnectionSession(connectionInfo(session, admitted), settings, transport, registry,
                    routeSessions, slot, Side.SERVER);
        } catch (RuntimeException | Error e) {
            slot.release(); // no session holds it, and none will end to give it back
            throw e;
        }
        session.getUserProperties().put(SESSION_KEY, connection);
        host.connectionOpened(session, settings.sendQueueLimits().sendTimeout());
        if (admitted != null && !admitted.decision().attributes().isEmpty()) { // no map for a session without any
            connection.attributes().putAll(admitted.decision().attributes());
        }

        boolean text = binding.handlesText();
        boolean binary = binding.handlesBinary();
        // Parts, not whole messages: the session assembles them within the route's limit, where hosts would
        // buffer in fixed buffers of their own size (Tomcat 8 KiB, Jetty 64 KiB).
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) ->
                connection.messages().textPart(part, last, text));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) ->
                connection.messages().binaryPart(part, last, binary));
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong ->
                connection.messages().pong(pong.getApplicationData()));

        Object instance = null;
        ConnectionHandlers handlers;
        try {
            instance = instances.forConnection();
            handlers = binding.connect(connection, instance, connection.typedMessages());
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "Could not create " + binding.routeClass().getName()
                    + " for a connection to " + settings.path(), e);
            if (instance != null) {
                instances.connectionEnded(instance);
            }
            connection.opened(new ConnectionHandlers() { }, () -> { });
            connection.closeSoon(CloseStatus.INTERNAL_ERROR, "internal error", CloseCause.HANDLER_FAILED);
            return;
        }
        Object bound = instance;
        connection.opened(handlers, () -> instances.connectionEnded(bound));
    }

    /**
     * Closes a connection that found no place under the session limits: one whose upgrade the gate never saw, or
     * that opened so long after its handshake that its place was given back. It never becomes a session.
     */
    private void refuse(Session session) {
        LOG.log(System.Logger.Level.DEBUG, "A connection to " + settings.path() + " opened without a place under "
                + "the session limits, and none is free: it is closed with 1013");
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "too many sessions, try again later"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing it failed", e);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        ConnectionSession connection = connectionOf(session);
        if (connection != null) {
            int code = host.closeCodeOnWire(session, closeReason.getCloseCode().getCode());
            host.afterEarlierMessages(session, () -> connection.hostClosed(code, closeReason.getReasonPhrase()));
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        ConnectionSession connection = connectionOf(session);
        if (connection != null) {
            connection.hostFailed(error);
        }
    }

    /** Only the template's variables: Tyrus mixes query parameters into this map. */
    private Map<String, String> pathParams(Map<String, String> hostParams) {
        Map<String, String> params = new HashMap<>();
        for (String name : pathVariables) {
            String value = hostParams.get(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        return Map.copyOf(params);
    }

    private static ConnectionSession connectionOf(Session session) {
        return (ConnectionSession) session.getUserProperties().get(SESSION_KEY);
    }

    /** The path and query as the host decoded them; the headers and peer address as the gate read them. */
    private ConnectionInfo connectionInfo(Session session, Admission admitted) {
        String query = session.getQueryString();
        // Some hosts hand over the path decoded: re-encode it so the URI is what went over the wire. The host's own
        // URI, which its session keeps anyway, serves when it is that already.
        URI hostUri = session.getRequestURI();
        String ascii = hostUri.toASCIIString();
        URI uri = ascii.equals(hostUri.toString()) ? hostUri : URI.create(ascii);
        if (uri.getRawQuery() == null && query != null && !query.isEmpty()) {
            uri = URI.create(uri + "?" + query);
        }
        String subprotocol = session.getNegotiatedSubprotocol();
        return new ConnectionInfo(
                SessionIds.next(),
                admitted != null ? admitted.request().remoteAddress() : InetSocketAddress.createUnresolved("unknown", 0),
                pathParams(session.getPathParameters()),
                QueryString.parse(query),
                admitted != null ? admitted.request().headerMap() : Map.of(),
                subprotocol == null || subprotocol.isEmpty() ? null : subprotocol,
                uri,
                session.getUserPrincipal());
    }
}
