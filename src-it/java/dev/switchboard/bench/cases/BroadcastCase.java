package dev.switchboard.bench.cases;

import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.server.Target;

import java.util.List;

/**
 * The broadcast case, a series of {@link BroadcastRun} rounds (every delivery checked for gaps and order): one
 * publisher and many subscribers in one room of each target's chat, Switchboard's example {@code ChatRoute}
 * against the baseline's naive loop over raw sessions, and any other chat the caller adds as a target.
 */
public final class BroadcastCase {

    private BroadcastCase() {
    }

    /** Deliveries/s. */
    public static CaseResult<BroadcastRun.Figures> deliveries(String label, Goal goal, BenchmarkRun run,
                                                              List<Target> targets) {
        BroadcastRun.Load load = run.settings().broadcast().fittingOpenFiles();
        return rounds(label, load, run, targets, deliveriesPerSecond(label + ": " + load.describe(), goal));
    }

    /** Deliveries/s, with the p50 and p99 delivery latencies of the same rounds (queueing behind the window). */
    public static CaseResult<BroadcastRun.Figures> deliveriesWithLatencies(String label, BenchmarkRun run,
                                                                           List<Target> targets) {
        BroadcastRun.Load load = run.settings().broadcast().fittingOpenFiles();
        return rounds(label, load, run, targets, deliveriesPerSecond(label + ": " + load.describe(), Goal.NONE),
                new Metric<>("  p50 delivery", "us", "%,.0f", Goal.NONE, BroadcastRun.Figures::p50Micros),
                new Metric<>("  p99 delivery", "us", "%,.0f", Goal.NONE, BroadcastRun.Figures::p99Micros));
    }

    private static Metric<BroadcastRun.Figures> deliveriesPerSecond(String title, Goal goal) {
        return new Metric<>(title, "deliveries/s", "%,.0f", goal, BroadcastRun.Figures::deliveriesPerSecond);
    }

    @SafeVarargs
    private static CaseResult<BroadcastRun.Figures> rounds(String label, BroadcastRun.Load load, BenchmarkRun run,
                                                           List<Target> targets,
                                                           Metric<BroadcastRun.Figures>... metrics) {
        return run.loadCase(label, targets, List.of(metrics),
                target -> new BroadcastRun(target, run.client(), load).run());
    }
}
