package dev.switchboard.runtime;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What a session knows of its connection from the handshake, fixed once it opened.
 *
 * @param id            the session id
 * @param remoteAddress the peer's address
 * @param pathParams    path template variables, unmodifiable
 * @param queryParams   decoded query parameters, unmodifiable
 * @param headers       request headers with case-insensitive names, unmodifiable
 * @param subprotocol   the agreed subprotocol, or {@code null}
 * @param requestUri    the request URI with its query
 * @param principal     the authenticated user, or {@code null}
 */
record ConnectionInfo(String id, InetSocketAddress remoteAddress, Map<String, String> pathParams,
                      Map<String, List<String>> queryParams, Map<String, List<String>> headers,
                      String subprotocol, URI requestUri, Principal principal) {
}
