package dev.switchboard;

/**
 * Decides, before the upgrade, whether a client may connect to a route: named by {@link Route#handshake()}.
 *
 * <pre>{@code
 * public class TokenCheck implements HandshakeCheck {
 *     public HandshakeDecision check(HandshakeRequest request) {
 *         return request.tokenFromQuery("token")
 *                 .flatMap(Tokens::userOf)
 *                 .map(user -> HandshakeDecision.accept().attribute("user", user))
 *                 .orElse(HandshakeDecision.reject(401, "a valid token is required"));
 *     }
 * }
 * }</pre>
 *
 * <p>One instance, made with the class's no-argument constructor when the route is deployed, checks every
 * handshake of its route, from many threads at once: keep it thread-safe. It runs on the thread that serves the
 * upgrade request, so keep it quick. A rejected client gets the status and body and never becomes a session: no
 * handler of the route runs for it. A check that throws rejects the client with 500, and is logged.
 */
@FunctionalInterface
public interface HandshakeCheck {

    /**
     * Accepts or rejects one upgrade request.
     *
     * @param request the upgrade request
     * @return {@link HandshakeDecision#accept()}, possibly with a subprotocol, headers and attributes, or
     *         {@link HandshakeDecision#reject(int, String)}
     * @throws Exception to reject the client with 500
     */
    HandshakeDecision check(HandshakeRequest request) throws Exception;
}
