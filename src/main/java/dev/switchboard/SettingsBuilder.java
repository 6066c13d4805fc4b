package dev.switchboard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The server-wide settings that every host takes the same way: {@link ServerSettings#builder()} makes them for any
 * host, and the standalone {@link Switchboard#builder()} takes them directly. Routes override some of them with
 * their own {@link Route} attributes.
 *
 * @param <B> the builder's own type, which each setter returns
 */
public abstract class SettingsBuilder<B extends SettingsBuilder<B>> {

    /** The largest message accepted unless set otherwise: 16 MiB. */
    static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;

    SendQueueLimits sendQueueLimits = SendQueueLimits.DEFAULT;
    Heartbeat heartbeat = Heartbeat.DEFAULT;
    Duration idleTimeout = Duration.ZERO;
    long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    long maxStreamBytes = Long.MAX_VALUE;
    List<String> allowedOrigins = List.of();
    int maxSessions;
    Duration shutdownTimeout = Duration.ofSeconds(10);
    InstanceFactory instanceFactory;
    Metrics metrics = Metrics.NONE;
    Codec codec;
    Cluster cluster = Cluster.local();

    /** Only Switchboard's own builders extend it. */
    SettingsBuilder() {
    }

    /**
     * Takes every setting from settings made before, e.g. shared by several servers; later calls change single ones.
     *
     * @param settings the settings
     * @return this builder
     */
    public B settings(ServerSettings settings) {
        sendQueueLimits = settings.sendQueueLimits();
        heartbeat = settings.heartbeat();
        idleTimeout = settings.idleTimeout();
        maxMessageBytes = settings.maxMessageBytes();
        maxStreamBytes = settings.maxStreamBytes();
        allowedOrigins = settings.allowedOrigins();
        maxSessions = settings.maxSessions();
        shutdownTimeout = settings.shutdownTimeout();
        instanceFactory = settings.instanceFactory().orElse(null);
        metrics = settings.metrics();
        codec = settings.codec().orElse(null);
        cluster = settings.cluster();
        return self();
    }

    /**
     * The outbound queue limits of every session, unless its route overrides them.
     *
     * @param limits the limits; {@link SendQueueLimits#DEFAULT} if not set
     * @return this builder
     */
    public B sendQueueLimits(SendQueueLimits limits) {
        this.sendQueueLimits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /**
     * The heartbeat of every session, unless its route overrides it.
     *
     * @param heartbeat the heartbeat; {@link Heartbeat#DEFAULT} (30 seconds) if not set, {@link Heartbeat#OFF}
     *                  for none
     * @return this builder
     */
    public B heartbeat(Heartbeat heartbeat) {
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        return self();
    }

    /**
     * Closes sessions with no message either way for this long, unless their route overrides it.
     *
     * @param timeout the idle timeout; {@link Duration#ZERO}, the default, for none
     * @return this builder
     */
    public B idleTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Idle timeout must not be negative, was " + timeout);
        }
        this.idleTimeout = timeout;
        return self();
    }

    /**
     * Browser origins allowed to open sessions on routes without their own {@link Route#origins()} list;
     * a page from any other origin gets 403 before the upgrade. Entries are exact origins
     * ({@code https://example.com}), patterns with one {@code *} for any subdomain
     * ({@code https://*.example.com}), or {@code *} for all. Not set, every origin is allowed: set it
     * whenever sessions act on cookies or other ambient credentials, or any web page may open a session
     * in its visitors' name (cross-site WebSocket hijacking). Clients that send no {@code Origin} (not a
     * browser) are not affected.
     *
     * @param origins the allowed origins
     * @return this builder
     */
    public B allowedOrigins(String... origins) {
        this.allowedOrigins = List.of(origins);
        return self();
    }

    /**
     * Most sessions open at once on all routes together; an upgrade beyond it is refused with 503 before it
     * becomes a session (routes may set their own lower limit, {@link Route#maxSessions()}). The limit is exact:
     * each accepted handshake holds its place from the moment it is accepted, so handshakes at the same moment
     * never overshoot it, and a handshake that does not become a session gives its place back.
     *
     * @param sessions the limit; {@code 0}, the default, for none
     * @return this builder
     */
    public B maxSessions(int sessions) {
        if (sessions < 0) {
            throw new IllegalArgumentException("The session limit must not be negative, was " + sessions);
        }
        this.maxSessions = sessions;
        return self();
    }

    /**
     * The largest message, text (in UTF-8 bytes) or binary, a session accepts unless its route says
     * otherwise; a larger one closes the session with 1009.
     *
     * @param bytes the limit; 16 MiB if not set
     * @return this builder
     */
    public B maxMessageSize(long bytes) {
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("Message size limit must be 1 to 2 GiB, was " + bytes);
        }
        this.maxMessageBytes = bytes;
        return self();
    }

    /**
     * The largest message, text (in UTF-8 bytes) or binary, a streaming or fragment handler accepts unless its
     * route says otherwise ({@link Route#maxStreamBytes()}); a larger one closes the session with 1009. Such
     * handlers hold a bounded part of a message at a time, so the message size limit does not apply to them.
     *
     * @param bytes the limit; no limit ({@link Long#MAX_VALUE}) if not set
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public B maxStreamBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("Stream size limit must be at least 1 byte, was " + bytes);
        }
        this.maxStreamBytes = bytes;
        return self();
    }

    /**
     * How long a stopping server ({@link Switchboard#stop()}, or a WAR's undeploy) waits for sessions to close,
     * and their clients to answer the close, before cutting them.
     *
     * @param timeout the drain deadline; 10 seconds if not set
     * @return this builder
     */
    public B shutdownTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Shutdown timeout must not be negative, was " + timeout);
        }
        this.shutdownTimeout = timeout;
        return self();
    }

    /**
     * Where route instances come from: the application's container (Spring, Guice, CDI...) instead of the route's
     * no-argument constructor. See {@link InstanceFactory}.
     *
     * @param factory the factory, e.g. Guice's {@code injector::getInstance}; none if not set
     * @return this builder
     */
    public B instanceFactory(InstanceFactory factory) {
        this.instanceFactory = Objects.requireNonNull(factory, "factory");
        return self();
    }

    /**
     * Where the server reports its metrics, e.g. {@code Metrics.micrometer(registry)}: per route, sessions,
     * messages, bytes, drops, refused handshakes and more (docs/operations.md lists them).
     *
     * @param metrics the metrics; {@link Metrics#NONE}, the default, for none
     * @return this builder
     */
    public B metrics(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return self();
    }

    /**
     * The codec of typed messages on every route that names none of its own with {@link Route#codec()}: e.g.
     * {@code new JacksonCodec(mapper)} with the application's mapper, or {@code new JsonbCodec()} to choose JSON-B
     * when Jackson is on the class path too.
     *
     * @param codec the codec; if not set, the one the class path offers (see {@link Codec})
     * @return this builder
     */
    public B codec(Codec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return self();
    }

    /**
     * The nodes the server's broadcasts reach: e.g. {@code Cluster.redis("redis://127.0.0.1:6379")} for every server
     * that shares the Redis (docs/cluster.md).
     *
     * @param cluster the cluster; {@link Cluster#local()}, the default, for this server alone
     * @return this builder
     */
    public B cluster(Cluster cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        return self();
    }

    /** The settings as set so far. */
    ServerSettings toSettings() {
        return new ServerSettings(this);
    }

    /** This builder, as the type its setters return. */
    @SuppressWarnings("unchecked") // B is this class's own type, as its declaration demands
    final B self() {
        return (B) this;
    }
}
