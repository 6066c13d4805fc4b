package dev.switchboard.cluster;

import dev.switchboard.Cluster;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RedisBus}'s client and its two connections, while engines are attached: one publishes (and carries the
 * presence's commands), one subscribes. The bus is up while both connections are: Lettuce tells each loss and
 * return, reconnects by itself, and subscribes the pub/sub connection's channels again on its return; the link then
 * has the bus make its subscriptions and its presence whole again. The first connection is made in the background,
 * again and again until Redis answers: a server starts while Redis is down.
 *
 * <p>Every call into Lettuce is made on the link's own thread, {@link #connector}, never on a caller's: Netty leaves
 * a cache (its {@code InternalThreadLocalMap}) in a thread-local of every thread that makes a client or writes to a
 * channel, which in a WAR would outlive the application on the container's threads. The one thread keeps the order
 * of publications and of presence changes; {@link #close()} waits for it and for Lettuce's threads to end, so that an
 * undeployed application leaves none behind.
 */
final class RedisLink implements RedisConnectionStateListener {

    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());
    /**
     * Publications the link's thread, and then Lettuce, may hold before they refuse more: bounds the memory a slow
     * Redis can take.
     */
    static final int MAX_PENDING_PUBLICATIONS = 10_000;
    private static final Duration CONNECT_RETRY = Duration.ofSeconds(1);
    /** The longest wait between two attempts to reconnect: a Redis that is back is used again within it. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** How long a stopping node waits for Redis to take its presence entries away; they expire otherwise. */
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(1);
    /** How long closing waits for each of the link's threads and Lettuce's to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final RedisBus bus;
    private final RedisURI uri;
    private final BusStates states;
    private final RedisPresence presence;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "switchboard-cluster-connect");
        thread.setDaemon(true);
        return thread;
    });
    /** Calls into Lettuce on {@link #connector}; a call made once the link closed is dropped. */
    private final Executor lettuceThread = this::onConnector;
    /** Publications queued on {@link #connector} and not yet handed to Lettuce. */
    private final AtomicInteger queued = new AtomicInteger();
    private volatile ClientResources resources; // made on the connector, with the client
    private volatile RedisClient client;
    private volatile StatefulRedisConnection<byte[], byte[]> publisher;
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    private volatile boolean publisherUp;
    private volatile boolean subscriberUp;
    private volatile boolean closed;

    RedisLink(RedisBus bus, RedisURI uri, BusStates states, RedisPresence presence, Duration presenceRefresh) {
        this.bus = bus;
        this.uri = uri;
        this.states = states;
        this.presence = presence;
        long refresh = presenceRefresh.toMillis();
        connector.scheduleAtFixedRate(presence::refresh, refresh, refresh, TimeUnit.MILLISECONDS);
    }

    void connect() {
        connector.execute(this::tryConnect);
    }

    /**
     * Queues a publication, unless as many as Lettuce may hold wait already or the link is closed.
     *
     * @return whether it was queued
     */
    boolean publish(byte[] channel, byte[] message) {
        if (queued.incrementAndGet() > MAX_PENDING_PUBLICATIONS) {
            queued.decrementAndGet();
            bus.publicationFailed(new IllegalStateException(MAX_PENDING_PUBLICATIONS + " publications wait already"));
            return false;
        }
        try {
            connector.execute(() -> {
                queued.decrementAndGet();
                try {
                    publisher.async().publish(channel, message).whenComplete((receivers, failure) -> {
                        if (failure != null) {
                            bus.publicationFailed(failure);
                        }
                    });
                } catch (RuntimeException e) {
                    bus.publicationFailed(e);
                }
            });
            return true;
        } catch (RejectedExecutionException closedMeanwhile) {
            queued.decrementAndGet();
            return false;
        }
    }

    /** Subscribes to a shard's channel, if the bus is up; otherwise the next resubscription does. */
    void subscribe(byte[] channel) {
        StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
        if (connection != null && subscriberUp) {
            onConnector(() -> connection.async().subscribe(channel).whenComplete(this::resubscribeOnFailure));
        }
    }

    /** Leaves a shard's channel, if the bus is up; otherwise the next resubscription does. */
    void unsubscribe(byte[] channel) {
        StatefulRedisPubSubConnection<byte[], byte[]> connection = subscriber;
        if (connection != null && subscriberUp) {
            onConnector(() -> connection.async().unsubscribe(channel).whenComplete(this::resubscribeOnFailure));
        }
    }

    /** Whether the subscribing connection takes commands now. */
    boolean subscriberUp() {
        return !closed && subscriber != null && subscriberUp;
    }

    /** Runs a call into Lettuce on the connector; a call made once the link is closed is dropped. */
    private void onConnector(Runnable call) {
        try {
            connector.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + bus.nodeId() + ": " + e);
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed: nothing more goes to Redis
        }
    }

    private RedisClient client() {
        if (client == null) {
            // Lettuce's default backoff grows to 30 s: a node would miss a Redis that is back for that long
            resources = DefaultClientResources.builder()
                    .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(100), MAX_RECONNECT_DELAY, 2,
                            TimeUnit.MILLISECONDS))
                    .build();
            RedisClient made = RedisClient.create(resources, uri);
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
                        bus.received(message);
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
            LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + bus.nodeId() + " cannot connect yet: " + e);
            if (!closed) {
                states.set(Cluster.State.DOWN);
                connector.schedule(this::tryConnect, CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (LinkageError e) {
            // A jar Lettuce needs is missing (a WAR packaged by hand): said once, since trying again cannot help.
            LOG.log(System.Logger.Level.ERROR, "Cluster bus of node " + bus.nodeId() + " cannot run, a class "
                    + "Lettuce needs is missing: " + e + ". Package io.lettuce:lettuce-core with all its dependencies "
                    + "(Netty, Reactor, redis-authx-core, slf4j-api); broadcasts stay on this node.", e);
            if (!closed) {
                states.set(Cluster.State.DOWN);
            }
        }
    }

    private void resubscribeOnFailure(Object done, Throwable failure) {
        if (failure != null && !closed) {
            LOG.log(System.Logger.Level.DEBUG, "Cluster bus of node " + bus.nodeId() + ": a subscription change "
                    + "failed, made again in " + CONNECT_RETRY + ": " + failure);
            connector.schedule(bus::resubscribe, CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
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
                onConnector(this::cameUp); // on the link's thread: Lettuce's must not wait for the bus's locks
            } else if (!up) {
                presence.down();
            }
            states.set(up ? Cluster.State.UP : Cluster.State.DOWN);
        }
    }

    /** The subscriptions and the presence were not kept up to date while the bus was down: both are made again. */
    private void cameUp() {
        bus.resubscribe();
        if (!closed && publisherUp && subscriberUp) {
            presence.up(publisher.async(), lettuceThread);
        }
    }

    /**
     * Takes this node's presence out of Redis, waiting a moment for it, then closes both connections and waits, two
     * seconds at most each, for the connector and Lettuce's threads to end: a container checks for threads an
     * application left as soon as it stopped. Queued publications are dropped (at most once).
     */
    void close() {
        try {
            presence.goodbye().get(GOODBYE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "Node " + bus.nodeId() + " left its presence to expire: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        connector.shutdownNow();
        try {
            if (!connector.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Cluster bus of node " + bus.nodeId() + ": its connecting "
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
                Future<?> threadsEnded = resources.shutdown(0, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                threadsEnded.get(); // the client's own resources: the client does not end what it was given
            } catch (RuntimeException | ExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "Cluster bus of node " + bus.nodeId() + " did not close "
                        + "cleanly: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "switchboard-cluster-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_WAIT.multipliedBy(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
