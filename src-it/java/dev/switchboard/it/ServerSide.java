package dev.switchboard.it;

import dev.switchboard.CloseStatus;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the test routes saw on the server, for the tests to assert on.
 */
final class ServerSide {

    /** Sessions by the {@code name} query parameter of their connection. */
    static final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    /** Callbacks in the order they ran, as "kind:name[:detail]". */
    static final List<String> events = new CopyOnWriteArrayList<>();
    /** Close statuses by session name. */
    static final Map<String, List<CloseStatus>> disconnects = new ConcurrentHashMap<>();
    /** Errors given to @OnError, by session name. */
    static final Map<String, List<Throwable>> errors = new ConcurrentHashMap<>();

    private ServerSide() {
    }

    static void reset() {
        sessions.clear();
        events.clear();
        disconnects.clear();
        errors.clear();
    }

    static String name(WebSocketSession session) {
        String name = session.queryParam("name");
        return name != null ? name : session.id();
    }

    static List<String> eventsOf(String name) {
        return events.stream().filter(e -> e.split(":", 3)[1].equals(name)).toList();
    }

    static void record(String kind, WebSocketSession session, Object detail) {
        events.add(kind + ":" + name(session) + (detail == null ? "" : ":" + detail));
    }
}
