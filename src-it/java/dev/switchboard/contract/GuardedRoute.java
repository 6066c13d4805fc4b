package dev.switchboard.contract;

import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.HandshakeRequest;
import dev.switchboard.Route;
import dev.switchboard.Token;
import dev.switchboard.WebSocketSession;

import java.util.Optional;

/**
 * A route behind a handshake check, an origin list and a subprotocol list. Its first message tells the client
 * what the session got from the handshake: {@code hello <user> in <room> via <subprotocol>}.
 */
@Route(value = "/guarded/{room}", handshake = GuardedRoute.Guard.class,
        origins = {"https://allowed.example", "https://*.example.org"}, subprotocols = {"guard.v2", "guard.v1"})
public class GuardedRoute extends TrackedRoute {

    @Override
    void connected(WebSocketSession session) {
        super.connected(session);
        ServerSide.record("connected", session, null);
        session.writeText("hello " + session.attributes().get("user") + " in " + session.pathParam("room")
                + " via " + session.subprotocol());
    }

    /**
     * A token from the query, a cookie or the {@code bearer} subprotocol: {@code good-<user>} is let in, others
     * are refused by their name: {@code banned} 403, {@code eager} 429, {@code later} 503, {@code boom} throws.
     */
    public static final class Guard implements HandshakeCheck {

        @Override
        public HandshakeDecision check(HandshakeRequest request) {
            Optional<Token> bySubprotocol = request.tokenFromSubprotocol("bearer");
            Optional<Token> token = request.tokenFromQuery("token").or(() -> request.tokenFromCookie("token"))
                    .or(() -> bySubprotocol);
            if (token.isEmpty()) {
                return HandshakeDecision.reject(401, "token required");
            }
            String value = token.get().value();
            switch (value) {
                case "banned" -> {
                    return HandshakeDecision.reject(403, "banned from " + request.pathParam("room"));
                }
                case "eager" -> {
                    return HandshakeDecision.reject(429, "slow down");
                }
                case "later" -> {
                    return HandshakeDecision.reject(503, "try later");
                }
                case "boom" -> throw new IllegalStateException("the check failed");
                default -> {
                }
            }
            if (!value.startsWith("good-")) {
                return HandshakeDecision.reject(401, "bad token");
            }
            HandshakeDecision accept = HandshakeDecision.accept().header("X-Guard", "passed")
                    .attribute("user", value.substring("good-".length()));
            return bySubprotocol.isPresent() ? accept.subprotocol("bearer") : accept;
        }
    }
}
