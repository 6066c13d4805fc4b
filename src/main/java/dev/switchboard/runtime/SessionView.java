package dev.switchboard.runtime;

import dev.switchboard.BroadcastResult;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A live {@link Sessions} view: the sessions of some routes, optionally of one group, that pass a filter.
 */
public final class SessionView implements Sessions {

    private final Supplier<? extends Collection<RouteSessions>> routes;
    private final String group;
    private final Predicate<? super WebSocketSession> filter;

    private SessionView(Supplier<? extends Collection<RouteSessions>> routes, String group,
                        Predicate<? super WebSocketSession> filter) {
        this.routes = routes;
        this.group = group;
        this.filter = filter;
    }

    static SessionView of(Supplier<? extends Collection<RouteSessions>> routes) {
        return new SessionView(routes, null, session -> true);
    }

    @Override
    public int count() {
        int count = 0;
        for (RouteSessions route : routes.get()) {
            for (ConnectionSession session : members(route)) {
                if (filter.test(session)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public List<WebSocketSession> list() {
        List<WebSocketSession> sessions = new ArrayList<>();
        for (RouteSessions route : routes.get()) {
            for (ConnectionSession session : members(route)) {
                if (filter.test(session)) {
                    sessions.add(session);
                }
            }
        }
        return sessions;
    }

    @Override
    public Sessions except(WebSocketSession excluded) {
        return matching(session -> session != excluded);
    }

    @Override
    public Sessions matching(Predicate<? super WebSocketSession> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new SessionView(routes, group, session -> filter.test(session) && predicate.test(session));
    }

    @Override
    public Sessions group(String name) {
        Objects.requireNonNull(name, "name");
        return group == null
                ? new SessionView(routes, name, filter)
                : matching(session -> session.groups().contains(name));
    }

    @Override
    public long droppedMessages() {
        long dropped = 0;
        for (RouteSessions route : routes.get()) {
            dropped += route.droppedMessages();
        }
        return dropped;
    }

    @Override
    public BroadcastResult broadcastText(String text) {
        Objects.requireNonNull(text, "text");
        SharedMessage message = SharedMessage.text(text);
        return broadcast(session -> session.deliver(Outbound.shared(message)));
    }

    @Override
    public BroadcastResult broadcastData(byte[] data) {
        return broadcastData(ByteBuffer.wrap(data));
    }

    @Override
    public BroadcastResult broadcastData(ByteBuffer data) {
        SharedMessage message = SharedMessage.binary(data.duplicate());
        return broadcast(session -> session.deliver(Outbound.shared(message)));
    }

    @Override
    public BroadcastResult broadcastObject(Object value) {
        Objects.requireNonNull(value, "value");
        Map<RouteCodec, SharedMessage> encoded = new HashMap<>(); // once per codec, and only for routes reached
        return broadcast((route, session) -> session.deliver(Outbound.shared(
                encoded.computeIfAbsent(route.codec(), codec -> codec.encodeShared(value)))));
    }

    private BroadcastResult broadcast(Function<ConnectionSession, Delivery> send) {
        return broadcast((route, session) -> send.apply(session));
    }

    private BroadcastResult broadcast(BiFunction<RouteSessions, ConnectionSession, Delivery> send) {
        int delivered = 0;
        int dropped = 0;
        int skipped = 0;
        for (RouteSessions route : routes.get()) {
            for (ConnectionSession session : members(route)) {
                if (filter.test(session)) {
                    switch (send.apply(route, session)) {
                        case QUEUED -> delivered++;
                        case DROPPED -> dropped++;
                        case CLOSED -> skipped++;
                    }
                }
            }
        }
        return new BroadcastResult(delivered, dropped, skipped);
    }

    private Collection<ConnectionSession> members(RouteSessions route) {
        return group == null ? route.open() : route.group(group);
    }
}
