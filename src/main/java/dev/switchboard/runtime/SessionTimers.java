package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;

import java.util.concurrent.TimeUnit;

/**
 * The clock readings of one session and what its timers call for at a given moment: heartbeat pings and
 * their timeout, the idle timeout, the send timeout, and giving up on a close the host never confirmed (a
 * vanished client never answers a close). Decides only; {@link ConnectionSession} acts.
 */
final class SessionTimers {

    /** What is due. */
    enum Due {
        NOTHING, PING, HEARTBEAT_TIMEOUT, IDLE_TIMEOUT, SEND_TIMEOUT, GIVE_UP_CLOSE
    }

    /** How long a close may wait for the host to confirm it before the session is reported disconnected. */
    static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RouteSettings route;
    private volatile long lastActivityNanos = System.nanoTime();
    /** When the client last sent anything: any frame proves it alive, even if its pong waits behind others. */
    private volatile long lastHeardNanos;
    private volatile long closingSinceNanos;
    /** Read and written by the clock thread only. */
    private long pingSentNanos;

    SessionTimers(RouteSettings route) {
        this.route = route;
    }

    /** A message went out. */
    void activity() {
        lastActivityNanos = System.nanoTime();
    }

    /** A message came in. */
    void heard() {
        long now = System.nanoTime();
        lastActivityNanos = now;
        lastHeardNanos = now;
    }

    void pong() {
        lastHeardNanos = System.nanoTime();
    }

    void closing() {
        closingSinceNanos = System.nanoTime();
    }

    /**
     * What is due now; a {@link Due#PING} counts as sent.
     *
     * @param now          the clock reading
     * @param open         whether the session is open
     * @param stalledNanos how long the send in flight has waited for the client
     */
    Due due(long now, boolean open, long stalledNanos) {
        if (!open) {
            long closingSince = closingSinceNanos;
            return closingSince != 0 && now - closingSince > CLOSE_GRACE_NANOS ? Due.GIVE_UP_CLOSE : Due.NOTHING;
        }
        long sendTimeout = route.sendQueueLimits().sendTimeout().toNanos();
        if (sendTimeout > 0 && stalledNanos > sendTimeout) {
            return Due.SEND_TIMEOUT;
        }
        long idle = route.idleTimeout().toNanos();
        if (idle > 0 && now - lastActivityNanos >= idle) {
            return Due.IDLE_TIMEOUT;
        }
        Heartbeat heartbeat = route.heartbeat();
        if (!heartbeat.enabled()) {
            return Due.NOTHING;
        }
        boolean awaitingPong = pingSentNanos != 0 && lastHeardNanos - pingSentNanos < 0;
        if (awaitingPong) {
            return now - pingSentNanos >= heartbeat.timeout().toNanos() ? Due.HEARTBEAT_TIMEOUT : Due.NOTHING;
        }
        if (pingSentNanos == 0 || now - pingSentNanos >= heartbeat.interval().toNanos()) {
            pingSentNanos = now;
            return Due.PING;
        }
        return Due.NOTHING;
    }
}
