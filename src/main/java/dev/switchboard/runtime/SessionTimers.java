package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;

import java.util.concurrent.ThreadLocalRandom;
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
    private volatile long lastActivityNanos;
    /** When the client last sent anything: any frame proves it alive, even if its pong waits behind others. */
    private volatile long lastHeardNanos;
    private volatile long closingSinceNanos;
    /** Read and written by the clock thread only, once the session is open. */
    private long pingSentNanos;
    /** Likewise; set first by the constructor, which the registry publishes to the clock thread. */
    private long nextPingNanos;

    /** The timers of a session that opens now, its first ping at a random point of the spread. */
    SessionTimers(RouteSettings route) {
        this(route, System.nanoTime(), ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param openedNanos when the session opened
     * @param pingPhase   where in the spread of first pings this session's comes, from 0 (earliest) to 1
     */
    SessionTimers(RouteSettings route, long openedNanos, double pingPhase) {
        this.route = route;
        this.lastActivityNanos = openedNanos;
        this.nextPingNanos = openedNanos + firstPingDelay(route.heartbeat().interval().toNanos(), pingPhase);
    }

    /**
     * When the first ping is due after the open: one interval, and up to half an interval more. Never sooner, since
     * a client that just connected does not expect a ping; spread, so that sessions opened together (10,000 clients
     * coming back after a restart) are not all pinged in one tick of the clock, nor in step ever after, since later
     * pings keep the interval from the first. The latest, one and a half intervals, is the longest a quiet
     * connection waits for a ping ({@link Heartbeat} says so).
     */
    static long firstPingDelay(long intervalNanos, double pingPhase) {
        return intervalNanos + (long) (intervalNanos / 2 * pingPhase);
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
        if (now - nextPingNanos >= 0) {
            pingSentNanos = now;
            nextPingNanos = now + heartbeat.interval().toNanos();
            return Due.PING;
        }
        return Due.NOTHING;
    }
}
