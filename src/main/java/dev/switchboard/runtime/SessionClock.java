package dev.switchboard.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One thread per server that runs every open session's timers ({@link ConnectionSession#tick(long)}) at a
 * period a quarter of the shortest timer its routes use: one sweep over the sessions costs far less than a
 * scheduled task per session and timer.
 */
final class SessionClock {

    private static final System.Logger LOG = System.getLogger(SessionClock.class.getName());
    private static final long SLOWEST_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long FASTEST_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Collection<ConnectionSession> sessions;
    private final ServerThreads threads = new ServerThreads("switchboard-clock");
    private final List<Runnable> hostChecks = new CopyOnWriteArrayList<>();
    private long periodNanos = SLOWEST_NANOS;
    private ScheduledExecutorService timer;

    SessionClock(Collection<ConnectionSession> sessions) {
        this.sessions = sessions;
    }

    /** Makes the clock tick often enough for a route's timers; call before the clock starts. */
    synchronized void serve(RouteSettings route) {
        for (Duration timer : new Duration[]{route.heartbeat().interval(), route.heartbeat().timeout(),
                route.idleTimeout(), route.sendQueueLimits().sendTimeout()}) {
            serve(timer);
        }
    }

    private void serve(Duration timer) {
        if (!timer.isZero()) {
            periodNanos = Math.max(FASTEST_NANOS, Math.min(periodNanos, timer.toNanos() / 4));
        }
    }

    /**
     * Runs a host's own check on every tick from now on, often enough for its timer, and starts ticking; call it
     * before any session opens, while the period may still change.
     */
    synchronized void everyTick(Runnable check, Duration timer) {
        serve(timer);
        hostChecks.add(check);
        start();
    }

    /** Starts ticking, if not yet. */
    synchronized void start() {
        if (timer == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
            executor.setRemoveOnCancelPolicy(true);
            executor.scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
            timer = executor;
        }
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            threads.awaitEnd(1, TimeUnit.SECONDS);
            timer = null;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        int pings = 0;
        for (ConnectionSession session : sessions) {
            try {
                if (session.tick(now) == SessionTimers.Due.PING) {
                    pings++;
                }
            } catch (RuntimeException e) {
                // One session's failure must not stop the clock for the others.
                LOG.log(System.Logger.Level.WARNING, "Timer of " + session + " failed", e);
            }
        }
        for (Runnable check : hostChecks) {
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A host's check on the clock failed", e);
            }
        }
        if (pings > 0 && LOG.isLoggable(System.Logger.Level.TRACE)) {
            // Shows whether heartbeats stampede: how many of the sessions one tick pinged.
            LOG.log(System.Logger.Level.TRACE, "Heartbeat pings: " + pings + " of " + sessions.size() + " sessions");
        }
    }
}
