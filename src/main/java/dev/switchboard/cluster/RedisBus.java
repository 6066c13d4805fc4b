package dev.switchboard.cluster;

import dev.switchboard.Cluster;
import dev.switchboard.PresentSession;
import dev.switchboard.WebSocketSession;
import dev.switchboard.runtime.BusCounts;
import dev.switchboard.runtime.BusMessage;
import dev.switchboard.runtime.ClusterBus;
import dev.switchboard.runtime.PresenceSettings;
import dev.switchboard.runtime.ShardInterest;
import dev.switchboard.runtime.Shards;
import io.lettuce.core.RedisURI;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The cluster bus on Redis pub/sub: it numbers this node's broadcasts and publishes them, subscribes to the channels
 * of the shards this node has members in ({@link ShardInterest}), hands what other nodes publish to its engines, and
 * keeps this node's part of the presence ({@link RedisPresence}). The connections are its {@link RedisLink}'s, made
 * when the first engine attaches and closed when the last one leaves. While the bus is down nothing is published
 * (commands are rejected, never buffered), so a broadcast's result says so. The subscriptions are made to match the
 * members again whenever the bus comes up, and whenever a change could not be made: a member that joined while
 * Redis was away is subscribed for once it is back.
 */
public final class RedisBus implements ClusterBus {

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());

    private final RedisURI uri;
    private final String nodeId;
    private final int shards;
    private final byte[][] channels;
    private final BusStates states;
    private final List<Consumer<BusMessage>> receivers = new CopyOnWriteArrayList<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder unpublished = new LongAdder(); // down, too many waiting, or refused by Redis
    private final LongAdder received = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private final PresenceSettings presenceSettings;
    private final RedisPresence presence;
    private final ShardInterest interest; // its changes and the commands that follow them happen under this lock
    private long sequence; // guarded by this
    private RedisLink link; // guarded by this; null while no engine is attached

    private RedisBus(RedisURI uri, String nodeId, int shards, List<Consumer<? super Cluster.State>> listeners,
                     PresenceSettings presenceSettings) {
        this.uri = uri;
        this.nodeId = nodeId;
        this.shards = shards;
        this.channels = new byte[shards][];
        for (int shard = 0; shard < shards; shard++) {
            channels[shard] = Shards.channel(shard).getBytes(StandardCharsets.UTF_8);
        }
        this.states = new BusStates(nodeId, listeners);
        this.interest = new ShardInterest(shards);
        this.presenceSettings = presenceSettings;
        this.presence = new RedisPresence(nodeId, presenceSettings);
    }

    /**
     * A bus to the Redis at a URI, with a generated node id; it connects when the first engine attaches.
     *
     * @param redisUri a Lettuce URI
     * @return the bus
     * @throws IllegalArgumentException if the URI is not a Redis URI
     */
    public static RedisBus of(String redisUri) {
        return new RedisBus(RedisURI.create(redisUri), UUID.randomUUID().toString(), Shards.DEFAULT_COUNT, List.of(),
                PresenceSettings.DEFAULT);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public ClusterBus withNodeId(String id) {
        return new RedisBus(uri, id, shards, states.listeners(), presenceSettings);
    }

    @Override
    public PresenceSettings presence() {
        return presenceSettings;
    }

    @Override
    public ClusterBus withPresence(PresenceSettings settings) {
        return new RedisBus(uri, nodeId, shards, states.listeners(), settings);
    }

    @Override
    public Cluster.State state() {
        return states.get();
    }

    @Override
    public void addListener(Consumer<? super Cluster.State> listener) {
        states.addListener(listener);
    }

    @Override
    public synchronized boolean publish(String route, String group, boolean binary, byte[] payload) {
        RedisLink current = link;
        if (current == null || states.get() != Cluster.State.UP) {
            unpublished.increment();
            return false;
        }
        // numbered and queued for the one publishing connection under this lock: publish order is sequence order
        BusMessage message = new BusMessage(nodeId, sequence + 1, route, group, binary, payload);
        if (!current.publish(channels[Shards.of(message.shardKey(), shards)], message.encode())) {
            return false;
        }
        sequence++;
        published.increment();
        return true;
    }

    @Override
    public void entered(String route, String group, WebSocketSession session) {
        watch(group != null ? group : route);
        presence.entered(route, group, session);
    }

    @Override
    public void left(String route, String group, WebSocketSession session) {
        unwatch(group != null ? group : route);
        presence.left(route, group, session);
    }

    @Override
    public CompletionStage<Long> countElsewhere(String route, String group) {
        return presence.countElsewhere(route, group);
    }

    @Override
    public CompletionStage<List<PresentSession>> presentElsewhere(String route, String group) {
        return presence.presentElsewhere(route, group);
    }

    /** One more member of this node for a group or route: the first subscribes to its shard. */
    private synchronized void watch(String key) {
        int shard = Shards.of(key, shards);
        if (interest.add(shard) && link != null) {
            link.subscribe(channels[shard]);
        }
    }

    /** One member less for a group or route: the last unsubscribes from its shard. */
    private synchronized void unwatch(String key) {
        int shard = Shards.of(key, shards);
        if (interest.remove(shard) && link != null) {
            link.unsubscribe(channels[shard]);
        }
    }

    @Override
    public BusCounts counts() {
        return new BusCounts(published.sum(), unpublished.sum(), received.sum(), unreadable.sum());
    }

    @Override
    public synchronized void attach(Consumer<BusMessage> receiver) {
        receivers.add(receiver);
        if (link == null) {
            states.set(Cluster.State.CONNECTING);
            link = new RedisLink(this, uri, states, presence, presenceSettings.refreshEvery());
            link.connect();
        }
    }

    @Override
    public void detach(Consumer<BusMessage> receiver) {
        RedisLink closing;
        synchronized (this) {
            receivers.remove(receiver);
            if (!receivers.isEmpty() || link == null) {
                return;
            }
            closing = link;
            link = null;
            states.set(Cluster.State.CLOSED);
        }
        closing.close(); // out of the lock, which the link's thread it waits for may need
    }

    /**
     * Makes the subscriptions match the shards with members: after every return of the bus, since changes made
     * while it was down were not sent, and Lettuce subscribes again only to what it had.
     */
    synchronized void resubscribe() {
        RedisLink current = link;
        if (current == null || !current.subscriberUp()) {
            return;
        }
        List<Integer> watched = interest.watched();
        for (int shard = 0; shard < shards; shard++) {
            if (watched.contains(shard)) {
                current.subscribe(channels[shard]);
            } else {
                current.unsubscribe(channels[shard]);
            }
        }
    }

    /** Failed publications are counted; the first is logged as a warning, the others at DEBUG. */
    void publicationFailed(Throwable failure) {
        unpublished.increment();
        boolean first = failureReported.compareAndSet(false, true);
        LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, "A cluster broadcast of node "
                + nodeId + " was not published: " + failure + (first ? ". Delivery across nodes is at most once; "
                + "further failures are logged at DEBUG." : ""));
    }

    /** What other nodes published: this node's own echo is dropped, it was delivered here already. */
    void received(byte[] bytes) {
        BusMessage message;
        try {
            message = BusMessage.decode(bytes);
        } catch (IllegalArgumentException e) {
            unreadable.increment();
            LOG.log(System.Logger.Level.WARNING, "Node " + nodeId + " dropped a cluster message: " + e.getMessage());
            return;
        }
        if (message.origin().equals(nodeId)) {
            return;
        }
        received.increment();
        for (Consumer<BusMessage> receiver : receivers) {
            try {
                receiver.accept(message);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Delivering a cluster message failed on node " + nodeId, e);
            }
        }
    }

    @Override
    public String toString() {
        return "redis " + uri.getHost() + ":" + uri.getPort() + ", node " + nodeId;
    }
}
