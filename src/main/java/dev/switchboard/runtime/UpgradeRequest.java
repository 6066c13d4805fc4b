package dev.switchboard.runtime;

import dev.switchboard.HandshakeRequest;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An upgrade request as the host read it, with the path variables of the route it matched: what the route's
 * {@link dev.switchboard.HandshakeCheck} decides on, and where the session takes its headers and peer address from.
 *
 * @param path          the path within the application
 * @param pathParams    the route's path variables
 * @param queryParams   the decoded query parameters
 * @param headerMap     the headers, names case-insensitive
 * @param remoteAddress the peer's address
 * @param user          the authenticated user, or {@code null}
 */
record UpgradeRequest(String path, Map<String, String> pathParams, Map<String, List<String>> queryParams,
                      Map<String, List<String>> headerMap, InetSocketAddress remoteAddress, Principal user)
        implements HandshakeRequest {

    /**
     * A request as Jakarta WebSocket gives it, for a connection whose upgrade the gate did not see: headers perhaps
     * split at commas, the peer address unknown (there is no portable call for it).
     */
    static UpgradeRequest portable(jakarta.websocket.server.HandshakeRequest request) {
        return new UpgradeRequest(request.getRequestURI().getRawPath(), Map.of(),
                QueryString.parse(request.getQueryString()), caseInsensitive(request.getHeaders()),
                InetSocketAddress.createUnresolved("unknown", 0), request.getUserPrincipal());
    }

    /**
     * Headers in an unmodifiable map whose names are case-insensitive, lines of one name together: those a host
     * kept as read ({@link HeaderLines}) as they are.
     */
    static Map<String, List<String>> caseInsensitive(Map<String, List<String>> requestHeaders) {
        if (requestHeaders instanceof HeaderLines asRead) {
            return asRead;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.forEach((name, values) -> headers.merge(name, List.copyOf(values), UpgradeRequest::concat));
        return Collections.unmodifiableMap(headers);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @Override
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    @Override
    public String queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> headers(String name) {
        return headerMap.getOrDefault(name, List.of());
    }

    @Override
    public String cookie(String name) {
        for (String line : headers("Cookie")) {
            for (String pair : line.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    String value = pair.substring(equals + 1).trim();
                    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
        }
        return null;
    }

    @Override
    public String origin() {
        return header("Origin");
    }

    @Override
    public List<String> subprotocols() {
        return headers("Sec-WebSocket-Protocol").stream()
                .flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .map(String::trim).filter(protocol -> !protocol.isEmpty()).toList();
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(user);
    }

    /** Never the query, cookies or subprotocols: they may carry credentials. */
    @Override
    public String toString() {
        return "upgrade request for " + path + " from " + remoteAddress;
    }
}
