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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Puts each upgrade request through the routes' {@link HandshakeGate} before the container's own WebSocket
 * upgrade sees it: Jakarta WebSocket cannot answer a handshake with a status, a filter in front of it can, and
 * so malformed upgrades get the same answers (400, 405, 426) on every container.
 * Mapped to every path ahead of the container's filters; other requests pass untouched.
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
                || !(response instanceof HttpServletResponse httpResponse)
                || !"websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        try {
            String path = http.getRequestURI().substring(http.getContextPath().length());
            UpgradeRequestRules.Refusal refusal = current.admit(http.getMethod(), path, http.getQueryString(),
                    UpgradeRequests.headersOf(http), UpgradeRequests.peerAddress(http), http.getUserPrincipal());
            if (refusal != null) {
                refuse(httpResponse, refusal);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            // What the upgrade noted on this pooled thread is not left behind, even where a container skips
            // the request-destroyed event (Tomcat reported a noted request as a leak on undeploy); a place under
            // the session limits that the route's configurator did not hand to a connection is given back.
            HandshakeGate.forget();
            UpgradeRequests.forget();
        }
    }

    private static void refuse(HttpServletResponse response, UpgradeRequestRules.Refusal refusal) throws IOException {
        byte[] body = refusal.message().getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.status());
        refusal.headers().forEach(response::setHeader);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
