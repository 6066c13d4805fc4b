package dev.switchboard.bench.cases;

import dev.switchboard.bench.load.Connections;
import dev.switchboard.bench.load.CpuMeter;
import dev.switchboard.bench.load.IdleConnection;
import dev.switchboard.bench.load.LoadEvents;
import dev.switchboard.bench.load.NioClient;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.Round;
import dev.switchboard.bench.report.Rounds;
import dev.switchboard.bench.server.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The memory and connect cases, measured in the same rounds, after an uncounted warm-up round per server as the
 * throughput cases have (a server's first 10,000 handshakes run much of its connect path cold): the server's heap
 * after a full GC with no benchmark connection, and its resident set right after, then the time to open many
 * connections to the target's echo ({@link Connections#OPEN_CONCURRENCY} handshakes pending at most, from first
 * connect to last 101), then the heap after a full GC with all of them open and idle, and the resident set right
 * after; the differences over the connections are the heap and the resident set per idle connection. The resident
 * set grows only where the JVM grows and touches heap it did not hold before (or native memory), so it is read
 * beside the heap figure. Every connection is closed with a closing handshake before the next round.
 */
public final class IdleCase {

    /** Lets the server finish what follows the last handshakes (session set-up on its workers). */
    private static final long SETTLE_MILLIS = 500;

    /**
     * What a round measured.
     *
     * @param heapPerConnectionKb heap per idle connection, KB; negative if the server did not report its heap
     * @param rssPerConnectionKb  resident set growth per idle connection, KB; NaN if unknown (may be negative
     *                            when the JVM gave memory back)
     * @param connectSeconds      the time to open the connections; negative if the round failed before
     * @param connections         the connections that opened
     */
    record Figures(double heapPerConnectionKb, double rssPerConnectionKb, double connectSeconds, int connections) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.2f KB heap, %,.2f KB RSS per connection, %,d opened in %,.3f s",
                    heapPerConnectionKb, rssPerConnectionKb, connections, connectSeconds);
        }
    }

    private IdleCase() {
    }

    /**
     * Runs the rounds.
     *
     * @param memory  whether to report the heap per connection
     * @param connect whether to report the time to open them
     */
    public static CaseResult<Figures> run(BenchmarkRun run, List<Target> targets, boolean memory, boolean connect) {
        int count = run.settings().idleConnections();
        List<Round<Figures>> rounds = Rounds.alternate("5+6 idle", targets, run.settings().idleRounds(),
                run.settings().warmupRounds(),
                target -> round(target, count, run.client()));
        List<Metric<Figures>> metrics = new ArrayList<>();
        if (memory) {
            // The heap is measured after the load: the CPU of the round belongs to the connect figure.
            metrics.add(new Metric<Figures>(String.format(Locale.ROOT, "5 memory: heap per idle connection, %,d held,"
                    + " after full GC", count), "KB", "%,.2f", Goal.atMost(4, "KB"), Figures::heapPerConnectionKb)
                    .withoutCpu());
            metrics.add(new Metric<Figures>("  RSS growth per idle connection, after the same GCs", "KB", "%,.2f",
                    Goal.atMost(6, "KB"), Figures::rssPerConnectionKb).withoutCpu().asSigned());
        }
        if (connect) {
            metrics.add(new Metric<>(String.format(Locale.ROOT, "6 connect: open %,d connections", count), "s",
                    "%,.3f", Goal.ratioAtMost(1.0), Figures::connectSeconds));
        }
        return new CaseResult<>("5+6 idle", Target.names(targets), rounds, metrics);
    }

    private static Round<Figures> round(Target target, int count, NioClient client) {
        LoadEvents events = new LoadEvents();
        List<String> problems = new ArrayList<>();
        List<IdleConnection> open = List.of();
        double perConnection = -1;
        double rssPerConnection = Double.NaN;
        double seconds = -1;
        CpuMeter.Usage generator = CpuMeter.Usage.UNKNOWN;
        CpuMeter.Usage server = CpuMeter.Usage.UNKNOWN;
        try {
            long before = target.host().heapAfterFullGc();
            long rssBefore = target.host().residentBytes();
            List<IdleConnection> connections = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connections.add(new IdleConnection(i, events));
            }
            CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
            CpuMeter.Snapshot serverCpu = target.host().cpu();
            long start = System.nanoTime();
            open = Connections.open(client, target.echo(), connections, events, problems);
            long elapsed = System.nanoTime() - start;
            generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
            server = serverCpu.until(target.host().cpu(), elapsed);
            seconds = elapsed / 1e9;
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
            long after = target.host().heapAfterFullGc();
            long rssAfter = target.host().residentBytes();
            if (before < 0 || after < 0) {
                problems.add("the server did not report its heap");
            } else {
                perConnection = (after - before) / 1024.0 / open.size();
            }
            if (rssBefore >= 0 && rssAfter >= 0) {
                rssPerConnection = (rssAfter - rssBefore) / 1024.0 / open.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        } catch (RuntimeException e) {
            problems.add("the round failed: " + e);
        } finally {
            Connections.closeAll(open, problems);
            events.addProblems(problems, "messages arrived on idle connections");
        }
        return new Round<>(target.name(), new Figures(perConnection, rssPerConnection, seconds, open.size()),
                generator, server,
                List.copyOf(problems));
    }
}
