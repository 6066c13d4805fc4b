package dev.switchboard.servlet;

import dev.switchboard.runtime.HandshakeGate;
import dev.switchboard.runtime.UpgradeRequestRules;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each upgrade request through the routes' {@link HandshakeGate} before the container's own WebSocket
 * upgrade sees it: Jakarta WebSocket cannot answer a handshake with a status, a filter in front of it can, and
 * so malformed upgrades get the same answers (400, 405, 426) on every container.
 * Mapped to every path ahead of the container's filters. A plain GET on a route's path gets 426, as standalone,
 * unless a servlet or a file of the application's own is there; other requests pass untouched.
 */
final class HandshakeFilter implements Filter {

    /** Set once the application's routes are deployed; until then upgrades pass (and find no route). */
    private volatile HandshakeGate gate;

    void open(HandshakeGate gate) {
        this.gate = gate;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HandshakeGate current = gate;
        if (current == null || !(request instanceof HttpServletRequest http)
                || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if ("websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            admit(current, http, httpResponse, path, chain);
            return;
        }
        UpgradeRequestRules.Refusal answer = current.plainRequest(http.getMethod(), path);
        if (answer != null && servedByNothingElse(http, path)) {
            write(http, httpResponse, answer);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void admit(HandshakeGate gate, HttpServletRequest request, HttpServletResponse response,
                              String path, FilterChain chain) throws IOException, ServletException {
        try {
            UpgradeRequestRules.Refusal refusal = gate.admit(request.getMethod(), path, request.getQueryString(),
                    headersOf(request), peerAddress(request),
                    request.getUserPrincipal());
            if (refusal != null) {
                // What the client sent was no handshake to go on with.
                response.setHeader("Connection", "close");
                write(request, response, refusal);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            // The gate's acceptance is not left behind on this pooled thread (Tomcat reports what is as a leak on
            // undeploy); a place under the session limits that the route's configurator did not hand to a
            // connection is given back.
            HandshakeGate.forget();
        }
    }

    /**
     * Every header line of a request, as the container has them: some containers' WebSocket layer (GlassFish's
     * Tyrus) splits header values at commas, and the session's headers come from here.
     */
    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /**
     * The peer's address, which Jakarta WebSocket has no portable call for; resolved without a name lookup when
     * the host is an IP literal, as containers report it.
     */
    private static InetSocketAddress peerAddress(HttpServletRequest request) {
        String host = request.getRemoteAddr();
        boolean literal = host != null && !host.isEmpty()
                && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%');
        if (literal) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), request.getRemotePort());
            } catch (UnknownHostException malformed) {
                // fall through: keep what the container said
            }
        }
        return InetSocketAddress.createUnresolved(host == null ? "unknown" : host, request.getRemotePort());
    }

    /**
     * Whether only the container's default servlet would answer the request, and it has no file there: a
     * servlet of the application's own, or a static file, keeps its path.
     */
    private static boolean servedByNothingElse(HttpServletRequest request, String path) throws IOException {
        MappingMatch match = request.getHttpServletMapping().getMappingMatch();
        return (match == null || match == MappingMatch.DEFAULT) && request.getServletContext().getResource(path) == null;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response,
                              UpgradeRequestRules.Refusal answer) throws IOException {
        byte[] body = answer.message().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        boolean grizzly = upgradeHeaderSwitchesProtocols(request);
        answer.headers().forEach((name, value) -> {
            if (!grizzly || !name.equalsIgnoreCase("Upgrade") && !name.equalsIgnoreCase("Connection")) {
                response.setHeader(name, value);
            }
        });
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether the container takes any response with an {@code Upgrade} header for a switch of protocols: Grizzly,
     * under GlassFish and Payara, then drops the body's length and keeps the connection for the new protocol, so a
     * client waits for the rest of a 426 forever. There the 426 goes without it (and without the Connection header
     * that names it), and says what to do in its body.
     */
    private static boolean upgradeHeaderSwitchesProtocols(HttpServletRequest request) {
        String server = request.getServletContext().getServerInfo();
        return server != null && (server.contains("GlassFish") || server.contains("Payara"));
    }
}
