package dev.switchboard.it.fanout;

import dev.switchboard.CloseStatus;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the fan-out test routes saw, by the {@code name} query parameter of each connection.
 */
public final class Recorded {

    public static final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    public static final Map<String, List<CloseStatus>> disconnects = new ConcurrentHashMap<>();
    public static final Map<String, List<String>> pongs = new ConcurrentHashMap<>();

    private Recorded() {
    }

    public static void reset() {
        sessions.clear();
        disconnects.clear();
        pongs.clear();
    }

    public static String name(WebSocketSession session) {
        String name = session.queryParam("name");
        return name != null ? name : session.id();
    }

    public static void connected(WebSocketSession session) {
        sessions.put(name(session), session);
    }

    public static void disconnected(WebSocketSession session, CloseStatus status) {
        disconnects.computeIfAbsent(name(session), n -> new CopyOnWriteArrayList<>()).add(status);
    }

    public static void pong(WebSocketSession session, String payload) {
        pongs.computeIfAbsent(name(session), n -> new CopyOnWriteArrayList<>()).add(payload);
    }
}
