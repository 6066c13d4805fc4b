package dev.switchboard.contract;

import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.HandshakeRequest;
import dev.switchboard.Route;

/**
 * A route that holds at most five sessions at once, behind a handshake check that refuses clients asking for it
 * ({@code ?refuse=yes}) with 403: for the exactness of the limit under many handshakes at once. Its heartbeat is
 * short: a client that left right after its request may have become a session that the container (WildFly,
 * GlassFish) takes for open until a write to it fails, and the heartbeat's ping is that write.
 */
@Route(value = "/crowded", maxSessions = CrowdedRoute.LIMIT, handshake = CrowdedRoute.Door.class,
        heartbeatSeconds = 1)
public class CrowdedRoute extends TrackedRoute {

    /** The route's session limit. */
    public static final int LIMIT = 5;

    /** Refuses requests with a {@code refuse} query parameter, after the session limit let them through. */
    public static final class Door implements HandshakeCheck {

        @Override
        public HandshakeDecision check(HandshakeRequest request) {
            return request.queryParam("refuse") != null ? HandshakeDecision.reject(403, "refused at the door")
                    : HandshakeDecision.accept();
        }
    }
}
