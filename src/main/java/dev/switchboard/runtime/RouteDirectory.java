package dev.switchboard.runtime;

import dev.switchboard.Sessions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where code outside handlers finds a route's sessions: every server in this class loader registers the
 * routes it serves while it runs. In a WAR this class lives in the application's own class loader, so
 * applications never see each other's sessions.
 */
public final class RouteDirectory {

    private static final Map<Class<?>, List<RouteSessions>> SERVED = new ConcurrentHashMap<>();

    private RouteDirectory() {
    }

    /**
     * A live view of a route's open sessions on every server serving it.
     *
     * @param routeClass the route class
     * @return the view
     */
    public static Sessions sessionsOf(Class<?> routeClass) {
        return SessionView.of(() -> SERVED.getOrDefault(routeClass, List.of()));
    }

    static void register(RouteSessions route) {
        SERVED.computeIfAbsent(route.routeClass(), c -> new CopyOnWriteArrayList<>()).add(route);
    }

    static void unregister(RouteSessions route) {
        SERVED.computeIfPresent(route.routeClass(), (c, routes) -> {
            routes.remove(route);
            return routes.isEmpty() ? null : routes;
        });
    }
}
