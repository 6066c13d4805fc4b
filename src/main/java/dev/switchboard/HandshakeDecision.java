package dev.switchboard;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link HandshakeCheck} decided: accept, optionally choosing the subprotocol, adding response headers and
 * putting attributes on the session-to-be; or reject with an HTTP status and a short plain-text body.
 *
 * <pre>{@code
 * HandshakeDecision.accept().subprotocol("chat.v2").header("X-Server", "eu-1").attribute("user", user)
 * HandshakeDecision.reject(403, "not a member of this room")
 * }</pre>
 *
 * Decisions are immutable: each {@code with}-style method returns a new one.
 */
public final class HandshakeDecision {

    private static final int MAX_BODY_BYTES = 1024;
    private static final HandshakeDecision ACCEPT = new HandshakeDecision(0, null, null, Map.of(), Map.of());

    private final int status;
    private final String body;
    private final String subprotocol;
    private final Map<String, String> headers;
    private final Map<String, Object> attributes;

    private HandshakeDecision(int status, String body, String subprotocol, Map<String, String> headers,
                              Map<String, Object> attributes) {
        this.status = status;
        this.body = body;
        this.subprotocol = subprotocol;
        this.headers = headers;
        this.attributes = attributes;
    }

    /**
     * Lets the client connect.
     *
     * @return the decision to accept
     */
    public static HandshakeDecision accept() {
        return ACCEPT;
    }

    /**
     * Refuses the client with an HTTP status, for example 401 (no or bad credentials), 403 (not allowed),
     * 429 (too many attempts) or 503 (try later).
     *
     * @param status an HTTP client or server error status, 400 to 599
     * @param body   a short plain-text explanation for the client (at most 1 KiB in UTF-8), or {@code ""}
     * @return the rejection
     */
    public static HandshakeDecision reject(int status, String body) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A handshake is rejected with a status from 400 to 599, not " + status);
        }
        Objects.requireNonNull(body, "body");
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("A rejection body has at most " + MAX_BODY_BYTES + " UTF-8 bytes");
        }
        return new HandshakeDecision(status, body, null, Map.of(), Map.of());
    }

    /**
     * Chooses the subprotocol of the connection: one the client offered.
     *
     * @param subprotocol one of {@link HandshakeRequest#subprotocols()}
     * @return an accepting decision with that subprotocol
     */
    public HandshakeDecision subprotocol(String subprotocol) {
        requireAccepted("a subprotocol");
        Objects.requireNonNull(subprotocol, "subprotocol");
        return new HandshakeDecision(0, null, subprotocol, headers, attributes);
    }

    /**
     * Adds a header to the 101 response.
     *
     * @param name  the header's name
     * @param value its value
     * @return an accepting decision with that header
     */
    public HandshakeDecision header(String name, String value) {
        requireAccepted("a header");
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new HandshakeDecision(0, null, subprotocol, Map.copyOf(more), attributes);
    }

    /**
     * Puts an attribute on the session-to-be: {@link WebSocketSession#attributes()} has it from
     * {@code @OnConnected} on.
     *
     * @param name  the attribute's name
     * @param value its value, not {@code null}
     * @return an accepting decision with that attribute
     */
    public HandshakeDecision attribute(String name, Object value) {
        requireAccepted("an attribute");
        Map<String, Object> more = new LinkedHashMap<>(attributes);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new HandshakeDecision(0, null, subprotocol, headers, Map.copyOf(more));
    }

    /**
     * Whether the client may connect.
     *
     * @return {@code true} for an acceptance
     */
    public boolean accepted() {
        return status == 0;
    }

    /**
     * The HTTP status of a rejection; {@code 101} for an acceptance.
     *
     * @return the status
     */
    public int status() {
        return accepted() ? 101 : status;
    }

    /**
     * The body of a rejection; {@code ""} for an acceptance.
     *
     * @return the body
     */
    public String body() {
        return body == null ? "" : body;
    }

    /**
     * The chosen subprotocol, or {@code null} to leave the choice to the route's declared list.
     *
     * @return the subprotocol, or {@code null}
     */
    public String chosenSubprotocol() {
        return subprotocol;
    }

    /**
     * Headers for the 101 response; unmodifiable.
     *
     * @return the headers, by name
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Attributes for the session; unmodifiable.
     *
     * @return the attributes, by name
     */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return accepted() ? "accept" + (subprotocol == null ? "" : " with subprotocol " + subprotocol)
                : "reject " + status + " " + body;
    }

    private void requireAccepted(String what) {
        if (!accepted()) {
            throw new IllegalStateException("A rejection carries no " + what + ": only accept() does");
        }
    }
}
