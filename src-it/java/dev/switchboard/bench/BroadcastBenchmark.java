package dev.switchboard.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.switchboard.bench.baseline.RawChatEndpoint;
import dev.switchboard.example.ChatRoute;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Broadcast load benchmark: one publisher and {@code subscribers} subscribers in one chat room, against
 * Switchboard's example {@link ChatRoute} at {@code /chat/bench} and the naive JSR-356 loop of
 * {@link RawChatEndpoint} at {@code /raw-chat/bench}, both served with default settings by one
 * {@link BenchServer} in a child JVM, rounds alternating between them.
 *
 * <p>Run it from the project directory with {@code mvn -q test-compile exec:exec@bench-broadcast}; settings go
 * on the same command line, e.g. {@code -Drounds=7 -Dseconds=10 -Dsubscribers=500}. They are {@code rounds}
 * (5, per target), {@code warmup} (3 s), {@code seconds} (5), {@code subscribers} (1000), {@code publishWindow}
 * (10 messages), {@code publishRate} (0: as fast as the window allows; else messages per second, still
 * bounded by the window) and {@code size} (64 bytes).
 *
 * <p>The publisher keeps at most {@code publishWindow} messages published and not yet received by every
 * subscriber (see {@link PublishWindow}). Each message carries its sequence number and the time it was handed
 * to the socket; each subscriber records the delivery latency (receive minus send time, one JVM's clock)
 * and checks order and gaps. The server relays every message to the publisher too (the room has
 * {@code subscribers + 1} members, for both targets): that copy is checked, not counted. The report gives
 * per target deliveries/s (messages received by subscribers per second), p50 and p99 delivery latency, gaps,
 * out-of-order messages and the messages the server's outbound queue limits dropped (Switchboard counts them;
 * the raw endpoint has no limit and counts nothing), with the CPU of generator and server; medians over
 * rounds with ranges; then the ratios Switchboard/raw.
 *
 * <p>Before the counted rounds, one round per target warms the server up and is not counted. The window
 * keeps the measurement in the steady state: no subscriber ever has more than
 * {@code publishWindow} messages pending, far below Switchboard's default outbound queue of 1,024 messages
 * or 4 MiB per session, whose overflow fails the send. A drop, gap, reordering, error or unexpected close
 * makes the run invalid (exit code 1).
 *
 * <p>Open files: each subscriber holds a socket in this process and one in the server's, which inherits this
 * process's open-files limit. A JVM cannot raise it, so if {@code subscribers} does not fit under it with some
 * headroom, the benchmark lowers it and says so; raise the limit in the shell ({@code ulimit -n}) instead.
 *
 * <p>The load generator is {@link NioClient}, on the same machine and not pinned: it tells relative cost. For absolute numbers use {@code wsload -m broadcast} against a {@link BenchServer}
 * started by hand, with server and client pinned to different cores.
 *
 * @see EchoBenchmark
 */
public final class BroadcastBenchmark implements Benchmark.Case<BroadcastRound> {

    private static final String SWITCHBOARD = "switchboard";
    private static final String RAW = "raw";
    private static final String ROOM = "bench";
    /** Files besides the sockets: class path jars, selectors, pipes, logs. */
    private static final int FILES_HEADROOM = 150;

    /**
     * The benchmark's settings.
     *
     * @param rounds        rounds per target
     * @param warmupMillis  warm-up of each round
     * @param measureMillis measurement window of each round
     * @param subscribers   subscribers in the room
     * @param window        messages published and not yet received by every subscriber, at most
     * @param rate          messages published per second, 0 for as fast as the window allows
     * @param messageSize   bytes per message
     */
    record Settings(int rounds, long warmupMillis, long measureMillis, int subscribers, int window, double rate,
                    int messageSize) {

        static Settings fromSystemProperties() {
            Settings settings = new Settings(
                    Props.intProperty("rounds", 5),
                    Props.millisProperty("warmup", 3),
                    Props.millisProperty("seconds", 5),
                    Props.intProperty("subscribers", 1000),
                    Props.intProperty("publishWindow", 10),
                    Props.doubleProperty("publishRate", 0),
                    Props.intProperty("size", 64));
            if (settings.rounds < 1 || settings.measureMillis < 1000 || settings.warmupMillis < 0
                    || settings.subscribers < 1 || settings.window < 1 || settings.rate < 0
                    || settings.messageSize < 40) {
                throw new IllegalArgumentException("Need rounds >= 1, seconds >= 1, warmup >= 0, subscribers >= 1,"
                        + " publishWindow >= 1, publishRate >= 0 and size >= 40 (room for the sequence number and"
                        + " the send time); got " + settings);
            }
            return settings;
        }

        /** These settings with no more subscribers than the open-files limit leaves room for. */
        Settings fittingOpenFiles() {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (!(os instanceof UnixOperatingSystemMXBean unix)) {
                return this;
            }
            long limit = unix.getMaxFileDescriptorCount();
            long open = unix.getOpenFileDescriptorCount();
            long fit = limit - Math.max(open, 0) - FILES_HEADROOM - 1; // the publisher's socket
            System.out.printf(Locale.ROOT, "Open-files limit %,d (%,d in use here); the server inherits it.%n",
                    limit, open);
            if (subscribers <= fit) {
                return this;
            }
            if (fit < 1) {
                throw new IllegalStateException("The open-files limit of " + limit + " leaves no room for sockets;"
                        + " raise it with ulimit -n");
            }
            System.out.printf(Locale.ROOT, "Note: %,d subscribers do not fit under it with %d files of headroom:"
                            + " measuring %,d. Raise it in the shell (ulimit -n) for more.%n",
                    subscribers, FILES_HEADROOM, fit);
            return new Settings(rounds, warmupMillis, measureMillis, (int) fit, window, rate, messageSize);
        }
    }

