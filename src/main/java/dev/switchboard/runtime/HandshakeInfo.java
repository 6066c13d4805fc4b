package dev.switchboard.runtime;

import jakarta.websocket.server.HandshakeRequest;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a session needs that only the upgrade request knows, carried from the configurator to the session
 * through the handshake's per-connection user properties.
 *
 * @param headers       the request headers, names case-insensitive, unmodifiable
 * @param remoteAddress the peer's address
 * @param attributes    the session's first attributes, from the route's handshake check; unmodifiable
 */
public record HandshakeInfo(Map<String, List<String>> headers, InetSocketAddress remoteAddress,
                            Map<String, Object> attributes) {

    /** The user-property key; never mapped to {@code null} (Tomcat turns that into HTTP 500). */
    static final String KEY = HandshakeInfo.class.getName();

    /**
     * Copies request headers into a case-insensitive map.
     *
     * @param requestHeaders the headers as the host has them
     * @param remoteAddress  the peer's address
     * @return the handshake's details
     */
    public static HandshakeInfo of(Map<String, List<String>> requestHeaders, InetSocketAddress remoteAddress) {
        return new HandshakeInfo(caseInsensitive(requestHeaders), remoteAddress, Map.of());
    }

    /**
     * What a session can know of an upgrade request from the request alone: its headers; the peer address is
     * unknown.
     *
     * @param request the upgrade request
     * @return the handshake's details
     */
    public static HandshakeInfo portable(HandshakeRequest request) {
        return of(request.getHeaders(), InetSocketAddress.createUnresolved("unknown", 0));
    }

    /** Headers in an unmodifiable map whose names are case-insensitive, lines of one name together. */
    static Map<String, List<String>> caseInsensitive(Map<String, List<String>> requestHeaders) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.forEach((name, values) -> headers.merge(name, List.copyOf(values), HandshakeInfo::concat));
        return Collections.unmodifiableMap(headers);
    }

    /** The same details with the session's first attributes. */
    HandshakeInfo withAttributes(Map<String, Object> attributes) {
        return new HandshakeInfo(headers, remoteAddress, Map.copyOf(attributes));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
