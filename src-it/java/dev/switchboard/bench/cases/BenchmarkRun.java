package dev.switchboard.bench.cases;

import dev.switchboard.bench.load.NioClient;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.Report;
import dev.switchboard.bench.report.Round;
import dev.switchboard.bench.report.Rounds;
import dev.switchboard.bench.server.BenchHost;
import dev.switchboard.bench.server.BenchServer;
import dev.switchboard.bench.server.Pinning;
import dev.switchboard.bench.server.ServerCommand;
import dev.switchboard.bench.server.ServerProcess;
import dev.switchboard.bench.server.Target;
import dev.switchboard.bench.server.TyrusBenchServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of a benchmark, the same for every benchmark: reads the {@link Settings}, pins the generator (this
 * JVM) and the servers apart where it can ({@link Pinning}), starts the servers and makes sure none outlives
 * the run, lends the cases the one {@link NioClient}, prints the {@link Report}, points at any server log
 * that holds warnings, and exits with 0 for a valid run, 1 for a run with problems, 2 if it could not run.
 */
public final class BenchmarkRun {

    /** What a benchmark runs: it starts its servers through the run, then runs its cases on them. */
    public interface Plan {
        List<CaseResult<?>> run(BenchmarkRun run) throws IOException;
    }

    /** Starts a server the run cannot launch itself. */
    public interface HostStarter {
        BenchHost start() throws IOException;
    }

    /** How long a child server may take to print its port. */
    private static final long START_SECONDS = 60;

    private final Settings settings;
    private final Pinning pinning;
    private final NioClient client;
    private final Map<String, BenchHost> hosts = new LinkedHashMap<>();
    /** What the servers use, such as a Redis: stopped after them. */
    private final List<AutoCloseable> afterServers = new ArrayList<>();
    /** Lines printed after the report. */
    private final List<String> notes = new ArrayList<>();
    /** What the report calls the first target of each case and the others. */
    private final String[] columns = {"switchboard", "raw"};

    private BenchmarkRun(Settings settings, Pinning pinning, NioClient client) {
        this.settings = settings;
        this.pinning = pinning;
        this.client = client;
    }

    /**
     * Runs the plan, prints the report and exits the JVM with the verdict.
     *
     * @param title what the first line calls the run
     */
    public static void runAndExit(String title, Plan plan) {
        int exitCode;
        try {
            exitCode = run(title, plan) ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            exitCode = 2;
        }
        // The verdict is the exit code; exiting also ends any thread that would keep this JVM, and Maven, waiting.
        System.exit(exitCode);
    }

    private static boolean run(String title, Plan plan) throws IOException {
        Settings settings = Settings.fromSystemProperties();
        int cores = Runtime.getRuntime().availableProcessors();
        Pinning pinning = Pinning.detect(settings.pin(), cores);
        System.out.printf(Locale.ROOT, "%s; %d cores here, %s; Java %s%n", title, cores, pinning.pinThisProcess(),
                System.getProperty("java.version"));
        System.out.println("Settings: " + settings);
        List<CaseResult<?>> results;
        BenchmarkRun run;
        try (NioClient client = new NioClient("bench-load")) {
            run = new BenchmarkRun(settings, pinning, client);
            try {
                results = plan.run(run);
            } finally {
                run.hosts.values().forEach(BenchHost::close);
                run.afterServers.forEach(BenchmarkRun::closeQuietly);
            }
        }
        boolean valid = Report.print(results, pinning.generatorCores(), run.columns[0], run.columns[1]);
        run.notes.forEach(System.out::println);
        run.pointAtServerLogs();
        return valid;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Names the report's columns of figures.
     *
     * @param first  what the first target of each case is (default "switchboard")
     * @param others what the targets compared with it are (default "raw")
     */
    public void columns(String first, String others) {
        columns[0] = first;
        columns[1] = others;
    }

    /** Adds a line the run prints after the report. */
    public void note(String line) {
        notes.add(line);
    }

    /**
     * Pins a process the servers use (a Redis) to the servers' CPU.
     *
     * @return whether it is pinned
     */
    public boolean pinServer(long pid) {
        return pinning.pinServer(pid);
    }

    /**
     * Stops something the servers use (a Redis) after the servers, when the run ends, and also if this JVM ends
     * otherwise.
     *
     * @return the resource
     */
    public <T extends AutoCloseable> T afterServers(T resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(resource), "bench-resource-closer"));
        afterServers.add(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.out.println("Could not stop " + resource + ": " + e);
        }
    }

    /** The load generator every case of the run shares. */
    NioClient client() {
        return client;
    }

    /**
     * Runs the rounds of a load case (echo, broadcast): the settings' rounds per target, alternating, after an
     * uncounted round per target unless the run is quick.
     *
     * @param label   the case's short name
     * @param metrics the figures the report shows
     * @param round   one round against one target
     */
    <F> CaseResult<F> loadCase(String label, List<Target> targets, List<Metric<F>> metrics, Rounds.Body<F> round) {
        List<Round<F>> rounds = Rounds.alternate(label, targets, settings.rounds(), settings.warmupRounds(), round);
        return new CaseResult<>(label, Target.names(targets), rounds, metrics);
    }

    /**
     * Starts a server in a child JVM, pinned to the servers' CPU from its launch, and waits for its port.
     *
     * @param name what the run's lines call it
     * @param main {@link BenchServer} or {@link TyrusBenchServer}
     * @param args its arguments besides the port
     */
    public ServerProcess startServer(String name, Class<?> main, List<String> args) throws IOException {
        ServerProcess server = ServerProcess.start(new ServerCommand(pinning.serverPrefix(), main, args),
                START_SECONDS);
        return register(name, server, " (" + String.join(" ", ServerCommand.JVM_OPTIONS) + ")");
    }

    /**
     * Starts a server that something else launches (Tomcat, by the container harness), then pins it to the
     * servers' CPU.
     *
     * @param name what the run's lines call it
     */
    public BenchHost startHost(String name, HostStarter starter) throws IOException {
        BenchHost host = starter.start();
        return register(name, host, pinning.pinServer(host.pid()) ? " (pinned)" : "");
    }

    private <H extends BenchHost> H register(String name, H host, String note) {
        // Whatever way this JVM ends, the server must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(host::kill, "bench-server-killer"));
        hosts.put(name, host);
        System.out.println(name + ": pid " + host.pid() + note + " at " + host.uri("/"));
        return host;
    }

    /** Removes the logs that hold nothing worth keeping and names those that do, with their first lines. */
    private void pointAtServerLogs() {
        hosts.forEach((name, host) -> {
            List<String> trouble = host.logTrouble();
            if (trouble.isEmpty()) {
                host.deleteLog();
            } else {
                System.out.println("Note: " + name + " logged " + trouble.size() + " warnings or errors, see "
                        + host.log() + "; the first:");
                trouble.stream().limit(5).forEach(line -> System.out.println("    " + line));
            }
        });
    }
}