    private final Settings settings;

    private BroadcastBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        Settings settings = Settings.fromSystemProperties().fittingOpenFiles();
        System.out.printf(Locale.ROOT, "Broadcast benchmark: 1 publisher + %,d subscribers in one room, %s,"
                        + " %d-byte text, %d rounds per target of %.1f s warm-up + %.1f s measured; %d cores here%n",
                settings.subscribers(),
                (settings.rate() > 0 ? String.format(Locale.ROOT, "%.0f msg/s", settings.rate()) : "as fast as")
                        + " a window of " + settings.window() + " undelivered messages allows",
                settings.messageSize(), settings.rounds(), settings.warmupMillis() / 1000.0,
                settings.measureMillis() / 1000.0, Runtime.getRuntime().availableProcessors());
        if (settings.window() >= 1024 || (long) settings.window() * settings.messageSize() > 4L << 20) {
            System.out.println("Note: a window this large can overflow Switchboard's default outbound queue"
                    + " (1,024 messages / 4 MiB per session): drops are counted and make the run invalid.");
        }
        Benchmark.runAndExit(settings.rounds(), new BroadcastBenchmark(settings));
    }

    /** Yes: the first round meets a cold server, whose first second with a thousand connections is slow. */
    @Override
    public boolean warmupRound() {
        return true;
    }

    @Override
    public List<String> targets() {
        return List.of(SWITCHBOARD, RAW);
    }

    @Override
    public BroadcastRound round(String target, BenchHost server, NioClient client) {
        boolean switchboard = target.equals(SWITCHBOARD);
        URI uri = server.uri((switchboard ? "/chat/" : RawChatEndpoint.PATH.replace("{room}", "")) + ROOM);
        return new BroadcastRun(target, uri, switchboard, client, settings, server).run();
    }

    @Override
    public void printRound(int round, BroadcastRound r) {
        System.out.printf(Locale.ROOT, "round %d %-11s %,9.0f deliveries/s (%,6.0f msg/s x %,d)  p50 %,7.0f us"
                        + "  p99 %,7.0f us  max %,8.0f us  slowest second %,9d  slowest subscriber %,5.0f msg/s"
                        + "  gaps %d  out of order %d  server drops %s  %s%n"
                        + "        CPU cores: generator %s, server %s%n",
                round, r.target(), r.deliveriesPerSecond(), r.publishedPerSecond(), r.subscribers(), r.p50Micros(),
                r.p99Micros(), r.maxMicros(), r.minSecondRate(), r.minSubscriberRate(), r.gaps(), r.outOfOrder(),
                r.serverDropped() < 0 ? "n/a" : Long.toString(r.serverDropped()), r.valid() ? "ok" : "INVALID",
                r.generator(), r.server());
    }

    @Override
    public List<Report.Column<BroadcastRound>> columns() {
        return List.of(
                new Report.Column<>("deliveries/s", "deliveries/s", BroadcastRound::deliveriesPerSecond, "%,.0f"),
                new Report.Column<>("p50 delivery (us)", "p50", BroadcastRound::p50Micros, "%,.0f"),
                new Report.Column<>("p99 delivery (us)", "p99", BroadcastRound::p99Micros, "%,.0f"),
                new Report.Column<>("gaps", null, BroadcastRound::gaps, "%,.0f"),
                new Report.Column<>("out of order", null, BroadcastRound::outOfOrder, "%,.0f"),
                new Report.Column<>("server drops", null, BroadcastRound::serverDropped, "%,.0f"));
    }

    @Override
    public String validMessage() {
        return "every subscriber got every message once, in order, unchanged in length; no drops, errors or"
                + " unexpected closes.";
    }
}
