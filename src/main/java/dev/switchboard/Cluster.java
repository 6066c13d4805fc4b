package dev.switchboard;

import dev.switchboard.cluster.RedisBus;
import dev.switchboard.runtime.ClusterAccess;
import dev.switchboard.runtime.ClusterBus;
import dev.switchboard.runtime.LocalBus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The nodes a server's broadcasts reach, set with {@link SettingsBuilder#cluster(Cluster)} on any host: by default
 * only this one ({@link #local()}); with {@link #redis(String)}, every server of the cluster. A broadcast on a route
 * view, a group view or an {@link Sessions#except(WebSocketSession)} view is delivered to this node's sessions at
 * once, then published; each other node delivers it to its own matching sessions. Views with a
 * {@link Sessions#matching predicate}, and {@link Sessions#thisNode()}, act on this node's sessions only.
 *
 * <p>Delivery across nodes is at most once: a message published while the bus is down, or lost with a connection,
 * is not sent again. An application that must not miss one numbers its messages and keeps a history its clients
 * can fetch from. Messages one node publishes to one group reach every member in publish order.
 *
 * <p>Each node keeps its sessions of each route and group in Redis, with a time to live it refreshes, so that
 * {@link Sessions#clusterCount()} and {@link Sessions#clusterList()} count and list them on every node; a node that
 * dies without a goodbye leaves them within {@link #presenceTtl the time to live}, 30 seconds by default.
 *
 * <p>Lettuce ({@code io.lettuce:lettuce-core}) is an optional dependency: without {@link #redis(String)}, nothing of
 * it is loaded. docs/cluster.md describes the channels and the wire format.
 */
public final class Cluster {

    /** The in-process cluster of one node, the default. */
    private static final Cluster LOCAL = new Cluster(LocalBus.INSTANCE);

    static {
        ClusterAccess.readWith(cluster -> ((Cluster) cluster).bus);
    }

    private final ClusterBus bus;

    private Cluster(ClusterBus bus) {
        this.bus = bus;
    }

    /**
     * One node, this one: broadcasts reach this server's sessions and are published nowhere. The default.
     *
     * @return the in-process cluster
     */
    public static Cluster local() {
        return LOCAL;
    }

    /**
     * The servers that share a Redis, through Redis pub/sub. Nothing connects yet: the first server that starts with
     * it connects, in the background (a server starts while Redis is down, and its broadcasts stay local until the
     * bus is up), and the last one that stops closes the connections. Give each server of a JVM its own cluster,
     * or one cluster to several servers that serve different routes.
     *
     * @param redisUri a Lettuce URI, e.g. {@code redis://127.0.0.1:6379} or {@code rediss://:password@host:6380/0}
     * @return the cluster, with a generated node id
     * @throws IllegalStateException    if Lettuce is not on the class path; the message names the artifact to add
     * @throws IllegalArgumentException if the URI is not a Redis URI
     */
    public static Cluster redis(String redisUri) {
        requireLettuce();
        Objects.requireNonNull(redisUri, "redisUri");
        return new Cluster(RedisBus.of(redisUri));
    }

    /**
     * This cluster with another id for this node; set it before the cluster is used. Ids must be unique in the
     * cluster: a node drops what arrives with its own id, since it delivered it already.
     *
     * @param id the node id, not blank
     * @return a new cluster, with this one's presence settings and state listeners
     * @throws IllegalArgumentException if the id is blank
     * @throws IllegalStateException    if this is the in-process cluster, whose id is fixed
     */
    public Cluster nodeId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A node id must not be blank");
        }
        return new Cluster(bus.withNodeId(id));
    }

    /**
     * This cluster with another time to live of each node's presence entries: a node refreshes them every third of
     * it, and a node that dies without a goodbye leaves {@link Sessions#clusterList()} within it. A node that stops
     * takes its entries with it at once.
     *
     * @param ttl the time to live, 30 seconds unless set; at least 3 seconds
     * @return a new cluster, with this one's node id and state listeners; set it before the cluster is used
     * @throws IllegalArgumentException if the time to live is below 3 seconds
     */
    public Cluster presenceTtl(Duration ttl) {
        return new Cluster(bus.withPresence(bus.presence().withTtl(Objects.requireNonNull(ttl, "ttl"))));
    }

    /**
     * This cluster with the session attributes that {@link Sessions#clusterList()} shows: each named
     * {@link WebSocketSession#attributes() attribute} a session has, as {@link String#valueOf(Object)}, e.g. a user
     * name put by a {@link HandshakeCheck}. A node publishes the values a session has when it opens and when it joins
     * a group, and again at each refresh of its entries (every third of {@link #presenceTtl the time to live}).
     * None unless set: only session and node ids are published.
     *
     * @param names the names of the attributes to publish
     * @return a new cluster, with this one's node id and state listeners; set it before the cluster is used
     * @throws IllegalArgumentException if a name is blank
     */
    public Cluster presenceAttributes(String... names) {
        return new Cluster(bus.withPresence(bus.presence().withAttributes(List.of(names))));
    }

    /** This cluster with the presence settings of another, so that a command line's Redis keeps the app's. */
    Cluster withPresenceOf(Cluster other) {
        return new Cluster(bus.withPresence(other.bus.presence()));
    }

    /**
     * This node's id: generated (a random UUID) unless set with {@link #nodeId(String)}.
     *
     * @return the node id
     */
    public String nodeId() {
        return bus.nodeId();
    }

    /**
     * Whether the bus to the other nodes works now.
     *
     * @return the state
     */
    public State state() {
        return bus.state();
    }

    /**
     * Tells a listener of every change of {@link #state()}, on a thread of the bus: it must return quickly.
     *
     * @param listener the listener, told the new state
     * @return this cluster
     */
    public Cluster onStateChange(Consumer<? super State> listener) {
        bus.addListener(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Lettuce is an optional dependency, so that applications on one node do not carry it: say what to add. */
    private static void requireLettuce() {
        try {
            Class.forName("io.lettuce.core.RedisClient", false, Cluster.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cluster.redis(redisUri) needs Lettuce, which is not on the class path: "
                    + "add the dependency io.lettuce:lettuce-core (Switchboard is tested with 7.7.0.RELEASE).", e);
        }
    }

    @Override
    public String toString() {
        return "Cluster[" + bus + "]";
    }

    /**
     * The state of the bus to the other nodes.
     */
    public enum State {
        /** The in-process cluster: there are no other nodes. */
        LOCAL,
        /** No server uses the cluster yet, or its first connection is being made. */
        CONNECTING,
        /** Broadcasts are published and received. */
        UP,
        /** The connection is lost; it is made again by itself. Broadcasts stay on this node meanwhile. */
        DOWN,
        /** The last server that used the cluster stopped. */
        CLOSED
    }
}
