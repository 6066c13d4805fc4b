package dev.switchboard.runtime;

import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.HandshakeRequest;
import dev.switchboard.path.PathTemplate;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides each upgrade request before the host upgrades it: the protocol's rules ({@link UpgradeRequestRules}),
 * then the route's origin list, the session limits and the route's {@link HandshakeCheck}. A host runs
 * {@link #admit} where it can still answer with any HTTP status (a Grizzly filter standalone, a servlet filter in
 * a WAR) and sends a refusal itself; an acceptance waits on the
 * request's thread, where the route's configurator, run by the host on that same thread, applies it.
 */
public final class HandshakeGate {

    private static final System.Logger LOG = System.getLogger(HandshakeGate.class.getName());
    private static final ThreadLocal<Admitted> ADMITTED = new ThreadLocal<>();

    /** An acceptance waiting for the configurator of the route it was made for. */
    private record Admitted(String template, HandshakeDecision decision) {
    }

    /** One route's part of the gate. */
    record RouteGate(PathTemplate template, OriginPolicy origins, SessionLimit sessions, HandshakeCheck check) {
    }

    private final List<RouteGate> routes;
    private final SessionLimit serverSessions;

    HandshakeGate(List<RouteGate> routes, SessionLimit serverSessions) {
        List<RouteGate> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparing(RouteGate::template, PathTemplate.MOST_SPECIFIC_FIRST));
        this.routes = List.copyOf(ordered);
        this.serverSessions = serverSessions;
    }

    /**
     * Decides an upgrade request; call it for every request that asks for a WebSocket upgrade.
     *
     * @param method        the HTTP method
     * @param path          the request path within the application, without the query
     * @param rawQuery      the query as sent, or {@code null}
     * @param headers       the request headers
     * @param remoteAddress the peer's address
     * @param principal     the authenticated user, or {@code null}
     * @return a refusal to answer with, or {@code null} to let the host go on with the upgrade
     */
    public UpgradeRequestRules.Refusal admit(String method, String path, String rawQuery,
                                             Map<String, List<String>> headers, InetSocketAddress remoteAddress,
                                             Principal principal) {
        ADMITTED.remove();
        Map<String, List<String>> byName = HandshakeInfo.caseInsensitive(headers);
        UpgradeRequestRules.Refusal malformed = UpgradeRequestRules.check(method, byName::get);
        if (malformed != null) {
            return malformed;
        }
        for (RouteGate route : routes) {
            Map<String, String> pathParams = route.template().match(path);
            if (pathParams != null) {
                HandshakeRequest request = new UpgradeRequest(path, Map.copyOf(pathParams), QueryString.parse(rawQuery),
                        byName, remoteAddress, principal);
                HandshakeDecision decision = decide(route, request);
                if (!decision.accepted()) {
                    return UpgradeRequestRules.Refusal.of(decision);
                }
                ADMITTED.set(new Admitted(route.template().path(), decision));
                return null;
            }
        }
        return null; // no route: the host answers 404
    }

    /**
     * Answers a request that asks for no upgrade, where nothing else of the application serves it.
     *
     * @param method the HTTP method
     * @param path   the request path within the application, without the query
     * @return {@link UpgradeRequestRules#UPGRADE_REQUIRED} for a GET on a route's path, else {@code null}: the
     *         host answers as it would without routes (a file, or 404)
     */
    public UpgradeRequestRules.Refusal plainRequest(String method, String path) {
        if (!"GET".equals(method)) {
            return null;
        }
        for (RouteGate route : routes) {
            if (route.template().match(path) != null) {
                return UpgradeRequestRules.UPGRADE_REQUIRED;
            }
        }
        return null;
    }

    /** Forgets the acceptance of the request this thread served, once the host is done with it. */
    public static void forget() {
        ADMITTED.remove();
    }

    /** The acceptance of the request being upgraded on this thread, if it was made for this route. */
    static HandshakeDecision admitted(String template) {
        Admitted admitted = ADMITTED.get();
        return admitted != null && admitted.template().equals(template) ? admitted.decision() : null;
    }

    private HandshakeDecision decide(RouteGate route, HandshakeRequest request) {
        if (!route.origins().allows(request.origin())) {
            return HandshakeDecision.reject(403, "origin not allowed");
        }
        if (route.sessions().reached() || serverSessions.reached()) {
            return HandshakeDecision.reject(503, "too many sessions, try again later");
        }
        HandshakeDecision decision;
        try {
            decision = route.check().check(request);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "The handshake check of route " + route.template() + " failed on "
                    + request + "; the client gets 500", e);
            return HandshakeDecision.reject(500, "handshake check failed");
        }
        if (decision == null) {
            LOG.log(System.Logger.Level.WARNING, "The handshake check of route " + route.template()
                    + " returned null; it must accept or reject. The client gets 500.");
            return HandshakeDecision.reject(500, "handshake check failed");
        }
        String subprotocol = decision.chosenSubprotocol();
        if (subprotocol != null && !request.subprotocols().contains(subprotocol)) {
            LOG.log(System.Logger.Level.WARNING, "The handshake check of route " + route.template()
                    + " chose a subprotocol the client did not offer; the client gets 500.");
            return HandshakeDecision.reject(500, "handshake check failed");
        }
        return decision;
    }
}
