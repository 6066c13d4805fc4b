package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.HandshakeRequest;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A route that holds at most five sessions at once, behind a handshake check that refuses clients asking for it
 * ({@code ?refuse=yes}) with 403: for the exactness of the limit under many handshakes at once. Its heartbeat is
 * short: a client that left right after its request may have become a session that the container (WildFly,
 * GlassFish) takes for open until a write to it fails, and the heartbeat's ping is that write.
 */
@Route(value = "/crowded", maxSessions = CrowdedRoute.LIMIT, handshake = CrowdedRoute.Door.class,
        heartbeatSeconds = 1)
public class CrowdedRoute {

    /** The route's session limit. */
    public static final int LIMIT = 5;

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.connected(session);
    }

    @OnDisconnected
    void disconnected(WebSocketSession session, CloseStatus status) {
        ServerSide.disconnected(session, status);
    }

    /** Refuses requests with a {@code refuse} query parameter, after the session limit let them through. */
    public static final class Door implements HandshakeCheck {

        @Override
        public HandshakeDecision check(HandshakeRequest request) {
            return request.queryParam("refuse") != null ? HandshakeDecision.reject(403, "refused at the door")
                    : HandshakeDecision.accept();
        }
    }
}
