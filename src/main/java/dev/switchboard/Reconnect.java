package dev.switchboard;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how a client connects again after its connection ended or an attempt failed
 * ({@link WebSocketConnector#reconnect(Reconnect)}); {@link #OFF} by default.
 *
 * <p>The delays: exponential backoff with full jitter, a random delay between zero and {@code firstDelay * 2^n}
 * (at most {@code maxDelay}) before the n-th attempt in a row that follows a failure or a lost connection. A
 * server's close with 1001 (Going Away, a server stopping or restarting), 1012 (Service Restart) or 1013 (Try Again
 * Later) is followed by a prompt attempt, after a random delay below {@code firstDelay}, so that the clients of a
 * restarted server do not all come back at the same moment. A refusal with 503 (Service Unavailable, a draining
 * Switchboard) or 429 that carries {@code Retry-After} is retried no sooner than it says.
 *
 * <p>Never retried, unless {@link WebSocketConnector#refreshHeaders} supplies new headers (a refreshed token): a
 * refusal with 401 or 403, and a close with 1008 (Policy Violation) or 1003 (Unsupported Data). Other refusals with
 * a 4xx status are not retried either: the request itself is wrong.
 *
 * <p>Writes while the client reconnects fail with a {@link SessionClosedException}, unless
 * {@link #queueWhileReconnecting()} holds them, within the client's send-queue limits, for the next connection.
 */
public final class Reconnect {

    /** No reconnection: the client ends with its first connection, or its first failed attempt. */
    public static final Reconnect OFF = new Reconnect(false, Duration.ZERO, Duration.ZERO, 0, false);

    private final boolean enabled;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final boolean queueWhileReconnecting;

    private Reconnect(boolean enabled, Duration firstDelay, Duration maxDelay, int maxAttempts,
                      boolean queueWhileReconnecting) {
        this.enabled = enabled;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.queueWhileReconnecting = queueWhileReconnecting;
    }

    /**
     * Reconnection with the default backoff: from 250 milliseconds up to 30 seconds, without end.
     *
     * @return the setting
     */
    public static Reconnect withBackoff() {
        return withBackoff(Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    /**
     * Reconnection with a backoff between these delays, without end.
     *
     * @param firstDelay the largest delay before the first attempt after a failure (positive)
     * @param maxDelay   the largest delay of all (at least {@code firstDelay})
     * @return the setting
     */
    public static Reconnect withBackoff(Duration firstDelay, Duration maxDelay) {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Reconnect delays need 0 < firstDelay <= maxDelay, were " + firstDelay
                    + " and " + maxDelay);
        }
        return new Reconnect(true, firstDelay, maxDelay, 0, false);
    }

    /**
     * The same, giving up after this many failed attempts in a row (a connection that opens starts the count
     * again).
     *
     * @param attempts the most attempts in a row, at least 1; 0 for no end
     * @return the setting
     */
    public Reconnect maxAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (no end) or more, was " + attempts);
        }
        return new Reconnect(enabled, firstDelay, maxDelay, attempts, queueWhileReconnecting);
    }

    /**
     * The same, holding writes made while the client reconnects for the next connection, in order and within the
     * client's send-queue limits (beyond them a write fails with {@link SendOverflowException}); they are sent
     * after that connection's {@code @OnConnected}. They fail if the client closes or gives up.
     *
     * @return the setting
     */
    public Reconnect queueWhileReconnecting() {
        return new Reconnect(enabled, firstDelay, maxDelay, maxAttempts, true);
    }

    /**
     * Whether the client reconnects.
     *
     * @return {@code false} for {@link #OFF}
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The largest delay before the first attempt after a failure, and before a prompt attempt.
     *
     * @return the delay
     */
    public Duration firstDelay() {
        return firstDelay;
    }

    /**
     * The largest delay of all.
     *
     * @return the delay
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The most failed attempts in a row before the client gives up.
     *
     * @return the number, or 0 for no end
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Whether writes made while reconnecting wait for the next connection, rather than fail.
     *
     * @return {@code true} if they wait
     */
    public boolean queuesWhileReconnecting() {
        return queueWhileReconnecting;
    }

    @Override
    public String toString() {
        return !enabled ? "Reconnect.OFF" : "Reconnect[" + firstDelay + " to " + maxDelay
                + (maxAttempts > 0 ? ", " + maxAttempts + " attempts" : "")
                + (queueWhileReconnecting ? ", queueing writes" : "") + "]";
    }
}
