package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The open sessions of one server, from {@code @OnConnected} until their {@code @OnDisconnected} returned.
 */
final class SessionRegistry {

    private final DrainedSet<ConnectionSession> open = new DrainedSet<>();
    private final Map<Class<?>, RouteSessions> routes = new ConcurrentHashMap<>();
    private final SessionClock clock = new SessionClock(open.live());
    private final ControlFrames controlFrames;
    private final StreamThreads streamThreads = new StreamThreads();
    private final SessionLimit limit;
    private final Set<SessionSlot> handedOver = ConcurrentHashMap.newKeySet();
    private final EngineEvents events;
    private final ClusterBus bus;
    /** The close of a drain, once it began: a session that opens after it gets it at once. */
    private volatile CloseStatus closingAll;

    /**
     * A registry on the in-process cluster.
     *
     * @param controlFrames where the sessions write their pings and closes
     * @param maxSessions   most sessions open at once on all routes together; 0 for no limit
     * @param events        where the routes' events are reported
     */
    SessionRegistry(ControlFrames controlFrames, int maxSessions, EngineEvents events) {
        this(controlFrames, maxSessions, events, LocalBus.INSTANCE);
    }

    /**
     * @param controlFrames where the sessions write their pings and closes
     * @param maxSessions   most sessions open at once on all routes together; 0 for no limit
     * @param events        where the routes' events are reported
     * @param bus           where the routes' broadcasts are published
     */
    SessionRegistry(ControlFrames controlFrames, int maxSessions, EngineEvents events, ClusterBus bus) {
        this.controlFrames = controlFrames;
        this.limit = SessionLimit.of(maxSessions);
        this.events = events;
        this.bus = bus;
    }

    /** The sessions of one route on this server, until {@link #release()}. */
    RouteSessions route(Class<?> routeClass, RouteSettings settings) {
        clock.serve(settings);
        return routes.computeIfAbsent(routeClass, c -> new RouteSessions(c, settings.path(), settings.maxSessions(),
                settings.codec(), events, bus));
    }

    /** A place for one more session of a route under its limit and the server's, or {@code null} if there is none. */
    SessionSlot reserve(RouteSessions route) {
        SessionSlot slot = SessionSlot.take(route.limit(), limit, handedOver);
        if (slot == null && !handedOver.isEmpty()) {
            // Places handed to connections that never opened are looked for only when they are missed.
            long now = System.nanoTime();
            handedOver.forEach(handed -> handed.releaseIfNeverOpened(now));
            slot = SessionSlot.take(route.limit(), limit, handedOver);
        }
        return slot;
    }

    /**
     * The place a session opens in: the one its handshake handed to its connection, else a new one (a connection
     * that opened too late to find its own, or whose upgrade the gate never saw); {@code null} if there is none.
     */
    SessionSlot openSlot(SessionSlot handed, RouteSessions route) {
        if (handed != null && handed.open()) {
            return handed;
        }
        SessionSlot slot = reserve(route);
        if (slot != null) {
            slot.open();
        }
        return slot;
    }

    /** The route served at a path template, or {@code null}: how messages from other nodes find their route. */
    RouteSessions routeAt(String path) {
        for (RouteSessions route : routes.values()) {
            if (route.path().equals(path)) {
                return route;
            }
        }
        return null;
    }

    /**
     * The sessions of one route on this server.
     *
     * @param routeClass the route class
     * @return the route's sessions; none if this server does not serve the route or was released
     */
    List<RouteSessions> sessionsOf(Class<?> routeClass) {
        RouteSessions route = routes.get(routeClass);
        return route == null ? List.of() : List.of(route);
    }

    /** Ends this server's threads and forgets its routes, whose metrics no longer read them, once it stopped. */
    void release() {
        clock.stop();
        controlFrames.stop();
        streamThreads.stop();
        routes.values().forEach(route -> events.stoppedServing(route.path(), route));
        routes.clear();
    }

    /** Where this server's handlers read messages as they arrive. */
    StreamThreads streamThreads() {
        return streamThreads;
    }

    /** Runs a host's check on the sessions' clock: see {@link SessionClock#everyTick}. */
    void everyTick(Runnable check, Duration timer) {
        clock.everyTick(check, timer);
    }

    /** Where this server's sessions write their pings and closes. */
    ControlFrames controlFrames() {
        return controlFrames;
    }

    void add(ConnectionSession session) {
        open.add(session);
        clock.start();
        CloseStatus closing = closingAll;
        if (closing != null) {
            session.closeSoon(closing.code(), closing.reason(), closing.cause());
        }
    }

    void remove(ConnectionSession session) {
        open.remove(session);
    }

    /**
     * How many sessions are open.
     *
     * @return the number of open sessions
     */
    int size() {
        return open.size();
    }

    /**
     * Asks every open session to close after its queued messages.
     *
     * @param code   the close code
     * @param reason the close reason
     * @param cause  the cause reported to {@code @OnDisconnected}
     */
    void closeAll(int code, String reason, CloseCause cause) {
        closingAll = new CloseStatus(code, reason, cause);
        for (ConnectionSession session : open.snapshot()) {
            session.closeSoon(code, reason, cause);
        }
    }

    /**
     * Waits until every session has been disconnected, or the timeout passed.
     *
     * @param timeoutMillis the most to wait
     * @return {@code true} if no session is open any more
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        // A connection whose upgrade was just accepted opens within moments, and is closed as it opens: wait for
        // it too, or the transport would stop under it before its close frame.
        while (handedOver.stream().anyMatch(slot -> slot.opening(System.nanoTime()))
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return open.awaitEmpty(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }

    /**
     * Reports every session still open as disconnected with the given status, without waiting for its host.
     *
     * @param status the status reported to each {@code @OnDisconnected}
     * @return how many sessions were cut and how many of their queued messages will not be sent
     */
    Cut abandonAll(CloseStatus status) {
        int sessions = 0;
        long unsent = 0;
        for (ConnectionSession session : open.snapshot()) {
            unsent += session.abandon(status);
            sessions++;
        }
        return new Cut(sessions, unsent);
    }

    /**
     * What {@link #abandonAll} cut.
     *
     * @param sessions       sessions reported disconnected without their host's word
     * @param unsentMessages queued messages of theirs that were not sent
     */
    record Cut(int sessions, long unsentMessages) {
    }
}
