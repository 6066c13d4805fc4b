package dev.switchboard.bench;

import dev.switchboard.bench.baseline.RawChatEndpoint;
import dev.switchboard.bench.baseline.RawEchoEndpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Switchboard's standalone host against Tyrus's stock standalone {@code Server}, side by side: each in its own
 * child JVM with the same options ({@link BenchServer} with only the example routes, {@link TyrusBenchServer}
 * with the baseline endpoints), the load generator ({@link NioClient}, one selector
 * thread) in this JVM, pinned apart when taskset exists. Seven cases, each with rounds alternating between
 * the targets and medians over them:
 * <ol>
 *   <li>echo: many connections, several small texts in flight each: messages/s;</li>
 *   <li>latency: one connection, one 32-byte text in flight: p50 round trip;</li>
 *   <li>large: a few connections, 64 KiB texts: MB/s of echoed payload;</li>
 *   <li>broadcast: one publisher, many subscribers: deliveries/s against a naive loop, and Tyrus's own
 *       {@code TyrusSession.broadcast};</li>
 *   <li>memory: heap per idle connection after full GC, many connections held, minus the heap with none;</li>
 *   <li>connect: the time to open those connections;</li>
 *   <li>startup: a fresh server JVM's launch to its first 101.</li>
 * </ol>
 * Every echo and delivery is checked; the table gives absolute figures, the ratio Switchboard/Tyrus, the goal
 * beside it and whether it is met, and the CPU of generator and servers. Exit code 0 for a valid run, 1 if a
 * round had problems, 2 if it could not run.
 *
 * <p>Run it with {@code mvn -q test-compile exec:exec@bench-vs-tyrus}; settings go on the same command line
 * (see {@link VersusSettings}): {@code -Dcases=echo,latency} picks cases, {@code -Dquick=true} runs a quick
 * smoke test.
 */
public final class VersusTyrusBenchmark {

    /** The JVM options of every server, Switchboard's and Tyrus's alike. */
    static final List<String> SERVER_JVM_OPTIONS = List.of("-Xmx1g");

    private VersusTyrusBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        int exitCode;
        try {
            VersusSettings settings = VersusSettings.fromSystemProperties();
            int cores = Runtime.getRuntime().availableProcessors();
            Pinning pinning = Pinning.detect(settings.pin(), cores);
            String pinned = pinning.pinThisProcess();
            System.out.printf(Locale.ROOT, "Switchboard standalone vs Tyrus%s stock Server; %d cores here, %s;"
                    + " servers: %s; Java %s%n", tyrusVersion(), cores, pinned,
                    String.join(" ", SERVER_JVM_OPTIONS), System.getProperty("java.version"));
            System.out.println("Settings: " + settings);
            exitCode = run(settings, pinning, pinned.startsWith("generator pinned") ? 1 : cores) ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    private static boolean run(VersusSettings s, Pinning pinning, int generatorCores) throws IOException {
        List<CaseResult> results = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        try (NioClient client = new NioClient("bench-load")) {
            targets.add(start("switchboard", BenchServer.class, List.of(BenchServer.EXAMPLES_ONLY), pinning,
                    "/echo", "/chat/{room}"));
            targets.add(start("tyrus", TyrusBenchServer.class, List.of(), pinning, RawEchoEndpoint.PATH,
                    RawChatEndpoint.PATH));
            for (Target target : targets) {
                System.out.println(target.name() + ": pid " + target.server().pid() + " on 127.0.0.1:"
                        + target.server().port());
            }
            if (s.runs("echo")) {
                results.add(EchoCases.echo(s, client, targets));
            }
            if (s.runs("latency")) {
                results.add(EchoCases.latency(s, client, targets));
            }
            if (s.runs("large")) {
                results.add(EchoCases.large(s, client, targets));
            }
            if (s.runs("broadcast")) {
                results.add(BroadcastCase.run(s, client, targets));
            }
            if (s.runs("memory") || s.runs("connect")) {
                results.addAll(IdleCase.run(s, client, targets));
            }
            if (s.runs("startup")) {
                results.add(StartupCase.run(s, targets, pinning.serverPrefix(), SERVER_JVM_OPTIONS));
            }
        } finally {
            targets.forEach(target -> target.server().close());
        }
        boolean valid = ComparisonTable.print(results, generatorCores);
        for (Target target : targets) {
            List<String> trouble = target.server().logTrouble();
            if (trouble.isEmpty()) {
                target.server().deleteLog();
            } else {
                System.out.println("Note: " + target.name() + " logged " + trouble.size()
                        + " warnings or errors, see " + target.server().log() + "; the first:");
                trouble.stream().limit(5).forEach(line -> System.out.println("    " + line));
            }
        }
        return valid;
    }

    private static String tyrusVersion() {
        String version = org.glassfish.tyrus.server.Server.class.getPackage().getImplementationVersion();
        return version == null ? "" : " " + version;
    }

    private static Target start(String name, Class<?> main, List<String> args, Pinning pinning, String echoPath,
                                String roomPath) throws IOException {
        ServerProcess server = ServerProcess.start(pinning.serverPrefix(), SERVER_JVM_OPTIONS, main, args, 60);
        // Whatever way this JVM ends, the child must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "bench-server-killer"));
        return new Target(name, main, args, server, echoPath, roomPath);
    }
}
