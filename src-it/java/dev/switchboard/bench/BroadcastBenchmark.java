package dev.switchboard.bench;

import dev.switchboard.bench.baseline.RawChatEndpoint;
import dev.switchboard.bench.cases.BenchmarkRun;
import dev.switchboard.bench.cases.BroadcastCase;
import dev.switchboard.bench.cases.Settings;
import dev.switchboard.bench.server.BenchHost;
import dev.switchboard.bench.server.BenchServer;
import dev.switchboard.bench.server.Target;

import java.util.List;

/**
 * What Switchboard's broadcast costs on its own host: one publisher and {@code subscribers} subscribers in one
 * chat room of the example {@code ChatRoute} against the baseline's naive loop over raw sessions
 * ({@link RawChatEndpoint}), both served by one {@link BenchServer} in a child JVM. The report gives
 * deliveries/s (messages received by subscribers per second) and the p50 and p99 delivery latencies (receive
 * minus send time, one JVM's clock), with the ratios Switchboard/raw; every subscriber's messages are checked
 * for gaps and order, and a message Switchboard's outbound queue limits drop makes the run invalid.
 *
 * <p>Run it from the project directory with {@code mvn -q test-compile exec:exec@bench-broadcast}; settings go
 * on the same command line, e.g. {@code -Drounds=7 -Dseconds=10 -Dsubscribers=500}. Those it uses (see
 * {@link Settings}) are {@code rounds} (5, per target), {@code warmup} (3 s), {@code seconds} (5),
 * {@code subscribers} (1000), {@code publishWindow} (10 messages), {@code publishRate} (0: as fast as the
 * window allows; else messages per second, still bounded by the window) and {@code size} (64 bytes).
 *
 * <p>Open files: each subscriber holds a socket in this process and one in the server's, which inherits this
 * process's open-files limit. If {@code subscribers} does not fit under it, the benchmark measures fewer and
 * says so; raise the limit in the shell ({@code ulimit -n}).
 *
 * @see EchoBenchmark
 */
public final class BroadcastBenchmark {

    private BroadcastBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        BenchmarkRun.runAndExit("Broadcast benchmark: route against plain endpoint on one Switchboard server",
                run -> {
                    Settings s = run.settings();
                    if (s.publishWindow() >= 1024 || (long) s.publishWindow() * s.size() > 4L << 20) {
                        System.out.println("Note: a window this large can overflow Switchboard's default outbound"
                                + " queue (1,024 messages / 4 MiB per session): drops are counted and make the"
                                + " run invalid.");
                    }
                    BenchHost host = run.startServer("server", BenchServer.class, List.of());
                    return List.of(BroadcastCase.deliveriesWithLatencies("broadcast", run,
                            List.of(Target.switchboard(host), Target.baseline("raw", host))));
                });
    }
}
