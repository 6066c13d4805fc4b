package dev.switchboard.runtime;

import dev.switchboard.Sessions;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open sessions of one route on one server, and the groups they joined.
 */
final class RouteSessions {

    private final Class<?> routeClass;
    private final Set<ConnectionSession> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<ConnectionSession>> groups = new ConcurrentHashMap<>();
    private final Sessions view = SessionView.of(() -> List.of(this));
    private final LongAdder dropped = new LongAdder();

    RouteSessions(Class<?> routeClass) {
        this.routeClass = routeClass;
    }

    /** A live view of these sessions. */
    Sessions view() {
        return view;
    }

    Class<?> routeClass() {
        return routeClass;
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

    void countDropped(int messages) {
        dropped.add(messages);
    }

    void add(ConnectionSession session) {
        open.add(session);
    }

    void remove(ConnectionSession session) {
        open.remove(session);
        for (String group : session.groups()) {
            leave(session, group);
        }
    }

    void join(ConnectionSession session, String group) {
        groups.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(session);
        if (!open.contains(session)) {
            leave(session, group); // it disconnected meanwhile: a group never keeps a closed session
        }
    }

    void leave(ConnectionSession session, String group) {
        groups.computeIfPresent(group, (g, members) -> {
            members.remove(session);
            return members.isEmpty() ? null : members;
        });
    }
}
