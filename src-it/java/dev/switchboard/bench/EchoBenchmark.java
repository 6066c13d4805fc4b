package dev.switchboard.bench;

import dev.switchboard.bench.baseline.RawEchoEndpoint;

import java.util.List;
import java.util.Locale;

/**
 * Echo load benchmark: Switchboard's example {@code EchoRoute} against the same echo written as a plain
 * JSR-356 endpoint ({@link RawEchoEndpoint}), both served by one {@link BenchServer} in a child JVM.
 *
 * <p>Run it from the project directory with {@code mvn -q test-compile exec:exec@bench}; settings
 * go on the same command line, e.g. {@code mvn -q test-compile exec:exec@bench -Drounds=7
 * -Dseconds=10}. They are {@code rounds} (5, per target), {@code warmup} (3 s), {@code seconds} (5),
 * {@code connections} (100), {@code window} (8 messages in flight per connection) and {@code size} (64 bytes).
 *
 * <p>Each connection keeps {@code window} text messages outstanding and sends a new one as each echo arrives;
 * the round trip runs from handing a message to the socket to receiving its echo. Rounds alternate between
 * the targets so drift on a shared machine hits both alike; the report gives medians over rounds with their
 * range, the ratios, and the CPU use of the load generator and of the server, in cores, so a reader can tell
 * whether the generator was the bottleneck. Every echo is compared with what was sent; a difference, an
 * error, a connection the server closed, or an echo that never came makes the run invalid (exit code 1).
 *
 * <p>The load generator is {@link NioClient}, on the same machine as the server and not pinned: it tells
 * relative cost. For absolute numbers use the C load generator {@code wsload} against a
 * {@link BenchServer} started by hand, with server and client pinned to different cores.
 *
 * @see WarEchoBenchmark the same benchmark in a WAR on Tomcat 11
 * @see BroadcastBenchmark
 */
public final class EchoBenchmark implements Benchmark.Case<RoundResult> {

    private static final String SWITCHBOARD = "switchboard";
    private static final String RAW = "raw";

    /**
     * The benchmark's settings.
     *
     * @param rounds        rounds per target
     * @param warmupMillis  warm-up of each round
     * @param measureMillis measurement window of each round
     * @param connections   connections per round
     * @param window        messages in flight per connection
     * @param messageSize   bytes per message
     */
    record Settings(int rounds, long warmupMillis, long measureMillis, int connections, int window,
                    int messageSize) {

        static Settings fromSystemProperties() {
            Settings settings = new Settings(
                    Props.intProperty("rounds", 5),
                    Props.millisProperty("warmup", 3),
                    Props.millisProperty("seconds", 5),
                    Props.intProperty("connections", 100),
                    Props.intProperty("window", 8),
                    Props.intProperty("size", 64));
            if (settings.rounds < 1 || settings.measureMillis < 1000 || settings.warmupMillis < 0
                    || settings.connections < 1 || settings.window < 1 || settings.messageSize < 32) {
                throw new IllegalArgumentException("Need rounds >= 1, seconds >= 1, warmup >= 0, connections >= 1,"
                        + " window >= 1 and size >= 32 (room for the id and sequence number); got " + settings);
            }
            return settings;
        }
    }

    private final Settings settings;

    private EchoBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        run("Echo benchmark", Benchmark::startBenchServer);
    }

    /**
     * Runs the benchmark against the server the starter gives, which serves the two echoes at {@code /echo}
     * and {@link RawEchoEndpoint#PATH}, prints the report and exits.
     *
     * @param title what the first line calls the run
     * @param host  starts the server
     */
    static void run(String title, Benchmark.HostStarter host) {
        Settings settings = Settings.fromSystemProperties();
        System.out.printf(Locale.ROOT, "%s: %d connections x %d in flight x %d-byte text, "
                        + "%d rounds per target of %.1f s warm-up + %.1f s measured; %d cores here%n",
                title, settings.connections(), settings.window(), settings.messageSize(), settings.rounds(),
                settings.warmupMillis() / 1000.0, settings.measureMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors());
        Benchmark.runAndExit(settings.rounds(), new EchoBenchmark(settings), host);
    }

    @Override
    public List<String> targets() {
        return List.of(SWITCHBOARD, RAW);
    }

    /** The first rounds would otherwise pay alone for the server's JIT compilation. */
    @Override
    public boolean warmupRound() {
        return true;
    }

    @Override
    public RoundResult round(String target, BenchHost server, NioClient client) {
        String path = target.equals(SWITCHBOARD) ? "/echo" : RawEchoEndpoint.PATH;
        return new LoadRun(target, server.uri(path), client, settings, server).run();
    }

    @Override
    public void printRound(int round, RoundResult r) {
        System.out.printf(Locale.ROOT, "round %d %-11s %,7.0f msg/s  p50 %,7.0f us  p99 %,7.0f us  max %,8.0f us"
                        + "  slowest second %,7d msg  slowest connection %,5.0f msg/s  %s%n"
                        + "        CPU cores: generator %s, server %s%n",
                round, r.target(), r.messagesPerSecond(), r.p50Micros(), r.p99Micros(), r.maxMicros(),
                r.minSecondRate(), r.minConnectionRate(), r.valid() ? "ok" : "INVALID", r.generator(), r.server());
    }

    @Override
    public List<Report.Column<RoundResult>> columns() {
        return List.of(
                new Report.Column<>("messages/s", "throughput", RoundResult::messagesPerSecond, "%,.0f"),
                new Report.Column<>("p50 round trip (us)", "p50", RoundResult::p50Micros, "%,.0f"),
                new Report.Column<>("p99 round trip (us)", "p99", RoundResult::p99Micros, "%,.0f"));
    }

    @Override
    public String validMessage() {
        return "every echo matched, no errors, no lost or unanswered messages.";
    }
}
