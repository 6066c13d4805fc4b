package dev.switchboard.bench.cases;

import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.server.Target;

import java.util.List;
import java.util.Locale;

/**
 * The broadcast case across a cluster: the broadcast load ({@link BroadcastRun}: one publisher, its subscribers
 * spread over the nodes of each target) on a cluster of nodes and on single nodes, with what the comparison needs
 * besides deliveries and latencies: the slowest delivery, the messages lost, and the server CPU each published
 * message cost, every process of the target together (nodes and Redis). From the last comes what Redis adds per
 * message, which {@link #noteRedisCost} states after the report.
 */
public final class ClusterCase {

    private static final Metric<BroadcastRun.Figures> P50 = new Metric<>("  p50 delivery", "us", "%,.0f", Goal.NONE,
            BroadcastRun.Figures::p50Micros);
    private static final Metric<BroadcastRun.Figures> P99 = new Metric<>("  p99 delivery", "us", "%,.0f", Goal.NONE,
            BroadcastRun.Figures::p99Micros);
    private static final Metric<BroadcastRun.Figures> CPU_PER_MESSAGE = new Metric<>(
            "  server CPU per published message (all processes)", "us", "%,.1f", Goal.NONE,
            BroadcastRun.Figures::serverMicrosPerMessage);

    private ClusterCase() {
    }

    /**
     * Runs the case's rounds.
     *
     * @param label   the case's short name
     * @param rate    messages published per second, 0 for as fast as the window allows
     * @param targets the cluster, the single node without Redis and the single node on Redis, in this order
     * @return the rounds, after adding to the run's closing notes what Redis added per message
     */
    public static CaseResult<?> run(String label, double rate, BenchmarkRun run, List<Target> targets) {
        if (targets.size() != 3) {
            throw new IllegalArgumentException("Need the cluster and two single nodes, got " + targets);
        }
        BroadcastRun.Load load = run.settings().broadcast(rate).fittingOpenFiles();
        List<Metric<BroadcastRun.Figures>> metrics = List.of(
                new Metric<>(label + ": " + load.describe(), "deliveries/s", "%,.0f", Goal.NONE,
                        BroadcastRun.Figures::deliveriesPerSecond),
                P50, P99,
                new Metric<>("  max delivery", "us", "%,.0f", Goal.NONE, BroadcastRun.Figures::maxMicros),
                CPU_PER_MESSAGE,
                new Metric<BroadcastRun.Figures>("  messages lost", "msgs", "%,.0f", Goal.atMost(0, "msgs"),
                        figures -> (double) figures.lost()).withoutCpu());
        CaseResult<BroadcastRun.Figures> result = run.loadCase(label, targets, metrics,
                target -> new BroadcastRun(target, run.client(), load).run());
        List<String> names = Target.names(targets);
        noteRedisCost(result, run, names.get(0), names.get(1), names.get(2), load.subscribers());
        return result;
    }

    /**
     * Adds to the run's closing notes what Redis added per message in this case: the cluster's server CPU per
     * published message less the single node's without Redis, and the same for the single node on Redis (its
     * publishing alone), with the difference in median delivery latency.
     *
     * @param cluster      the cluster's target name
     * @param local        the single node's without Redis
     * @param onRedis      the single node's on Redis
     * @param subscribers  all subscribers, over which a message's cost is spread
     */
    private static void noteRedisCost(CaseResult<BroadcastRun.Figures> result, BenchmarkRun run, String cluster,
                                     String local, String onRedis, int subscribers) {
        double clusterCpu = result.median(CPU_PER_MESSAGE, cluster);
        double localCpu = result.median(CPU_PER_MESSAGE, local);
        double onRedisCpu = result.median(CPU_PER_MESSAGE, onRedis);
        run.note(String.format(Locale.ROOT, "%s: Redis adds %,.1f us of server CPU per published message across %s"
                        + " (%,.1f against %,.1f us on %s; %,.2f us per delivery to %,d subscribers), of which"
                        + " publishing alone, on %s, %,.1f us; p50 delivery %+,.0f us, p99 %+,.0f us.",
                result.label(), clusterCpu - localCpu, cluster, clusterCpu, localCpu, local,
                (clusterCpu - localCpu) / subscribers, subscribers, onRedis, onRedisCpu - localCpu,
                result.median(P50, cluster) - result.median(P50, local),
                result.median(P99, cluster) - result.median(P99, local)));
    }
}
