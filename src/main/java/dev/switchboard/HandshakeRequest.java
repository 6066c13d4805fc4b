package dev.switchboard;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An upgrade request as a {@link HandshakeCheck} sees it, before it becomes a session.
 *
 * <p>Browsers cannot set an {@code Authorization} header on a WebSocket, so tokens travel in a query parameter,
 * a cookie, or the {@code Sec-WebSocket-Protocol} header; the {@code tokenFrom...} methods read each, as a
 * {@link Token} whose {@code toString()} never shows the secret. Switchboard itself never logs query strings,
 * cookies or offered subprotocols.
 */
public interface HandshakeRequest {

    /**
     * The request path within the application, without the query: {@code /chat/lobby}.
     *
     * @return the path
     */
    String path();

    /**
     * A variable of the route's path template.
     *
     * @param name the variable's name, {@code room} for {@code /chat/{room}}
     * @return its value in this request, or {@code null} if the template has no such variable
     */
    String pathParam(String name);

    /**
     * A query parameter, decoded.
     *
     * @param name the parameter's name
     * @return its first value, or {@code null} if absent
     */
    String queryParam(String name);

    /**
     * Every query parameter with all its values, decoded, in request order; unmodifiable.
     *
     * @return the values of each parameter, by name
     */
    Map<String, List<String>> queryParams();

    /**
     * A request header.
     *
     * @param name the header's name, any case
     * @return its first value, or {@code null} if absent
     */
    String header(String name);

    /**
     * Every value of a request header, one per header line, as sent.
     *
     * @param name the header's name, any case
     * @return the values, empty if absent
     */
    List<String> headers(String name);

    /**
     * A cookie sent with the request.
     *
     * @param name the cookie's name
     * @return its value, or {@code null} if absent
     */
    String cookie(String name);

    /**
     * The {@code Origin} header (sent by browsers), or {@code null}.
     *
     * @return the origin, or {@code null}
     */
    String origin();

    /**
     * The subprotocols the client offered, in its order of preference; empty if none.
     *
     * @return the offered subprotocols
     */
    List<String> subprotocols();

    /**
     * The client's address as the server sees it (a proxy's, behind a proxy).
     *
     * @return the remote address
     */
    InetSocketAddress remoteAddress();

    /**
     * The authenticated user, where the container authenticated one (in a WAR); else empty.
     *
     * @return the user, if any
     */
    Optional<Principal> principal();

    /**
     * A token from a query parameter: {@code wss://host/chat?token=...}.
     *
     * @param name the parameter's name
     * @return the token, or empty if the parameter is absent or empty
     */
    default Optional<Token> tokenFromQuery(String name) {
        return Token.of(queryParam(name));
    }

    /**
     * A token from a cookie, which browsers send with the upgrade to their own site.
     *
     * @param name the cookie's name
     * @return the token, or empty if the cookie is absent or empty
     */
    default Optional<Token> tokenFromCookie(String name) {
        return Token.of(cookie(name));
    }

    /**
     * A token carried as an offered subprotocol, the browser's way to send a credential in a header:
     * {@code new WebSocket(url, ["bearer", token])} offers the marker then the token. Accept the client with
     * the marker as subprotocol ({@code HandshakeDecision.accept().subprotocol("bearer")}): a browser drops a
     * connection whose server picks none of the offered subprotocols, and the token must never be echoed.
     *
     * @param marker the subprotocol offered just before the token
     * @return the token, or empty if the marker is not offered or nothing follows it
     */
    default Optional<Token> tokenFromSubprotocol(String marker) {
        List<String> offered = subprotocols();
        int at = offered.indexOf(marker);
        return at < 0 || at + 1 >= offered.size() ? Optional.empty() : Token.of(offered.get(at + 1));
    }
}
