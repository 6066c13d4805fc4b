package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the contract app's routes saw, kept inside the server's JVM. Tests on the network read it through
 * {@link ProbeRoute}; tests in the same JVM as a standalone server may read it directly.
 *
 * <p>Sessions are named by the {@code name} query parameter of their connection. {@link #reset()} starts a
 * new epoch: sessions that connected before it are forgotten, and whatever they do later (a late
 * disconnect of the previous test's client) is not recorded.
 */
public final class ServerSide {

    private static final String EPOCH = ServerSide.class.getName() + ".epoch";
    private static final AtomicLong epoch = new AtomicLong();

    /** Sessions of the current epoch by name. */
    public static final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    /** Callbacks in the order they ran, as "kind:name[:detail]". */
    public static final List<String> events = new CopyOnWriteArrayList<>();
    /** Close statuses by session name. */
    public static final Map<String, List<CloseStatus>> disconnects = new ConcurrentHashMap<>();
    /** Errors given to @OnError, by session name. */
    public static final Map<String, List<Throwable>> errors = new ConcurrentHashMap<>();

    private ServerSide() {
    }

    /** Forgets everything recorded and every session connected so far. */
    public static void reset() {
        epoch.incrementAndGet();
        sessions.clear();
        events.clear();
        disconnects.clear();
        errors.clear();
    }

    /** The session's name: its {@code name} query parameter, else its id. */
    public static String name(WebSocketSession session) {
        String name = session.queryParam("name");
        return name != null ? name : session.id();
    }

    /** The events of one session, in order. */
    public static List<String> eventsOf(String name) {
        return events.stream().filter(e -> e.split(":", 3)[1].equals(name)).toList();
    }

    /** Registers a session that has just connected, in the current epoch. */
    static void connected(WebSocketSession session) {
        session.attributes().put(EPOCH, epoch.get());
        sessions.put(name(session), session);
    }

    static void record(String kind, WebSocketSession session, Object detail) {
        if (current(session)) {
            events.add(kind + ":" + name(session) + (detail == null ? "" : ":" + detail));
        }
    }

    /** Records a disconnect; its event first, so whoever sees the status also sees the event. */
    static void disconnected(WebSocketSession session, CloseStatus status) {
        record("disconnected", session, status.code() + ":" + status.cause());
        if (current(session)) {
            disconnects.computeIfAbsent(name(session), n -> new CopyOnWriteArrayList<>()).add(status);
        }
    }

    static void failed(WebSocketSession session, Throwable error) {
        if (current(session)) {
            errors.computeIfAbsent(name(session), n -> new CopyOnWriteArrayList<>()).add(error);
        }
        record("error", session, error.getMessage());
    }

    private static boolean current(WebSocketSession session) {
        return Long.valueOf(epoch.get()).equals(session.attributes().get(EPOCH));
    }
}
