package dev.switchboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A server answered a client's opening handshake with an HTTP status other than 101 (Switching Protocols): a
 * refusal such as 401, 403 or 404, or 503 from a draining server, whose {@code Retry-After} a reconnecting client
 * honours.
 */
public final class HandshakeRefusedException extends RuntimeException {

    /** The version of the serialized form. */
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, List<String>> headers;

    /**
     * A refusal of a handshake with a URI.
     *
     * @param uri     the URI the client connected to
     * @param status  the response status
     * @param headers the response headers
     */
    public HandshakeRefusedException(String uri, int status, Map<String, List<String>> headers) {
        super("The server at " + uri + " refused the WebSocket handshake with HTTP status " + status);
        this.status = status;
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        this.headers = byName;
    }

    /**
     * The response status.
     *
     * @return the HTTP status code
     */
    public int status() {
        return status;
    }

    /**
     * The first value of a response header, by case-insensitive name.
     *
     * @param name the header name
     * @return its first value, if the response had it
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
