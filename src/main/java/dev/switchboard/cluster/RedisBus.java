package dev.switchboard.cluster;

import dev.switchboard.Cluster;
import dev.switchboard.runtime.BusMessage;
import dev.switchboard.runtime.ClusterBus;
import dev.switchboard.runtime.ShardInterest;
import dev.switchboard.runtime.Shards;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    /**
     * Publications the bus thread, and then Lettuce, may hold before they refuse more: bounds the memory a slow Redis
     * can take.
     */
    private static final int MAX_PENDING_PUBLICATIONS = 10_000;
    private static final Duration CONNECT_RETRY = Duration.ofSeconds(1);
    /** How long closing waits for each of the bus's threads and Lettuce's to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final RedisURI uri;
    private final String nodeId;
    private final int shards;
    private final byte[][] channels;
    private final BusStates states;
    private final List<Consumer<BusMessage>> receivers = new CopyOnWriteArrayList<>();
    private final LongAdder failedPublications = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private final ShardInterest interest; // its changes and the commands that follow them happen under this lock
    private long sequence; // guarded by this
    private Link link; // guarded by this; null while no engine is attached

    private RedisBus(RedisURI uri, String nodeId, int shards, List<Consumer<? super Cluster.State>> listeners) {
        this.uri = uri;
        this.nodeId = nodeId;
        this.shards = shards;
        this.channels = new byte[shards][];
        for (int shard = 0; shard < shards; shard++) {
            channels[shard] = Shards.channel(shard).getBytes(StandardCharsets.UTF_8);
        }
        this.states = new BusStates(nodeId, listeners);
        this.interest = new ShardInterest(shards);
    }

    /**
     * A bus to the Redis at a URI, with a generated node id; it connects when the first engine attaches.
     *
     * @param redisUri a Lettuce URI
     * @return the bus
     * @throws IllegalArgumentException if the URI is not a Redis URI
     */
    public static RedisBus of(String redisUri) {
        return new RedisBus(RedisURI.create(redisUri), UUID.randomUUID().toString(), Shards.DEFAULT_COUNT, List.of());
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public ClusterBus withNodeId(String id) {
        return new RedisBus(uri, id, shards, states.listeners());
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
            return false;
        }
        // numbered and queued for the one publishing connection under this lock: publish order is sequence order
        BusMessage message = new BusMessage(nodeId, sequence + 1, route, group, binary, payload);
        if (!current.publish(channels[Shards.of(message.shardKey(), shards)], message.encode())) {
            return false;
        }
        sequence++;
        return true;
    }

    @Override
    public synchronized void watch(String key) {
        int shard = Shards.of(key, shards);
        if (interest.add(shard) && link != null) {
            link.subscribe(shard);
        }
    }

    @Override
    public synchronized void unwatch(String key) {
        int shard = Shards.of(key, shards);
        if (interest.remove(shard) && link != null) {
            link.unsubscribe(shard);
        }
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
        closing.close(); // out of the lock, which the bus thread it waits for may need
    }

    /** Failed publications are counted; the first is logged as a warning, the others at DEBUG. */
    private void publicationFailed(Throwable failure) {
        failedPublications.increment();
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
     *
     * <p>Every call into Lettuce is made on the link's own thread, {@link #connector}, never on a caller's: Netty
     * leaves a cache (its {@code InternalThreadLocalMap}) in a thread-local of every thread that makes a client or
     * writes to a channel, which in a WAR would outlive the application on the container's threads. The one thread
     * keeps the publish order; {@link #close()} waits for it and for Lettuce's threads to end, so that an undeployed
     * application leaves none behind.
     */
    private final class Link implements RedisConnectionStateListener {

        private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-cluster-connect");
            thread.setDaemon(true);
            return thread;
        });
        /** Publications queued on {@link #connector} and not yet handed to Lettuce. */
        private final AtomicInteger queued = new AtomicInteger();
        private volatile RedisClient client; // made on the connector
        private volatile StatefulRedisConnection<byte[], byte[]> publisher;
        private volatile StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
        private volatile boolean publisherUp;
        private volatile boolean subscriberUp;
        private volatile boolean closed;

        void connect() {
            connector.execute(this::tryConnect);
        }

        private RedisClient client() {
            if (client == null) {
                RedisClient made = RedisClient.create(uri);
                made.setOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .requestQueueSize(MAX_PENDING_PUBLICATIONS)
                        .build());
                made.addListener(this);
                client = made;
            }
            return client;
        }

        /** Queues a publication, unless as many as Lettuce may hold wait already or the link is closed. */
        boolean publish(byte[] channel, byte[] message) {
            if (queued.incrementAndGet() > MAX_PENDING_PUBLICATIONS) {
                queued.decrementAndGet();
                publicationFailed(new IllegalStateException(MAX_PENDING_PUBLICATIONS + " publications wait already"));
                return false;
            }
            if (!onConnector(() -> {
                queued.decrementAndGet();
                publisher.async().publish(channel, message).whenComplete((receivers, failure) -> {
                    if (failure != null) {
                        publicationFailed(failure);
                    }
                });
            })) {
                queued.decrementAndGet();
                return false;
            }
            return true;
        }

        /** Runs a call into Lettuce on the connector; false once the link is closed. */
        private boolean onConnector(Runnable call) {
            try {
                connector.execute(() -> {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + nodeId + ": " + e);
                    }
                });
                return true;
            } catch (RejectedExecutionException closedMeanwhile) {
                return false;
            }
        }

        /** Until Redis answers the first time; from then on Lettuce reconnects by itself. */
        private void tryConnect() {
            if (closed) {
                return;
            }
            try {
                if (subscriber == null) {
                    StatefulRedisPubSubConnection<byte[], byte[]> connection =
                            client().connectPubSub(ByteArrayCodec.INSTANCE);
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
                    publisher = client().connect(ByteArrayCodec.INSTANCE);
                    publisherUp = true;
                }
                update();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + nodeId + " cannot connect yet: " + e);
                if (!closed) {
                    states.set(Cluster.State.DOWN);
                    connector.schedule(this::tryConnect, CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (LinkageError e) {
                // A jar Lettuce needs is missing (a WAR packaged by hand): said once, since trying again cannot help.
                LOG.log(System.Logger.Level.ERROR, "Cluster bus of node " + nodeId + " cannot run, a class Lettuce "
                        + "needs is missing: " + e + ". Package io.lettuce:lettuce-core with all its dependencies "
                        + "(Netty, Reactor, redis-authx-core, slf4j-api); broadcasts stay on this node.", e);
                if (!closed) {
                    states.set(Cluster.State.DOWN);
                }
            }
        }

        /** Subscribes to a shard that has its first member, if the bus is up; otherwise the next resync does. */
        void subscribe(int shard) {
            StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
            if (connection != null && subscriberUp) {
                onConnector(() -> connection.async().subscribe(channels[shard]).whenComplete(this::resyncOnFailure));
            }
        }

        /** Leaves a shard that lost its last member, if the bus is up; otherwise the next resync does. */
        void unsubscribe(int shard) {
            StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
            if (connection != null && subscriberUp) {
                onConnector(() -> connection.async().unsubscribe(channels[shard]).whenComplete(this::resyncOnFailure));
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
                    connector.execute(this::resync); // on another thread: Lettuce's must not wait for this lock
                }
                states.set(up ? Cluster.State.UP : Cluster.State.DOWN);
            }
        }

        /**
         * Closes both connections and waits, two seconds at most each, for the connector and Lettuce's threads to
         * end: a container checks for threads an application left as soon as it stopped. Queued publications are
         * dropped (at most once).
         */
        void close() {
            closed = true;
            connector.shutdownNow();
            try {
                if (!connector.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "Cluster bus of node " + nodeId + ": its connecting "
                            + "thread did not end within " + CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RedisClient made = client;
            if (made == null) {
                return;
            }
            // on a thread of its own too, which ends here: the caller may be a container's
            Thread closer = new Thread(() -> {
                try {
                    made.shutdown(Duration.ZERO, CLOSE_WAIT);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Cluster bus of node " + nodeId + " did not close "
                            + "cleanly: " + e);
                }
            }, "switchboard-cluster-close");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(CLOSE_WAIT.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
