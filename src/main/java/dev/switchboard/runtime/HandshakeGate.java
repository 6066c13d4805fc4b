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
 * request's thread, where the route's configurator, run by the host on that same thread, applies it. An
 * acceptance holds a {@link SessionSlot} under the session limits, which the configurator hands to the
 * connection; the host calls {@link #forget} when it is done with the request, which gives back a slot no
 * connection took.
 */
public final class HandshakeGate {

    private static final System.Logger LOG = System.getLogger(HandshakeGate.class.getName());
    /** The acceptance waiting for the configurator of the route it was made for: the one the hosts' threads carry. */
    private static final ThreadLocal<Admission> ADMITTED = new ThreadLocal<>();

    /** One route's part of the gate. */
    record RouteGate(PathTemplate template, OriginPolicy origins, RouteSessions sessions, HandshakeCheck check) {
    }

    private final List<RouteGate> routes;
    private final SessionRegistry registry;

    HandshakeGate(List<RouteGate> routes, SessionRegistry registry) {
        List<RouteGate> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparing(RouteGate::template, PathTemplate.MOST_SPECIFIC_FIRST));
        this.routes = List.copyOf(ordered);
        this.registry = registry;
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
        forget(); // should a host have missed it for the request before
        Map<String, List<String>> byName = UpgradeRequest.caseInsensitive(headers);
        UpgradeRequestRules.Refusal malformed = UpgradeRequestRules.check(method, byName::get);
        for (RouteGate route : routes) {
            Map<String, String> pathParams = route.template().match(path);
            if (pathParams != null) {
                return counted(route, malformed != null ? malformed : admit(route, new UpgradeRequest(path,
                        Map.copyOf(pathParams), QueryString.parse(rawQuery), byName, remoteAddress, principal)));
            }
        }
        return malformed; // no route: the host answers 404 to a well-formed request, and no route counts it
    }

    /**
     * Counts a refusal the host decided on before the gate, such as the standalone server's 503 while it drains,
     * among the refused handshakes of the route the path leads to.
     *
     * @param path    the request path within the application, without the query
     * @param refusal the host's refusal
     * @return the refusal, to answer with
     */
    public UpgradeRequestRules.Refusal refusedByHost(String path, UpgradeRequestRules.Refusal refusal) {
        for (RouteGate route : routes) {
            if (route.template().match(path) != null) {
                return counted(route, refusal);
            }
        }
        return refusal;
    }

    /** Reports a refusal among the route's refused handshakes; {@code null}, an acceptance, is not one. */
    private static UpgradeRequestRules.Refusal counted(RouteGate route, UpgradeRequestRules.Refusal refusal) {
        if (refusal != null) {
            route.sessions().events().handshakeRefused(refusal.status());
        }
        return refusal;
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

    /**
     * Forgets the acceptance of the request this thread served, once the host is done with it, and gives back its
     * place under the session limits unless the route's configurator handed it to the connection.
     */
    public static void forget() {
        Admission admitted = ADMITTED.get();
        if (admitted != null) {
            ADMITTED.remove();
            admitted.slot().releaseUnlessHandedOver();
        }
    }

    /** The acceptance of the request being upgraded on this thread, if it was made for this route. */
    static Admission admitted(String template) {
        Admission admitted = ADMITTED.get();
        return admitted != null && admitted.template().equals(template) ? admitted : null;
    }

    /** The origin list, then a place under the session limits, then the check, which keeps the place if it accepts. */
    private UpgradeRequestRules.Refusal admit(RouteGate route, UpgradeRequest request) {
        if (!route.origins().allows(request.origin())) {
            return UpgradeRequestRules.Refusal.of(HandshakeDecision.reject(403, "origin not allowed"));
        }
        SessionSlot slot = registry.reserve(route.sessions());
        if (slot == null) {
            return UpgradeRequestRules.Refusal.of(HandshakeDecision.reject(503, "too many sessions, try again later"));
        }
        boolean kept = false;
        try {
            HandshakeDecision decision = check(route, request);
            if (!decision.accepted()) {
                return UpgradeRequestRules.Refusal.of(decision);
            }
            ADMITTED.set(new Admission(route.template().path(), request, decision, slot));
            kept = true;
            return null;
        } finally {
            if (!kept) {
                slot.release(); // refused, or the check threw an Error
            }
        }
    }

    private static HandshakeDecision check(RouteGate route, HandshakeRequest request) {
        HandshakeDecision decision;
        try {
            decision = route.check().check(request);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "The handshake check of route " + route.template().path() + " failed on "
                    + request + "; the client gets 500", e);
            return HandshakeDecision.reject(500, "handshake check failed");
        }
        if (decision == null) {
            LOG.log(System.Logger.Level.WARNING, "The handshake check of route " + route.template().path()
                    + " returned null; it must accept or reject. The client gets 500.");
            return HandshakeDecision.reject(500, "handshake check failed");
        }
        String subprotocol = decision.chosenSubprotocol();
        if (subprotocol != null && !request.subprotocols().contains(subprotocol)) {
            LOG.log(System.Logger.Level.WARNING, "The handshake check of route " + route.template().path()
                    + " chose a subprotocol the client did not offer; the client gets 500.");
            return HandshakeDecision.reject(500, "handshake check failed");
        }
        return decision;
    }
}
