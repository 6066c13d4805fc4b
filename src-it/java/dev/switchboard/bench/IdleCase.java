package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The memory and connect cases of {@link VersusTyrusBenchmark}, measured in the same rounds: the server's heap
 * after a full GC with no benchmark connection, then the time to open many connections to {@code /echo}
 * ({@link Connections#OPEN_CONCURRENCY} handshakes pending at most, from first connect to last 101), then the
 * heap after a full GC with all of them open and idle; the difference over the connections is the heap per
 * idle connection. Every connection is closed with a closing handshake before the next round.
 */
final class IdleCase {

    /** Lets the server finish what follows the last handshakes (session set-up on its workers). */
    private static final long SETTLE_MILLIS = 500;

    private final List<Sample> memory = new ArrayList<>();
    private final List<Sample> connect = new ArrayList<>();

    private IdleCase() {
    }

    /** Runs the rounds; returns the memory case's result and the connect case's, for those asked. */
    static List<CaseResult> run(VersusSettings s, NioClient client, List<Target> targets) {
        IdleCase rounds = new IdleCase();
        for (int round = 1; round <= s.idleRounds(); round++) {
            for (Target target : Rounds.order(targets, round)) {
                rounds.round(round, target, s.idleConnections(), client);
            }
        }
        List<String> names = targets.stream().map(Target::name).toList();
        List<CaseResult> results = new ArrayList<>();
        if (s.runs("memory")) {
            results.add(new CaseResult(String.format("5 memory: heap per idle connection, %,d held, after full GC",
                    s.idleConnections()), "KB", "%,.2f", Goal.atMost(4, "KB"), names, rounds.memory));
        }
        if (s.runs("connect")) {
            results.add(new CaseResult(String.format("6 connect: open %,d connections", s.idleConnections()),
                    "s", "%,.3f", Goal.ratioAtMost(1.0), names, rounds.connect));
        }
        return results;
    }

    private void round(int round, Target target, int count, NioClient client) {
        LoadEvents events = new LoadEvents();
        List<String> problems = new ArrayList<>();
        List<IdleConnection> open = List.of();
        double perConnection = -1;
        double seconds = -1;
        CpuMeter.Usage generator = CpuMeter.Usage.UNKNOWN;
        CpuMeter.Usage server = CpuMeter.Usage.UNKNOWN;
        try {
            long before = target.server().heapAfterFullGc();
            List<IdleConnection> connections = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connections.add(new IdleConnection(i, events));
            }
            CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
            CpuMeter.Snapshot serverCpu = target.server().cpu();
            long start = System.nanoTime();
            open = Connections.open(client, target.echo(), connections, events, problems);
            long elapsed = System.nanoTime() - start;
            generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
            server = serverCpu.until(target.server().cpu(), elapsed);
            seconds = elapsed / 1e9;
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
            long after = target.server().heapAfterFullGc();
            if (before < 0 || after < 0) {
                problems.add("the server did not report its heap");
            } else {
                perConnection = (after - before) / 1024.0 / open.size();
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
        // The round's problems, closing included, belong to both of its figures.
        Sample heap = new Sample(target.name(), perConnection, CpuMeter.Usage.UNKNOWN, CpuMeter.Usage.UNKNOWN,
                List.copyOf(problems));
        Sample opening = new Sample(target.name(), seconds, generator, server, List.copyOf(problems));
        memory.add(heap);
        connect.add(opening);
        Rounds.print("5 memory", "round " + round, heap, "KB/conn", "%,.2f");
        Rounds.print("6 connect", "round " + round, opening, "s", "%,.3f");
    }

    /** A connection that only holds: anything it receives is a mismatch. */
    private static final class IdleConnection extends BenchConnection {

        IdleConnection(int id, LoadEvents events) {
            super(id, events);
        }

        @Override
        void received(String text, long receivedNanos) {
            events.mismatch(id, "a message on an idle connection: " + abbreviate(text));
        }
    }
}
