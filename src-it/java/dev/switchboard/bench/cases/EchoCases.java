package dev.switchboard.bench.cases;

import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.server.Target;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The echo cases, each a series of {@link EchoRun} rounds on the targets' echoes (every echo checked) with
 * another load: many connections and small texts (messages/s), one connection and one small text in flight
 * (p50 round trip), a few connections with large texts (MB/s of echoed payload), and many connections with JSON
 * texts that the targets decode into a record and encode back (messages/s).
 */
public final class EchoCases {

    /** The one-connection latency case: one text of this size in flight. */
    private static final int LATENCY_SIZE = 32;

    private EchoCases() {
    }

    /** Many connections, several small texts in flight each: messages/s. */
    public static CaseResult<EchoRun.Figures> echo(String label, Goal goal, BenchmarkRun run, List<Target> targets) {
        EchoRun.Load load = echoLoad(run.settings());
        return rounds(label, load, run, targets, Target::echo,
                messagesPerSecond(label + ": " + load.describe(), goal));
    }

    /**
     * The load of {@link #echo}, with the p50 and p99 round trips of the same rounds beside the messages/s:
     * under that load they are mostly queueing, which the route layer adds to or not.
     */
    public static CaseResult<EchoRun.Figures> echoWithLatencies(String label, Goal goal, BenchmarkRun run,
                                                                List<Target> targets) {
        EchoRun.Load load = echoLoad(run.settings());
        return rounds(label, load, run, targets, Target::echo,
                messagesPerSecond(label + ": " + load.describe(), goal),
                roundTrip("  p50 round trip", "%,.0f", Goal.NONE, EchoRun.Figures::p50Micros),
                roundTrip("  p99 round trip", "%,.0f", Goal.NONE, EchoRun.Figures::p99Micros));
    }

    /**
     * The load of {@link #echo} with JSON {@code Trade}s ({@link TradeTexts}) instead of plain texts, on the
     * targets' JSON echoes, which decode each into the record and encode it back: messages/s, and the p50 and p99
     * round trips of the same rounds.
     */
    public static CaseResult<EchoRun.Figures> jsonEcho(String label, Goal goal, BenchmarkRun run,
                                                       List<Target> targets) {
        Settings s = run.settings();
        EchoRun.Load load = s.echo(s.connections(), s.window(), new TradeTexts());
        return rounds(label, load, run, targets, Target::jsonEcho,
                messagesPerSecond(label + ": " + load.describe(), goal),
                roundTrip("  p50 round trip", "%,.0f", Goal.NONE, EchoRun.Figures::p50Micros),
                roundTrip("  p99 round trip", "%,.0f", Goal.NONE, EchoRun.Figures::p99Micros));
    }

    /** One connection, one small text in flight: the median round trip, with no queueing in it. */
    public static CaseResult<EchoRun.Figures> latency(String label, Goal goal, BenchmarkRun run, List<Target> targets) {
        EchoRun.Load load = run.settings().echo(1, 1, LATENCY_SIZE);
        return rounds(label, load, run, targets, Target::echo, roundTrip(label + ": 1 conn, 1 in flight, "
                + LATENCY_SIZE + " B: p50 round trip", "%,.1f", goal, EchoRun.Figures::p50Micros));
    }

    /** A few connections, one large text in flight each: MB/s (10^6 bytes) of echoed payload. */
    public static CaseResult<EchoRun.Figures> large(String label, Goal goal, BenchmarkRun run, List<Target> targets) {
        Settings s = run.settings();
        EchoRun.Load load = s.echo(s.largeConnections(), 1, s.largeSize());
        return rounds(label, load, run, targets, Target::echo, new Metric<>(label + ": " + load.describe(), "MB/s",
                "%,.1f", goal, figures -> figures.messagesPerSecond() * s.largeSize() / 1e6));
    }

    private static EchoRun.Load echoLoad(Settings s) {
        return s.echo(s.connections(), s.window(), s.size());
    }

    private static Metric<EchoRun.Figures> messagesPerSecond(String title, Goal goal) {
        return new Metric<>(title, "msgs/s", "%,.0f", goal, EchoRun.Figures::messagesPerSecond);
    }

    private static Metric<EchoRun.Figures> roundTrip(String title, String format, Goal goal,
                                                     ToDoubleFunction<EchoRun.Figures> micros) {
        return new Metric<>(title, "us", format, goal, micros);
    }

    /**
     * @param echo where on a target the echo the case loads is
     */
    @SafeVarargs
    private static CaseResult<EchoRun.Figures> rounds(String label, EchoRun.Load load, BenchmarkRun run,
                                                      List<Target> targets, Function<Target, URI> echo,
                                                      Metric<EchoRun.Figures>... metrics) {
        return run.loadCase(label, targets, List.of(metrics),
                target -> new EchoRun(target, echo.apply(target), run.client(), load).run());
    }
}
