package dev.switchboard.bench.cases;

import dev.switchboard.bench.load.Connections;
import dev.switchboard.bench.load.CpuMeter;
import dev.switchboard.bench.load.HeartbeatConnection;
import dev.switchboard.bench.load.LoadEvents;
import dev.switchboard.bench.load.NioClient;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.Round;
import dev.switchboard.bench.report.Rounds;
import dev.switchboard.bench.server.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat case, Switchboard alone (Tyrus has no heartbeat): do connections opened together get their first
 * ping together? It opens the idle connections as the connect case does (the same {@link Connections#open}, as
 * many at once), on a server whose heartbeat interval is short enough for a round to take well under a minute,
 * keeps them open until each one's first ping has arrived (at most one and a half intervals after its open, plus a
 * tick of the server's clock and a margin), and notes at this end when each connection opened and when its first
 * ping came; the socket answers every ping with its pong.
 *
 * <p>The server's clock ticks at a quarter of the shortest timer of its routes, between 10 ms and 1 s (the
 * benchmark server's are the heartbeat's interval and pong timeout, and the 60 s send timeout), and a tick pings
 * every session whose ping fell due since the last one, all in a few tens of milliseconds. So the figure is the
 * most first pings that arrived within one tick (counted in a sliding window of half a tick, see
 * {@link #figures}), as a share of the connections, against what an even spread would give: the first pings
 * spread evenly over every moment the heartbeat allows, from the first open plus an interval to the last open plus
 * one and a half, put one tick's length of that span into each tick.
 *
 * <p>The goal bounds that ratio. With opens that take O and first pings spread at random over the half interval
 * H after the first interval, the busiest tick holds about {@code (O + H) / max(O, H)} times the even share; a
 * heartbeat without the spread pings each session one interval after its open, so its busiest tick holds all
 * that opened within one tick, {@code (O + H) / max(O, tick)} times it. Only a half interval well above the
 * opening time tells them apart, hence the default of 20 s (H = 10 s against 2.5 to 5.5 s to open 10,000 here):
 * the spread gives about 1.3 to 1.6, no spread about 3 to 5, and the goal is 2.
 */
public final class HeartbeatCase {

    /** The most first pings in one tick, at most this many times what an even spread puts in one. */
    static final double GOAL_OVER_EVEN = 2.0;

    /** The clock's tick bounds, as the server's clock takes them. */
    private static final long FASTEST_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SLOWEST_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * The benchmark server's send timeout (the default), its other timer; a host's own timers on the clock (a
     * handshake timeout of 10 s) are too long to make it tick faster than a heartbeat of 4 s or more does.
     */
    private static final long SEND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How long past its latest moment a first ping may still arrive: the server's work and the way here. */
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * What a round measured.
     *
     * @param mostInOneTickPercent the most first pings that arrived within one tick's length, % of the connections
     * @param evenPercent          what an even spread over the span the heartbeat allows puts in one tick, %
     * @param firstToLastSeconds   from the first first ping to the last
     * @param openingSeconds       from the first connection's 101 to the last one's
     * @param earliestAfterOpen    the shortest time from a connection's open to its first ping, in intervals
     * @param latestAfterOpen      the longest, in intervals
     * @param connections          the connections that opened
     */
    record Figures(double mostInOneTickPercent, double evenPercent, double firstToLastSeconds,
                   double openingSeconds, double earliestAfterOpen, double latestAfterOpen, int connections) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d opened in %.3f s; most first pings in one tick %.1f%% (even"
                            + " spread %.1f%%), first to last %.2f s, %.2f-%.2f intervals after the open",
                    connections, openingSeconds, mostInOneTickPercent, evenPercent, firstToLastSeconds,
                    earliestAfterOpen, latestAfterOpen);
        }
    }

    private HeartbeatCase() {
    }

    /**
     * Runs the rounds.
     *
     * @param label  the row's number and name, e.g. "8 heartbeat"
     * @param target a Switchboard server whose heartbeat interval is the settings' {@code heartbeat}
     */
    public static CaseResult<Figures> run(String label, BenchmarkRun run, Target target) {
        Settings settings = run.settings();
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMillis());
        long tickNanos = clockTick(intervalNanos);
        int count = settings.idleConnections();
        List<Round<Figures>> rounds = Rounds.alternate(label, List.of(target), settings.heartbeatRounds(), false,
                t -> round(t, count, intervalNanos, tickNanos, run.client()));
        String title = String.format(Locale.ROOT, "%s: %,d conns opened together, %s s interval: most first"
                + " pings in one %s s tick", label, count, seconds(intervalNanos), seconds(tickNanos));
        return new CaseResult<>(label, Target.names(List.of(target)), rounds, List.of(
                new Metric<>(title, "% of conns", "%,.1f", Goal.ratioAtMost(GOAL_OVER_EVEN),
                        Figures::mostInOneTickPercent).against("even spread", Figures::evenPercent),
                new Metric<Figures>("  first to last first ping", "s", "%,.2f", Goal.NONE,
                        Figures::firstToLastSeconds).withoutCpu()));
    }

    /** The server clock's period for the benchmark server's timers: a quarter of the shortest, 10 ms to 1 s. */
    static long clockTick(long heartbeatIntervalNanos) {
        long shortest = Math.min(heartbeatIntervalNanos, SEND_TIMEOUT_NANOS);
        return Math.max(FASTEST_TICK_NANOS, Math.min(SLOWEST_TICK_NANOS, shortest / 4));
    }

    /**
     * The most of the sorted times that lie within any window of the given length, {@code [t, t + length)}.
     */
    static int mostWithin(long[] sortedNanos, long lengthNanos) {
        int most = 0;
        int from = 0;
        for (int to = 0; to < sortedNanos.length; to++) {
            while (sortedNanos[to] - sortedNanos[from] >= lengthNanos) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private static Round<Figures> round(Target target, int count, long intervalNanos, long tickNanos,
                                        NioClient client) {
        LoadEvents events = new LoadEvents();
        List<String> problems = new ArrayList<>();
        List<HeartbeatConnection> open = List.of();
        Figures figures = null;
        CpuMeter.Usage generator = CpuMeter.Usage.UNKNOWN;
        CpuMeter.Usage server = CpuMeter.Usage.UNKNOWN;
        try {
            List<HeartbeatConnection> connections = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connections.add(new HeartbeatConnection(i, events));
            }
            open = Connections.open(client, target.echo(), connections, events, problems);
            long[] opened = open.stream().mapToLong(HeartbeatConnection::openedNanos).sorted().toArray();
            // Every first ping is due by the last open plus one and a half intervals, and goes out at the next tick.
            long deadline = opened[opened.length - 1] + intervalNanos * 3 / 2 + tickNanos + MARGIN_NANOS;
            CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
            CpuMeter.Snapshot serverCpu = target.host().cpu();
            long start = System.nanoTime();
            Connections.awaitAll(open.stream().map(HeartbeatConnection::firstPing).toList(),
                    Duration.ofNanos(Math.max(0, deadline - start)));
            long elapsed = System.nanoTime() - start;
            generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
            server = serverCpu.until(target.host().cpu(), elapsed);
            figures = figures(open, opened, intervalNanos, tickNanos, problems);
        } catch (RuntimeException e) {
            problems.add("the round failed: " + e);
        } finally {
            Connections.closeAll(open, problems);
            events.addProblems(problems, "messages arrived on idle connections");
        }
        return new Round<>(target.name(), figures, generator, server, List.copyOf(problems));
    }

    /**
     * The round's figures from the pings that arrived; a connection with no first ping in time, or one pinged
     * clearly sooner than an interval after its open, is a problem.
     *
     * @param opened the connections' open times, sorted
     */
    private static Figures figures(List<HeartbeatConnection> open, long[] opened, long intervalNanos, long tickNanos,
                                   List<String> problems) {
        List<Long> arrivals = new ArrayList<>();
        int missing = 0;
        int tooSoon = 0;
        double earliest = Double.MAX_VALUE;
        double latest = 0;
        // The 101 reaches this end a little after the server opened the session: allow a tenth of an interval.
        long soonest = intervalNanos - intervalNanos / 10;
        for (HeartbeatConnection connection : open) {
            Long pinged = connection.firstPing().getNow(null);
            if (pinged == null) {
                missing++;
                continue;
            }
            arrivals.add(pinged);
            long after = pinged - connection.openedNanos();
            if (after < soonest) {
                tooSoon++;
            }
            earliest = Math.min(earliest, (double) after / intervalNanos);
            latest = Math.max(latest, (double) after / intervalNanos);
        }
        if (missing > 0) {
            problems.add(missing + " of " + open.size() + " connections got no ping within one and a half intervals"
                    + " and a tick of their open");
        }
        if (tooSoon > 0) {
            problems.add(tooSoon + " connections got their first ping sooner than an interval after their open");
        }
        if (arrivals.isEmpty()) {
            return null;
        }
        long[] sorted = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        long openingNanos = opened[opened.length - 1] - opened[0];
        // An even spread over every moment the heartbeat allows a first ping: first open + interval to last open
        // + 1.5 intervals.
        double evenShare = Math.min(1.0, (double) tickNanos / (openingNanos + intervalNanos / 2));
        // A tick's pings go out together, in a small part of the tick (tens of milliseconds here), and the next
        // tick's a tick later: a window of half a tick holds all of one tick's and never two ticks'. A window of a
        // whole tick would, whenever a tick ran a little late or sent its pings unevenly, add the head of one
        // tick's pings to the tail of the previous tick's.
        return new Figures(100.0 * mostWithin(sorted, tickNanos / 2) / open.size(), 100.0 * evenShare,
                (sorted[sorted.length - 1] - sorted[0]) / 1e9, openingNanos / 1e9, earliest, latest, open.size());
    }

    private static String seconds(long nanos) {
        double seconds = nanos / 1e9;
        return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f", seconds)
                : String.format(Locale.ROOT, "%s", seconds);
    }
}
