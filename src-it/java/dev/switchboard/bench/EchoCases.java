package dev.switchboard.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The echo cases of {@link VersusTyrusBenchmark}, each a {@link LoadRun} on {@code /echo} (every echo checked)
 * with other settings: many connections and small messages (messages/s), one connection and one small
 * message in flight (p50 round trip), a few connections with 64 KiB texts (MB/s of echoed payload).
 */
final class EchoCases {

    private EchoCases() {
    }

    static CaseResult echo(VersusSettings s, NioClient client, List<Target> targets) {
        return run("1 echo", String.format("%d conn x %d in flight, %d B text", s.echoConnections(),
                        s.echoWindow(), s.echoSize()), "msgs/s", "%,.0f", Goal.ratioAtLeast(2.0),
                settings(s, s.echoConnections(), s.echoWindow(), s.echoSize()), RoundResult::messagesPerSecond,
                client, targets, s.warmupRounds());
    }

    static CaseResult latency(VersusSettings s, NioClient client, List<Target> targets) {
        return run("2 latency", "1 conn, 1 in flight, " + VersusSettings.LATENCY_SIZE + " B: p50 round trip",
                "us", "%,.1f", Goal.ratioAtMost(0.6), settings(s, 1, 1, VersusSettings.LATENCY_SIZE),
                RoundResult::p50Micros, client, targets, s.warmupRounds());
    }

    static CaseResult large(VersusSettings s, NioClient client, List<Target> targets) {
        int size = s.largeSize();
        return run("3 large", String.format("%d conn x 1 in flight, %,d B text", s.largeConnections(), size),
                "MB/s", "%,.1f", Goal.ratioAtLeast(2.0), settings(s, s.largeConnections(), 1, size),
                result -> result.messagesPerSecond() * size / 1e6, client, targets, s.warmupRounds());
    }

    private static EchoBenchmark.Settings settings(VersusSettings s, int connections, int window, int size) {
        return new EchoBenchmark.Settings(s.rounds(), s.warmupMillis(), s.measureMillis(), connections, window, size);
    }

    private static CaseResult run(String label, String what, String unit, String format, Goal goal,
                                  EchoBenchmark.Settings settings, ToDoubleFunction<RoundResult> figure,
                                  NioClient client, List<Target> targets, boolean warmup) {
        List<Sample> samples = Rounds.alternate(label, unit, format, targets, settings.rounds(),
                warmup, target -> {
                    RoundResult result = new LoadRun(target.name(), target.echo(), client, settings,
                            target.server()).run();
                    return new Sample(target.name(), figure.applyAsDouble(result), result.generator(),
                            result.server(), result.problems());
                });
        return new CaseResult(label + ": " + what, unit, format, goal,
                targets.stream().map(Target::name).toList(), samples);
    }
}
