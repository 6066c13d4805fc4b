package dev.switchboard;

import java.time.Duration;

/**
 * Server pings that find dead peers and keep quiet connections open through proxies: every
 * {@code interval} the server pings each session; a session that does not answer with a pong within
 * {@code timeout} is closed with cause {@link CloseCause#HEARTBEAT_TIMEOUT}. Pongs still reach the route's
 * {@link OnPong} handler.
 *
 * <p>A session's first ping comes one interval after it opened, never sooner, and up to half an interval later: at
 * a point drawn at random, so that sessions opened together (clients coming back after a restart) are not all
 * pinged at the same moment. Its later pings follow one interval apart. To keep connections open through a proxy
 * that cuts quiet ones, choose an interval whose one and a half are below the proxy's idle timeout (the default's
 * are 45 seconds, below the 60 seconds nginx waits by default).
 *
 * @param interval how often to ping; {@link Duration#ZERO} turns heartbeats off
 * @param timeout  how long to wait for the pong
 */
public record Heartbeat(Duration interval, Duration timeout) {

    /** No heartbeat pings. */
    public static final Heartbeat OFF = new Heartbeat(Duration.ZERO, Duration.ZERO);

    /** The default: a ping every 30 seconds, answered within 30 seconds. */
    public static final Heartbeat DEFAULT = every(Duration.ofSeconds(30));

    /**
     * Checks the durations.
     *
     * @param interval how often to ping
     * @param timeout  how long to wait for the pong
     */
    public Heartbeat {
        if (interval == null || interval.isNegative() || timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("Heartbeat durations must be zero or positive: " + interval + ", " + timeout);
        }
        if (!interval.isZero() && timeout.isZero()) {
            throw new IllegalArgumentException("A heartbeat needs a timeout for the pong");
        }
    }

    /**
     * A ping every interval, answered within the same time.
     *
     * @param interval how often to ping, and how long to wait for the pong
     * @return the heartbeat
     */
    public static Heartbeat every(Duration interval) {
        return new Heartbeat(interval, interval);
    }

    /**
     * Whether pings are sent.
     *
     * @return {@code false} for {@link #OFF}
     */
    public boolean enabled() {
        return !interval.isZero();
    }
}
