package dev.switchboard.bench.server;

import dev.switchboard.bench.load.CpuMeter;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Several {@link BenchServer} nodes of one cluster and the Redis they share, loaded as one host: a client may
 * connect to any node ({@link #uris(String)}), the first node is where a publisher connects, and the CPU is that of
 * all of them together, Redis included, so that a round's server CPU is the whole cost of serving it. The nodes are
 * the run's servers: the run stops them and reads their logs; this view only reads them.
 */
public final class BenchCluster implements BenchHost {

    private final List<ServerProcess> nodes;
    private final long redisPid;

    /**
     * @param nodes    the nodes, the publisher's first
     * @param redisPid the process id of their Redis
     */
    public BenchCluster(List<ServerProcess> nodes, long redisPid) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A cluster needs a node");
        }
        this.nodes = List.copyOf(nodes);
        this.redisPid = redisPid;
    }

    @Override
    public URI uri(String path) {
        return nodes.get(0).uri(path);
    }

    @Override
    public List<URI> uris(String path) {
        return nodes.stream().map(node -> node.uri(path)).toList();
    }

    /** The first node's. */
    @Override
    public long pid() {
        return nodes.get(0).pid();
    }

    /** Every node's and Redis's CPU times, added up; threads are told apart by their process. */
    @Override
    public CpuMeter.Snapshot cpu() {
        List<Long> pids = new ArrayList<>();
        nodes.forEach(node -> pids.add(node.pid()));
        pids.add(redisPid);
        long total = 0;
        Map<String, Long> times = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (long pid : pids) {
            CpuMeter.Snapshot process = CpuMeter.otherProcess(pid);
            if (process.totalNanos() < 0) {
                return process; // unknown for one, unknown for all
            }
            total += process.totalNanos();
            process.threadNanos().forEach((thread, nanos) -> times.put(pid + "/" + thread, nanos));
            process.threadNames().forEach((thread, name) -> names.put(pid + "/" + thread, pid + " " + name));
        }
        return new CpuMeter.Snapshot(total, times, names);
    }

    @Override
    public long droppedMessages() {
        return sum(nodes.stream().map(node -> (LongSupplier) node::droppedMessages).toList());
    }

    @Override
    public long heapAfterFullGc() {
        return sum(nodes.stream().map(node -> (LongSupplier) node::heapAfterFullGc).toList());
    }

    @Override
    public long residentBytes() {
        return sum(nodes.stream().map(node -> (LongSupplier) node::residentBytes).toList());
    }

    /** The sum, or -1 if any one is unknown. */
    private static long sum(List<LongSupplier> counts) {
        long sum = 0;
        for (LongSupplier count : counts) {
            long value = count.getAsLong();
            if (value < 0) {
                return -1;
            }
            sum += value;
        }
        return sum;
    }

    @Override
    public List<String> logTrouble() {
        return nodes.stream().flatMap(node -> node.logTrouble().stream()).toList();
    }

    /** The first node's; the run names each node's log that holds warnings. */
    @Override
    public Path log() {
        return nodes.get(0).log();
    }

    /** Nothing: the run deletes the nodes' logs. */
    @Override
    public void deleteLog() {
    }

    /** Nothing: the run stops the nodes, and Redis after them. */
    @Override
    public void close() {
    }

    @Override
    public void kill() {
        nodes.forEach(ServerProcess::kill);
    }
}
