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
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The cluster bus on Redis pub/sub: one connection publishes, one subscribes to the channels of the shards this node
 * has members in ({@link ShardInterest}). Lettuce reconnects both by itself; while either is down nothing is
 * published (commands are rejected, never buffered), so a broadcast's result says so. The subscriptions are made
 * to match the members again whenever the bus comes up, and whenever a change could not be made: a member that
 * joined while Redis was away is subscribed for once it is back. The first connection is made in the background,
 * again and again until Redis answers: a server starts while Redis is down.
 */
public final class RedisBus implements ClusterBus {

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());
    /** Publications Lettuce may hold before it refuses more: bounds the memory a slow Redis can take. */
    private static final int MAX_PENDING_PUBLICATIONS = 10_000;
    private static final Duration CONNECT_RETRY = Duration.ofSeconds(1);
    /** The longest wait between two attempts to reconnect: a Redis that is back is used again within it. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** How long a stopping node waits for Redis to take its presence entries away; they expire otherwise. */
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(1);

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
    private Link link; // guarded by this; null while no engine is attached

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
        Link current = link;
        if (current == null || states.get() != Cluster.State.UP) {
            unpublished.increment();
            return false;
        }
        // numbered and handed to the one publishing connection under this lock: publish order is sequence order
        BusMessage message = new BusMessage(nodeId, ++sequence, route, group, binary, payload);
        byte[] channel = channels[Shards.of(message.shardKey(), shards)];
        current.publisher.async().publish(channel, message.encode()).whenComplete((receivers, failure) -> {
            if (failure != null) {
                publicationFailed(failure);
            }
        });
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
            link.subscribe(shard);
        }
    }

    /** One member less for a group or route: the last unsubscribes from its shard. */
    private synchronized void unwatch(String key) {
        int shard = Shards.of(key, shards);
        if (interest.remove(shard) && link != null) {
            link.unsubscribe(shard);
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
            link = new Link();
            link.connect();
        }
    }

    @Override
    public void detach(Consumer<BusMessage> receiver) {
        Link closing;
        synchronized (this) {
            receivers.remove(receiver);
            if (!receivers.isEmpty() || link == null) {
                return;
            }
            closing = link;
            link = null;
            states.set(Cluster.State.CLOSED);
        }
        closing.close(); // out of the lock: it waits a moment for the presence's goodbye
    }

    /** Failed publications are counted; the first is logged as a warning, the others at DEBUG. */
    private void publicationFailed(Throwable failure) {
        unpublished.increment();
        boolean first = failureReported.compareAndSet(false, true);
        LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, "A cluster broadcast of node "
                + nodeId + " was not published: " + failure + (first ? ". Delivery across nodes is at most once; "
                + "further failures are logged at DEBUG." : ""));
    }

    /** What other nodes published: this node's own echo is dropped, it was delivered here already. */
    private void received(byte[] bytes) {
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

    /**
     * The client and its two connections while engines are attached. The state is up while both connections are:
     * Lettuce tells each loss and return, and subscribes the pub/sub connection's channels again on its return.
     */
    private final class Link implements RedisConnectionStateListener {

        /** Lettuce's default backoff grows to 30 s: a node would miss a Redis that is back for that long. */
        private final ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(100), MAX_RECONNECT_DELAY, 2,
                        TimeUnit.MILLISECONDS))
                .build();
        private final RedisClient client = RedisClient.create(resources, uri);
        private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-cluster-connect");
            thread.setDaemon(true);
            return thread;
        });
        private volatile StatefulRedisConnection<byte[], byte[]> publisher;
        private volatile StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
        private volatile boolean publisherUp;
        private volatile boolean subscriberUp;
        private volatile boolean closed;

        Link() {
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .requestQueueSize(MAX_PENDING_PUBLICATIONS)
                    .build());
            client.addListener(this);
            long refresh = presenceSettings.refreshEvery().toMillis();
            connector.scheduleAtFixedRate(presence::refresh, refresh, refresh, TimeUnit.MILLISECONDS);
        }

        void connect() {
            connector.execute(this::tryConnect);
        }

        /** Until Redis answers the first time; from then on Lettuce reconnects by itself. */
        private void tryConnect() {
            if (closed) {
                return;
            }
            try {
                if (subscriber == null) {
                    StatefulRedisPubSubConnection<byte[], byte[]> connection = client.connectPubSub(ByteArrayCodec.INSTANCE);
                    connection.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(byte[] channel, byte[] message) {
                            received(message);
                        }
                    });
                    subscriber = connection;
                    subscriberUp = true;
                }
                if (publisher == null) {
                    publisher = client.connect(ByteArrayCodec.INSTANCE);
                    publisherUp = true;
                }
                update();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + nodeId + " cannot connect yet: " + e);
                if (!closed) {
                    states.set(Cluster.State.DOWN);
                    connector.schedule(this::tryConnect, CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }

        /** Subscribes to a shard that has its first member, if the bus is up; otherwise the next resync does. */
        void subscribe(int shard) {
            StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
            if (connection != null && subscriberUp) {
                connection.async().subscribe(channels[shard]).whenComplete(this::resyncOnFailure);
            }
        }

        /** Leaves a shard that lost its last member, if the bus is up; otherwise the next resync does. */
        void unsubscribe(int shard) {
            StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
            if (connection != null && subscriberUp) {
                connection.async().unsubscribe(channels[shard]).whenComplete(this::resyncOnFailure);
            }
        }

        private void resyncOnFailure(Object done, Throwable failure) {
            if (failure != null && !closed) {
                LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + nodeId + ": a subscription change "
                        + "failed, made again in " + CONNECT_RETRY + ": " + failure);
                connector.schedule(this::resync, CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /**
         * Makes the subscriptions match the shards with members: after every return of the bus, since changes made
         * while it was down were not sent, and Lettuce subscribes again only to what it had.
         */
        private void resync() {
            synchronized (RedisBus.this) {
                StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
                if (closed || connection == null || !subscriberUp) {
                    return;
                }
                List<Integer> watched = interest.watched();
                for (int shard = 0; shard < shards; shard++) {
                    if (watched.contains(shard)) {
                        subscribe(shard);
                    } else {
                        unsubscribe(shard);
                    }
                }
            }
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            mark(connection, true);
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            mark(connection, false);
        }

        private void mark(RedisChannelHandler<?, ?> connection, boolean up) {
            if (connection == subscriber) {
                subscriberUp = up;
            } else if (connection == publisher) {
                publisherUp = up;
            } else {
                return; // being made: tryConnect marks it
            }
            update();
        }

        private void update() {
            if (!closed && subscriber != null && publisher != null) {
                boolean up = subscriberUp && publisherUp;
                if (up && states.get() != Cluster.State.UP) {
                    connector.execute(this::cameUp); // on another thread: Lettuce's must not wait for these locks
                } else if (!up) {
                    presence.down();
                }
                states.set(up ? Cluster.State.UP : Cluster.State.DOWN);
            }
        }

        /** The subscriptions and the presence were not kept up to date while the bus was down: both are made again. */
        private void cameUp() {
            resync();
            if (!closed && publisherUp && subscriberUp) {
                presence.up(publisher.async());
            }
        }

        /** Takes this node's presence out of Redis, waiting a moment for it, then closes the connections. */
        void close() {
            closed = true;
            connector.shutdownNow();
            try {
                presence.goodbye().get(GOODBYE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "Node " + nodeId + " left its presence to expire: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // closes both connections and the client's threads; the caller does not wait
            client.shutdownAsync(0, 2, TimeUnit.SECONDS).whenComplete((done, failure) -> resources.shutdown(0, 2,
                    TimeUnit.SECONDS));
        }
    }
}
