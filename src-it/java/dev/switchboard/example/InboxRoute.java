package dev.switchboard.example;

import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.HandshakeRequest;
import dev.switchboard.OnConnected;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Token;
import dev.switchboard.WebSocketSession;

import java.util.Map;
import java.util.Optional;

// tag::route[]
/**
 * A route only signed-in users reach: the token comes in the query ({@code /inbox?token=...}) or, from a
 * browser that keeps it out of URLs, as a subprotocol ({@code new WebSocket(url, ["bearer", token])}).
 */
@Route(value = "/inbox", handshake = InboxRoute.SignedIn.class)
public class InboxRoute {

    @OnConnected
    void welcome(WebSocketSession session) {
        session.writeText("welcome " + session.attributes().get("user"));
    }

    @OnText
    String note(WebSocketSession session, String text) {
        return session.attributes().get("user") + " noted: " + text;
    }

    /** Lets in the holders of known tokens, as the user the token belongs to. */
    public static final class SignedIn implements HandshakeCheck {

        /** Stands in for a real token store or verifier. */
        private static final Map<String, String> USERS = Map.of("alice-token", "alice", "bob-token", "bob");

        @Override
        public HandshakeDecision check(HandshakeRequest request) {
            Optional<Token> fromSubprotocol = request.tokenFromSubprotocol("bearer");
            Optional<String> user = request.tokenFromQuery("token").or(() -> fromSubprotocol)
                    .map(token -> USERS.get(token.value()));
            if (user.isEmpty()) {
                return HandshakeDecision.reject(401, "sign in first");
            }
            HandshakeDecision accept = HandshakeDecision.accept().attribute("user", user.get());
            // A browser that offered ["bearer", token] expects "bearer" back, never the token.
            return fromSubprotocol.isPresent() ? accept.subprotocol("bearer") : accept;
        }
    }
}
// end::route[]
