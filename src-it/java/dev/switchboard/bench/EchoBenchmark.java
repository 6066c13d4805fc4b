package dev.switchboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

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
 * <p>The load generator is the JDK's {@link java.net.http.WebSocket}, on the same machine as the server and
 * not pinned: it tells relative cost. For absolute numbers use the C load generator {@code wsload} against a
 * {@link BenchServer} started by hand, with server and client pinned to different cores.
 */
public final class EchoBenchmark {

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
                    intProperty("rounds", 5),
                    Math.round(doubleProperty("warmup", 3) * 1000),
                    Math.round(doubleProperty("seconds", 5) * 1000),
                    intProperty("connections", 100),
                    intProperty("window", 8),
                    intProperty("size", 64));
            if (settings.rounds < 1 || settings.measureMillis < 1000 || settings.warmupMillis < 0
                    || settings.connections < 1 || settings.window < 1 || settings.messageSize < 32) {
                throw new IllegalArgumentException("Need rounds >= 1, seconds >= 1, warmup >= 0, connections >= 1,"
                        + " window >= 1 and size >= 32 (room for the id and sequence number); got " + settings);
            }
            return settings;
        }
    }

    private EchoBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     * @throws IOException if the server cannot be started
     */
    public static void main(String[] args) {
        Settings settings = Settings.fromSystemProperties();
        System.out.printf(Locale.ROOT, "Echo benchmark: %d connections x %d in flight x %d-byte text, "
                        + "%d rounds per target of %.1f s warm-up + %.1f s measured; %d cores here%n",
                settings.connections(), settings.window(), settings.messageSize(), settings.rounds(),
                settings.warmupMillis() / 1000.0, settings.measureMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors());
        int exitCode;
        try {
            exitCode = run(settings) ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            exitCode = 2;
        }
        // The HTTP client's threads must not keep this JVM, and so Maven, waiting.
        System.exit(exitCode);
    }

    /** Runs every round against a fresh server and prints the report; returns whether the run is valid. */
    private static boolean run(Settings settings) throws IOException {
        ServerProcess server = ServerProcess.start("1g", 60);
        // Whatever way this JVM ends, the child must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "bench-server-killer"));
        List<RoundResult> results = new ArrayList<>();
        try {
            System.out.println("Server pid " + server.pid() + " on 127.0.0.1:" + server.port());
            HttpClient client = HttpClient.newHttpClient();
            for (int round = 1; round <= settings.rounds(); round++) {
                for (String target : List.of(SWITCHBOARD, RAW)) {
                    URI uri = URI.create("ws://127.0.0.1:" + server.port()
                            + (target.equals(SWITCHBOARD) ? "/echo" : RawEchoEndpoint.PATH));
                    RoundResult result = new LoadRun(target, uri, client, settings, server).run();
                    results.add(result);
                    printRound(round, result);
                }
            }
        } finally {
            server.close();
        }
        List<String> serverTrouble = server.logTrouble();
        boolean valid = report(results, serverTrouble, server.log());
        if (serverTrouble.isEmpty()) {
            server.deleteLog();
        }
        return valid;
    }

    private static void printRound(int round, RoundResult r) {
        System.out.printf(Locale.ROOT, "round %d %-11s %,7.0f msg/s  p50 %,7.0f us  p99 %,7.0f us  max %,8.0f us"
                        + "  slowest second %,7d msg  slowest connection %,5.0f msg/s  %s%n"
                        + "        CPU cores: generator %s, server %s%n",
                round, r.target(), r.messagesPerSecond(), r.p50Micros(), r.p99Micros(), r.maxMicros(),
                r.minSecondRate(), r.minConnectionRate(), r.valid() ? "ok" : "INVALID", r.generator(), r.server());
        for (String problem : r.problems()) {
            System.out.println("    " + problem);
        }
    }

    /** Prints the summary; returns whether the run is valid. */
    private static boolean report(List<RoundResult> results, List<String> serverTrouble, Path serverLog) {
        List<RoundResult> switchboard = results.stream().filter(r -> r.target().equals(SWITCHBOARD)).toList();
        List<RoundResult> raw = results.stream().filter(r -> r.target().equals(RAW)).toList();
        System.out.println();
        System.out.println("Medians over rounds (min-max); CPU in cores, during measurement:");
        System.out.printf(Locale.ROOT, "%-12s %-28s %-24s %-26s %-18s %-18s%n",
                "target", "messages/s", "p50 round trip (us)", "p99 round trip (us)", "generator CPU", "server CPU");
        for (List<RoundResult> rows : List.of(switchboard, raw)) {
            System.out.printf(Locale.ROOT, "%-12s %-28s %-24s %-26s %-18s %-18s%n", rows.get(0).target(),
                    summary(rows, RoundResult::messagesPerSecond, "%,.0f"),
                    summary(rows, RoundResult::p50Micros, "%,.0f"),
                    summary(rows, RoundResult::p99Micros, "%,.0f"),
                    summary(rows, r -> r.generator().cores(), "%.2f"),
                    summary(rows, r -> r.server().cores(), "%.2f"));
        }
        System.out.printf(Locale.ROOT, "switchboard/raw: throughput %.2f, p50 %.2f, p99 %.2f%n",
                ratio(switchboard, raw, RoundResult::messagesPerSecond),
                ratio(switchboard, raw, RoundResult::p50Micros),
                ratio(switchboard, raw, RoundResult::p99Micros));

        double generator = median(results, r -> r.generator().cores());
        double serverCpu = median(results, r -> r.server().cores());
        int cores = Runtime.getRuntime().availableProcessors();
        if (generator + serverCpu > 0.9 * cores) {
            System.out.printf(Locale.ROOT, "Note: generator and server together use %.2f of %d cores: the machine is"
                    + " saturated, and the generator takes %.0f%% of the CPU in use.%n",
                    generator + serverCpu, cores, 100 * generator / (generator + serverCpu));
        }
        if (!serverTrouble.isEmpty()) {
            System.out.println("Note: the server logged " + serverTrouble.size() + " warnings or errors, see "
                    + serverLog + "; the first:");
            serverTrouble.stream().limit(5).forEach(line -> System.out.println("    " + line));
        }
        long invalid = results.stream().filter(r -> !r.valid()).count();
        System.out.println(invalid == 0 ? "VALID: every echo matched, no errors, no lost or unanswered messages."
                : "INVALID: " + invalid + " of " + results.size() + " rounds had problems (listed under each round).");
        return invalid == 0;
    }

    private static String summary(List<RoundResult> rows, ToDoubleFunction<RoundResult> metric, String format) {
        double[] values = rows.stream().mapToDouble(metric).sorted().toArray();
        if (values[0] < 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")",
                median(values), values[0], values[values.length - 1]);
    }

    private static double ratio(List<RoundResult> a, List<RoundResult> b, ToDoubleFunction<RoundResult> metric) {
        return median(a, metric) / median(b, metric);
    }

    private static double median(List<RoundResult> rows, ToDoubleFunction<RoundResult> metric) {
        return median(rows.stream().mapToDouble(metric).sorted().toArray());
    }

    private static double median(double[] sorted) {
        double[] values = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static int intProperty(String name, int fallback) {
        return (int) doubleProperty(name, fallback);
    }

    /** A setting given as a system property (the pom passes its defaults), or the fallback. */
    private static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Double.parseDouble(value.trim());
    }
}
