package dev.switchboard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings every route of a server starts from, one type for every host: the outbound queue limits, the
 * heartbeat, the idle timeout, the largest message, the allowed browser origins, the session limit, the
 * shutdown timeout and where route instances come from. Standalone, the builder takes them; in a WAR, a
 * {@link WarSettings} class gives them. Immutable; made with {@link #builder()}, whose setters document each setting and its default.
 */
public final class ServerSettings {

    private static final ServerSettings DEFAULTS = builder().build();

    private final SendQueueLimits sendQueueLimits;
    private final Heartbeat heartbeat;
    private final Duration idleTimeout;
    private final long maxMessageBytes;
    private final long maxStreamBytes;
    private final List<String> allowedOrigins;
    private final int maxSessions;
    private final Duration shutdownTimeout;
    private final InstanceFactory instanceFactory;
    private final Metrics metrics;
    private final Codec codec;
    private final Cluster cluster;

    ServerSettings(SettingsBuilder<?> builder) {
        this.sendQueueLimits = builder.sendQueueLimits;
        this.heartbeat = builder.heartbeat;
        this.idleTimeout = builder.idleTimeout;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.maxStreamBytes = builder.maxStreamBytes;
        this.allowedOrigins = List.copyOf(builder.allowedOrigins);
        this.maxSessions = builder.maxSessions;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.instanceFactory = builder.instanceFactory;
        this.metrics = builder.metrics;
        this.codec = builder.codec;
        this.cluster = builder.cluster;
    }

    /**
     * Starts making settings.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults of every setting.
     *
     * @return the default settings
     */
    public static ServerSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The outbound queue limits routes inherit.
     *
     * @return the limits
     */
    public SendQueueLimits sendQueueLimits() {
        return sendQueueLimits;
    }

    /**
     * The heartbeat routes inherit.
     *
     * @return the heartbeat
     */
    public Heartbeat heartbeat() {
        return heartbeat;
    }

    /**
     * The idle timeout routes inherit.
     *
     * @return the timeout; zero for none
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * The largest message, text in UTF-8 bytes or binary, routes accept unless they say otherwise.
     *
     * @return the limit in bytes
     */
    public long maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * The largest message, text in UTF-8 bytes or binary, streaming and fragment handlers accept unless their
     * route says otherwise.
     *
     * @return the limit in bytes; {@link Long#MAX_VALUE} for none
     */
    public long maxStreamBytes() {
        return maxStreamBytes;
    }

    /**
     * The browser origins routes without their own list accept.
     *
     * @return the origins; empty for any
     */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /**
     * Most sessions open at once on all routes together.
     *
     * @return the limit; 0 for none
     */
    public int maxSessions() {
        return maxSessions;
    }

    /**
     * How long a stopping server waits for its sessions to close before cutting them.
     *
     * @return the drain deadline
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Where route instances come from, if not from their no-argument constructor (or CDI, in a WAR).
     *
     * @return the factory, or empty if none was set
     */
    public Optional<InstanceFactory> instanceFactory() {
        return Optional.ofNullable(instanceFactory);
    }

    /**
     * Where the server reports its metrics.
     *
     * @return the metrics; {@link Metrics#NONE} for none
     */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * The codec of typed messages on routes that name none of their own.
     *
     * @return the codec, or empty if none was set: then the one the class path offers (see {@link Codec})
     */
    public Optional<Codec> codec() {
        return Optional.ofNullable(codec);
    }

    /**
     * The nodes the server's broadcasts reach.
     *
     * @return the cluster; {@link Cluster#local()} for this server alone
     */
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public String toString() {
        return "ServerSettings[sendQueueLimits=" + sendQueueLimits + ", heartbeat=" + heartbeat + ", idleTimeout="
                + idleTimeout + ", maxMessageBytes=" + maxMessageBytes
                + ", maxStreamBytes=" + maxStreamBytes + ", allowedOrigins=" + allowedOrigins
                + ", maxSessions=" + maxSessions + ", shutdownTimeout=" + shutdownTimeout
                + (instanceFactory != null ? ", instanceFactory=" + instanceFactory : "")
                + ", metrics=" + metrics + (codec != null ? ", codec=" + codec : "") + ", cluster=" + cluster + "]";
    }

    /**
     * Makes {@link ServerSettings}; each setter documents its setting and default.
     */
    public static final class Builder extends SettingsBuilder<Builder> {

        private Builder() {
        }

        /**
         * The settings as set.
         *
         * @return the settings
         */
        public ServerSettings build() {
            return toSettings();
        }
    }
}
