package dev.switchboard.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmarks share: one server for the whole run (a {@link BenchServer} in a child JVM unless the
 * benchmark names another {@link BenchHost}), rounds alternating between the targets, reversed every other
 * round ({@link Rounds#order}), so that drift on a shared machine hits them alike, one line per round, then
 * the {@link Report}. Exits with 0 for a valid run, 1 for a run with problems, 2 if it could not run.
 */
final class Benchmark {

    /** One benchmark case: its targets, how one round runs and what it reports. */
    interface Case<R extends Round> {

        /**
         * Whether to run one round per target before the counted ones, so that neither pays alone for the
         * server's JIT compilation and heap sizing.
         */
        default boolean warmupRound() {
            return false;
        }

        /** The targets, compared as the first over the second. */
        List<String> targets();

        /** Runs one round against a target; its problems go into the result, not out as exceptions. */
        R round(String target, BenchHost server, NioClient client);

        /** Prints one round's result. */
        void printRound(int round, R result);

        /** The summary's metrics. */
        List<Report.Column<R>> columns();

        /** What a valid run proved, for the verdict line. */
        String validMessage();
    }

    /** Starts the server a run loads. */
    interface HostStarter {
        BenchHost start() throws IOException;
    }

    private Benchmark() {
    }

    /**
     * Runs the case against a {@link BenchServer} in a child JVM and exits the JVM with its verdict.
     *
     * @param rounds rounds per target
     * @param bench  the case
     */
    static <R extends Round> void runAndExit(int rounds, Case<R> bench) {
        runAndExit(rounds, bench, Benchmark::startBenchServer);
    }

    /** Starts a {@link BenchServer} in a child JVM with a 1 GB heap, waiting a minute at most for its port. */
    static BenchHost startBenchServer() throws IOException {
        return ServerProcess.start("1g", 60);
    }

    /**
     * Runs the case against the server the starter gives and exits the JVM with its verdict.
     *
     * @param rounds rounds per target
     * @param bench  the case
     * @param host   starts the server
     */
    static <R extends Round> void runAndExit(int rounds, Case<R> bench, HostStarter host) {
        int exitCode;
        try {
            exitCode = run(rounds, bench, host) ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            exitCode = 2;
        }
        // The server's reader threads must not keep this JVM, and so Maven, waiting.
        System.exit(exitCode);
    }

    private static <R extends Round> boolean run(int rounds, Case<R> bench, HostStarter host) throws IOException {
        BenchHost server = host.start();
        // Whatever way this JVM ends, the child must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "bench-server-killer"));
        List<R> results = new ArrayList<>();
        try (NioClient client = new NioClient("bench-load")) {
            System.out.println("Server pid " + server.pid() + " at " + server.uri("/"));
            if (bench.warmupRound()) {
                for (String target : bench.targets()) {
                    R result = bench.round(target, server, client);
                    System.out.printf("warm-up round, not counted: %s %s%n", target,
                            result.valid() ? "ok" : "had problems: " + result.problems());
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (String target : Rounds.order(bench.targets(), round)) {
                    R result = bench.round(target, server, client);
                    results.add(result);
                    bench.printRound(round, result);
                    for (String problem : result.problems()) {
                        System.out.println("    " + problem);
                    }
                }
            }
        } finally {
            server.close();
        }
        List<String> serverTrouble = server.logTrouble();
        boolean valid = Report.print(bench.targets(), results, bench.columns(), serverTrouble, server.log(),
                bench.validMessage());
        if (serverTrouble.isEmpty()) {
            server.deleteLog();
        }
        return valid;
    }
}
