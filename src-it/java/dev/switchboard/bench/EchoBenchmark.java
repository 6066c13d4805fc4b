package dev.switchboard.bench;

import dev.switchboard.bench.baseline.RawEchoEndpoint;
import dev.switchboard.bench.cases.BenchmarkRun;
import dev.switchboard.bench.cases.EchoCases;
import dev.switchboard.bench.cases.Settings;
import dev.switchboard.bench.server.BenchHost;
import dev.switchboard.bench.server.BenchServer;
import dev.switchboard.bench.server.Target;

import java.util.List;

/**
 * What Switchboard's route layer costs on its own host: the example {@code EchoRoute} against the baseline
 * echo ({@link RawEchoEndpoint}), both served by one {@link BenchServer} in a child JVM, so the two targets
 * share one JVM, one transport and one JIT history. Each connection keeps {@code window} texts in flight and
 * sends a new one as each echo arrives; the report gives messages/s and the p50 and p99 round trips, with the
 * ratios Switchboard/raw.
 *
 * <p>Run it from the project directory with {@code mvn -q test-compile exec:exec@bench}; settings go on the same
 * command line, e.g. {@code -Drounds=7 -Dseconds=10}. Those it uses (see {@link Settings}) are {@code rounds}
 * (5, per target), {@code warmup} (3 s), {@code seconds} (5), {@code connections} (100), {@code window} (8) and
 * {@code size} (64 bytes).
 *
 * @see WarEchoBenchmark the same benchmark in a WAR on Tomcat 11
 */
public final class EchoBenchmark {

    private EchoBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        BenchmarkRun.runAndExit("Echo benchmark: route against plain endpoint on one Switchboard server", run -> {
            BenchHost host = run.startServer("server", BenchServer.class, List.of());
            return List.of(EchoCases.echoWithLatencies("echo", run,
                    List.of(Target.switchboard(host), Target.baseline("raw", host))));
        });
    }
}
