package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.OverflowAction;
import dev.switchboard.Sessions;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open sessions of one route on one server, and the groups they joined; where the route's events are reported.
 */
final class RouteSessions implements RouteState {

    private static final System.Logger LOG = System.getLogger(RouteSessions.class.getName());
    /** Longer than any handler that does not block should take: a quarter of a second. */
    static final long SLOW_HANDLER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Class<?> routeClass;
    private final String path;
    private final SessionLimit limit;
    private final Set<ConnectionSession> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<ConnectionSession>> groups = new ConcurrentHashMap<>();
    private final Sessions view = SessionView.of(() -> List.of(this));
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean slowHandlerReported = new AtomicBoolean();
    private final AtomicBoolean undecodableReported = new AtomicBoolean();
    private final RouteCodec codec;
    private final RouteEvents events;
    private final ClusterBus bus;

    /**
     * @param path   the route's path template
     * @param codec  the route's codec, for its sessions and broadcasts
     * @param events where the route's events go; it reads this route's state until told the engine stopped
     * @param bus    where the route's broadcasts are published to the other nodes
     */
    RouteSessions(Class<?> routeClass, String path, int maxSessions, RouteCodec codec, EngineEvents events,
                  ClusterBus bus) {
        this.routeClass = routeClass;
        this.bus = bus;
        this.path = path;
        this.codec = codec;
        this.limit = SessionLimit.of(maxSessions);
        this.events = events.serving(path, this); // last: gauges may read this from now on
    }

    /**
     * Told how long a handler held an I/O thread that serves other connections too: the first time one held it
     * longer than {@link #SLOW_HANDLER_NANOS}, says so once, with the fix. Such a handler blocks, and every
     * connection on its thread waited meanwhile.
     */
    void handlerHeldIoThread(String path, long nanos) {
        if (nanos > SLOW_HANDLER_NANOS && slowHandlerReported.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, String.format("A handler of route %s (%s) held an I/O thread for "
                    + "%d ms: every connection served by that thread waited for it. Handlers run on I/O threads "
                    + "and must not block; hand slow work to an executor and write the result from there, or build "
                    + "the server with Switchboard.builder().blockingHandlers(true). Reported once per route.",
                    path, routeClass.getName(), TimeUnit.NANOSECONDS.toMillis(nanos)));
        }
    }

    /**
     * Told of a message that did not decode, on a route without {@code @OnError}: the first is logged as a warning
     * with the fix, the others only at DEBUG, since clients send them and could flood the log.
     */
    void undecodable(String path, Exception undecodable) {
        boolean first = undecodableReported.compareAndSet(false, true);
        LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, "A message to route " + path + " ("
                + routeClass.getName() + ") did not decode, and the session was closed with 1007: " + undecodable.getMessage()
                + (first ? ". Add an @OnError handler to answer such messages and keep the session open. Logged once "
                + "per route; further ones at DEBUG." : ""));
    }

    /** The route's codec. */
    RouteCodec codec() {
        return codec;
    }

    /** Where the route's broadcasts are published to the other nodes. */
    ClusterBus bus() {
        return bus;
    }

    /** A live view of these sessions. */
    Sessions view() {
        return view;
    }

    Class<?> routeClass() {
        return routeClass;
    }

    /** The route's path template. */
    String path() {
        return path;
    }

    /** Where the route's events are reported. */
    RouteEvents events() {
        return events;
    }

    /** The route's own session limit on this server. */
    SessionLimit limit() {
        return limit;
    }

    Set<ConnectionSession> open() {
        return open;
    }

    Set<ConnectionSession> group(String name) {
        return groups.getOrDefault(name, Set.of());
    }

    long droppedMessages() {
        return dropped.sum();
    }

    /** Messages a session's queue limits kept from being sent, by its overflow action. */
    void dropped(OverflowAction action, int messages) {
        dropped.add(messages);
        events.dropped(action, messages);
    }

    void add(ConnectionSession session) {
        if (open.add(session)) {
            bus.entered(path, null, session); // the route's broadcasts reach it, the presence lists it
        }
        events.sessionOpened();
    }

    /** Takes a session out of the route and its groups; counted as closed if it was counted as open. */
    void remove(ConnectionSession session, CloseCause cause) {
        boolean wasOpen = open.remove(session);
        for (String group : session.groups()) {
            leave(session, group);
        }
        if (wasOpen) {
            bus.left(path, null, session);
            events.sessionClosed(cause);
        }
    }

    void join(ConnectionSession session, String group) {
        boolean[] joined = new boolean[1];
        groups.compute(group, (g, members) -> { // atomic with leave's removal of an empty group
            Set<ConnectionSession> joinedSet = members != null ? members : ConcurrentHashMap.newKeySet();
            joined[0] = joinedSet.add(session);
            return joinedSet;
        });
        if (joined[0]) {
            bus.entered(path, group, session); // the group's broadcasts reach it, the presence lists it
        }
        if (!open.contains(session)) {
            leave(session, group); // it disconnected meanwhile: a group never keeps a closed session
        }
    }

    @Override
    public int openSessions() {
        return open.size();
    }

    @Override
    public long queuedMessages() {
        return open.stream().mapToLong(ConnectionSession::queuedMessages).sum();
    }

    @Override
    public long queuedBytes() {
        return open.stream().mapToLong(ConnectionSession::bufferedAmount).sum();
    }

    void leave(ConnectionSession session, String group) {
        boolean[] left = new boolean[1];
        groups.computeIfPresent(group, (g, members) -> {
            left[0] = members.remove(session);
            return members.isEmpty() ? null : members;
        });
        if (left[0]) {
            bus.left(path, group, session);
        }
    }
}
