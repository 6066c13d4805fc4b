package dev.switchboard.bench;

import dev.switchboard.bench.baseline.RawEchoEndpoint;
import dev.switchboard.bench.baseline.RawJsonEchoEndpoint;
import dev.switchboard.bench.cases.BenchmarkRun;
import dev.switchboard.bench.cases.CaseChoice;
import dev.switchboard.bench.cases.EchoCases;
import dev.switchboard.bench.cases.Settings;
import dev.switchboard.bench.json.TradeEchoRoute;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.server.BenchHost;
import dev.switchboard.bench.server.BenchServer;
import dev.switchboard.bench.server.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Switchboard's route layer costs on its own host, both targets served by one {@link BenchServer} in a child
 * JVM, so they share one JVM, one transport and one JIT history. Two cases ({@code -Dcases=} names):
 * <ol>
 *   <li>{@code echo}: the example {@code EchoRoute} against the baseline echo ({@link RawEchoEndpoint});</li>
 *   <li>{@code json}: typed messages, {@link TradeEchoRoute} ({@code @OnText Trade echo(Trade)} through the
 *       route's {@code JacksonCodec}) against the baseline's {@link RawJsonEchoEndpoint}, whose Jackson
 *       {@code Decoder.Text} and {@code Encoder.Text} do the same work the JSR-356 way; the goal is a ratio of at
 *       least 1.0.</li>
 * </ol>
 * Each connection keeps {@code window} texts in flight and sends a new one as each echo arrives; every echo is
 * checked. The report gives messages/s and the p50 and p99 round trips, with the ratios Switchboard/raw.
 *
 * <p>Run it from the project directory with {@code mvn -q test-compile exec:exec@bench}; settings go on the same
 * command line, e.g. {@code -Dcases=json -Drounds=7 -Dseconds=10}. Those it uses (see {@link Settings}) are
 * {@code cases} (both), {@code rounds} (5, per target), {@code warmup} (3 s), {@code seconds} (5),
 * {@code connections} (100), {@code window} (8) and {@code size} (64 bytes, the {@code echo} case's texts; the
 * {@code json} case's are about 200).
 *
 * @see WarEchoBenchmark the same benchmark in a WAR on Tomcat 11
 */
public final class EchoBenchmark {

    /** The cases, by their {@code -Dcases} names, in the table's order. */
    static final List<String> CASES = List.of("echo", "json");

    private EchoBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        BenchmarkRun.runAndExit("Echo benchmark: route against plain endpoint on one Switchboard server", run -> {
            Set<String> cases = CaseChoice.fromProperty(CASES);
            BenchHost host = run.startServer("server", BenchServer.class, List.of());
            return cases(run, cases, List.of(Target.switchboard(host), Target.baseline("raw", host)));
        });
    }

    /** The chosen cases on the targets of one server; {@link WarEchoBenchmark}'s too. */
    static List<CaseResult<?>> cases(BenchmarkRun run, Set<String> cases, List<Target> targets) {
        System.out.println("Cases: " + cases);
        List<CaseResult<?>> results = new ArrayList<>();
        if (cases.contains("echo")) {
            // The route layer costs at most 5% of a plain endpoint's throughput, standalone and in a WAR.
            results.add(EchoCases.echoWithLatencies("echo", Goal.ratioAtLeast(0.95), run, targets));
        }
        if (cases.contains("json")) {
            results.add(EchoCases.jsonEcho("json echo", Goal.ratioAtLeast(1.0), run, targets));
        }
        return results;
    }
}
