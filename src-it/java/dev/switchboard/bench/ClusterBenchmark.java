package dev.switchboard.bench;

import dev.switchboard.bench.cases.BenchmarkRun;
import dev.switchboard.bench.cases.CaseChoice;
import dev.switchboard.bench.cases.ClusterCase;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.server.BenchCluster;
import dev.switchboard.bench.server.BenchServer;
import dev.switchboard.bench.server.ServerProcess;
import dev.switchboard.bench.server.Target;
import dev.switchboard.it.cluster.RedisServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Redis cluster costs a broadcast: one publisher and {@code subscribers} subscribers (3,000 by default) in
 * one chat room of the example {@code ChatRoute}, served in the same run by
 * <ul>
 *     <li>{@value #CLUSTER}: three {@link BenchServer} nodes on one Redis ({@code Cluster.redis}), each holding a
 *     third of the subscribers; the publisher is connected to the first node, whose route broadcasts each text to
 *     the room's group: the first node delivers it to its members and publishes it, the two others receive it from
 *     Redis and deliver it to theirs;</li>
 *     <li>{@value #LOCAL}: one node with every subscriber, without a cluster ({@code Cluster.local()});</li>
 *     <li>{@value #ON_REDIS}: one node with every subscriber on a Redis of its own, with no other node: what
 *     publishing alone costs.</li>
 * </ul>
 * Every server is a JVM of its own and each Redis a {@code redis-server} process of the run's own; with pinning
 * they all share the servers' CPU, so a round's server CPU (the nodes' and their Redis's together) is the whole
 * cost of serving it. The publisher and every subscriber's client live in this JVM, so a delivery's latency is
 * its receive time minus the send time the message carries, on one clock.
 *
 * <p>Two cases, each with the three targets in alternating rounds: {@code throughput}, the publisher as fast as
 * the window allows ({@code publishWindow} messages not yet delivered to every subscriber, 10 by default), and
 * {@code latency}, the same at a fixed rate ({@code publishRate} messages per second, {@value #LATENCY_RATE} by
 * default), far from saturation, so that the latencies are those of delivery, not of queueing. The report gives
 * deliveries/s (over all subscribers), p50, p99 and max delivery latency, the server CPU per published message and
 * the messages lost, with the ratios of the cluster to each single node; after it, per case, what Redis adds per
 * message. A lost, duplicated or reordered message makes the run invalid.
 *
 * <p>Run it from the project directory with {@code mvn -q test-compile exec:exec@bench-cluster}; settings go on
 * the same command line, e.g. {@code -Drounds=3 -Dsubscribers=1500 -DpublishRate=20 -Dcases=latency}. Those it uses
 * are {@code cases}, {@code rounds} (5, per target), {@code warmup} (3 s), {@code seconds} (5), {@code subscribers}
 * (3000), {@code publishWindow}, {@code publishRate} and {@code size} (64 bytes); {@code -Dquick=true} is a smoke
 * test whose figures mean nothing. It needs {@code redis-server} on the PATH.
 *
 * @see BroadcastBenchmark
 */
public final class ClusterBenchmark {

    /** The cluster's name in the report. */
    static final String CLUSTER = "3 nodes";
    /** The single node's without Redis. */
    static final String LOCAL = "1 node";
    /** The single node's on Redis. */
    static final String ON_REDIS = "1 node+redis";
    /** The nodes of the cluster. */
    private static final int NODES = 3;
    /** The latency case's rate unless {@code publishRate} is set: messages per second. */
    private static final double LATENCY_RATE = 10;

    private ClusterBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        if (System.getProperty("subscribers", "").isBlank() && !Boolean.getBoolean("quick")) {
            System.setProperty("subscribers", "3000");
        }
        Set<String> cases = CaseChoice.fromProperty(List.of("throughput", "latency"));
        BenchmarkRun.runAndExit("Cluster benchmark: " + NODES + " nodes on one Redis against one node", run -> {
            run.columns(CLUSTER, "1 node");
            List<Target> targets = startTargets(run);
            double rate = run.settings().publishRate() > 0 ? run.settings().publishRate() : LATENCY_RATE;
            List<CaseResult<?>> results = new ArrayList<>();
            if (cases.contains("throughput")) {
                results.add(ClusterCase.run("throughput", 0, run, targets));
            }
            if (cases.contains("latency")) {
                results.add(ClusterCase.run("latency", rate, run, targets));
            }
            return results;
        });
    }

    /** Starts the Redis servers and the nodes: the cluster first, then the single node, then the one on Redis. */
    private static List<Target> startTargets(BenchmarkRun run) throws IOException {
        RedisServer clusterRedis = startRedis(run, "redis of the cluster");
        RedisServer ownRedis = startRedis(run, "redis of the single node");
        List<ServerProcess> nodes = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            nodes.add(run.startServer("node " + i, BenchServer.class, List.of(BenchServer.EXAMPLES_ONLY,
                    BenchServer.REDIS, clusterRedis.uri(), BenchServer.NODE_ID, "node-" + i)));
        }
        ServerProcess local = run.startServer(LOCAL, BenchServer.class, List.of(BenchServer.EXAMPLES_ONLY));
        ServerProcess onRedis = run.startServer(ON_REDIS, BenchServer.class, List.of(BenchServer.EXAMPLES_ONLY,
                BenchServer.REDIS, ownRedis.uri(), BenchServer.NODE_ID, "single"));
        return List.of(Target.switchboard(new BenchCluster(nodes, clusterRedis.pid())).named(CLUSTER),
                Target.switchboard(local).named(LOCAL),
                Target.switchboard(new BenchCluster(List.of(onRedis), ownRedis.pid())).named(ON_REDIS));
    }

    private static RedisServer startRedis(BenchmarkRun run, String name) throws IOException {
        RedisServer redis;
        try {
            redis = run.afterServers(RedisServer.start());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not start redis-server: " + e.getMessage(), e);
        }
        boolean pinned = run.pinServer(redis.pid());
        System.out.println(name + ": pid " + redis.pid() + (pinned ? " (pinned)" : "") + " at " + redis.uri());
        return redis;
    }
}
