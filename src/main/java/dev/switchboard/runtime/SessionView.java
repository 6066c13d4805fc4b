package dev.switchboard.runtime;

import dev.switchboard.BroadcastResult;
import dev.switchboard.ClusterCount;
import dev.switchboard.ClusterList;
import dev.switchboard.PresentSession;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A live {@link Sessions} view: the sessions of some routes, optionally of one group, that pass a filter. A view
 * whose sessions other nodes can find too (a route, a group, and those less one session of this node) publishes its
 * broadcasts to each route's cluster bus, after delivering them here, and asks the other nodes' presence for its
 * cluster-wide count and list.
 */
public final class SessionView implements Sessions {

    private final Supplier<? extends Collection<RouteSessions>> routes;
    private final String group;
    private final Predicate<? super WebSocketSession> filter;
    /** Whether other nodes can tell this view's sessions, so that its broadcasts are published and counted there. */
    private final boolean publishes;

    private SessionView(Supplier<? extends Collection<RouteSessions>> routes, String group,
                        Predicate<? super WebSocketSession> filter, boolean publishes) {
        this.routes = routes;
        this.group = group;
        this.filter = filter;
        this.publishes = publishes;
    }

    static SessionView of(Supplier<? extends Collection<RouteSessions>> routes) {
        return new SessionView(routes, null, session -> true, true);
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
        // the excluded session is one of this node's: the other nodes deliver to all their members of the view
        return new SessionView(routes, group, session -> filter.test(session) && session != excluded, publishes);
    }

    @Override
    public Sessions matching(Predicate<? super WebSocketSession> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new SessionView(routes, group, session -> filter.test(session) && predicate.test(session), false);
    }

    @Override
    public Sessions thisNode() {
        return new SessionView(routes, group, filter, false);
    }

    @Override
    public Sessions group(String name) {
        Objects.requireNonNull(name, "name");
        return group == null
                ? new SessionView(routes, name, filter, publishes)
                : matching(session -> session.groups().contains(name)); // one group travels, not two
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
        return broadcast(route -> message);
    }

    @Override
    public BroadcastResult broadcastData(byte[] data) {
        return broadcastData(ByteBuffer.wrap(data));
    }

    @Override
    public BroadcastResult broadcastData(ByteBuffer data) {
        SharedMessage message = SharedMessage.binary(data.duplicate());
        return broadcast(route -> message);
    }

    @Override
    public BroadcastResult broadcastObject(Object value) {
        Objects.requireNonNull(value, "value");
        Map<RouteCodec, SharedMessage> encoded = new HashMap<>(); // once per codec, and only for routes reached
        return broadcast(route -> encoded.computeIfAbsent(route.codec(), codec -> codec.encodeShared(value)));
    }

    /**
     * Delivers to this node's sessions of the view, then publishes once per route and bus; a route's message is
     * made on first need.
     */
    private BroadcastResult broadcast(Function<RouteSessions, SharedMessage> messageOf) {
        int delivered = 0;
        int dropped = 0;
        int skipped = 0;
        boolean published = false;
        Collection<RouteSessions> reached = routes.get();
        for (RouteSessions route : reached) {
            SharedMessage message = null;
            for (ConnectionSession session : members(route)) {
                if (filter.test(session)) {
                    if (message == null) {
                        message = messageOf.apply(route);
                    }
                    switch (session.deliver(Outbound.shared(message))) {
                        case QUEUED -> delivered++;
                        case DROPPED -> dropped++;
                        case CLOSED -> skipped++;
                    }
                }
            }
        }
        if (publishes) {
            published = publish(reached, messageOf);
        }
        return new BroadcastResult(delivered, dropped, skipped, published);
    }

    /** Publishes to the bus of each route, once per bus and route template even if several servers share a bus. */
    private boolean publish(Collection<RouteSessions> reached, Function<RouteSessions, SharedMessage> messageOf) {
        boolean published = false;
        for (RouteSessions route : onePerBusAndPath(reached)) {
            SharedMessage message = messageOf.apply(route);
            published |= route.bus().publish(route.path(), group, message.text() == null,
                    BusMessage.payloadOf(message));
        }
        return published;
    }

    @Override
    public CompletionStage<ClusterCount> clusterCount() {
        long here = count();
        if (!publishes) {
            return CompletableFuture.completedFuture(new ClusterCount(here, Instant.now()));
        }
        return askElsewhere(routes.get(), route -> route.bus().countElsewhere(route.path(), group)).thenApply(
                counts -> new ClusterCount(here + counts.stream().mapToLong(Long::longValue).sum(), Instant.now()));
    }

    @Override
    public CompletionStage<ClusterList> clusterList() {
        List<PresentSession> here = new ArrayList<>();
        Collection<RouteSessions> reached = routes.get();
        for (RouteSessions route : reached) {
            ClusterBus bus = route.bus();
            for (ConnectionSession session : members(route)) {
                if (filter.test(session)) {
                    here.add(bus.presence().entryOf(session, bus.nodeId()));
                }
            }
        }
        if (!publishes) {
            return CompletableFuture.completedFuture(new ClusterList(here, Instant.now()));
        }
        return askElsewhere(reached, route -> route.bus().presentElsewhere(route.path(), group)).thenApply(lists -> {
            lists.forEach(here::addAll);
            return new ClusterList(here, Instant.now());
        });
    }

    /** Asks the bus of each route once per bus and route template, and completes with every answer, or fails. */
    private static <T> CompletableFuture<List<T>> askElsewhere(Collection<RouteSessions> routes,
                                                               Function<RouteSessions, CompletionStage<T>> ask) {
        List<CompletableFuture<T>> answers = onePerBusAndPath(routes).stream()
                .map(route -> ask.apply(route).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    /**
     * The routes whose buses reach other nodes, one per bus and route template: several servers of this JVM that
     * share a bus and serve one route are one node of it.
     */
    private static List<RouteSessions> onePerBusAndPath(Collection<RouteSessions> routes) {
        List<RouteSessions> distinct = new ArrayList<>();
        Map<ClusterBus, Set<String>> seen = new HashMap<>();
        for (RouteSessions route : routes) {
            ClusterBus bus = route.bus();
            if (!(bus instanceof LocalBus) && seen.computeIfAbsent(bus, b -> new HashSet<>()).add(route.path())) {
                distinct.add(route);
            }
        }
        return distinct;
    }

    private Collection<ConnectionSession> members(RouteSessions route) {
        return group == null ? route.open() : route.group(group);
    }
}
