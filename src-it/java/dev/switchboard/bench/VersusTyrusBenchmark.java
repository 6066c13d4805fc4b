package dev.switchboard.bench;

import dev.switchboard.bench.cases.BenchmarkRun;
import dev.switchboard.bench.cases.BroadcastCase;
import dev.switchboard.bench.cases.CaseChoice;
import dev.switchboard.bench.cases.EchoCases;
import dev.switchboard.bench.cases.HeartbeatCase;
import dev.switchboard.bench.cases.IdleCase;
import dev.switchboard.bench.cases.Settings;
import dev.switchboard.bench.cases.StartupCase;
import dev.switchboard.bench.load.NioClient;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.server.BenchServer;
import dev.switchboard.bench.server.ServerProcess;
import dev.switchboard.bench.server.Target;
import dev.switchboard.bench.server.TyrusBenchServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Switchboard's standalone host against Tyrus's stock standalone {@code Server}, side by side: each in its own
 * child JVM with the same options ({@link BenchServer} with only the example routes, {@link TyrusBenchServer}
 * with the baseline endpoints), the load generator ({@link NioClient}, one selector thread) in this JVM, pinned
 * apart when taskset exists. Seven cases, each with rounds alternating between the targets and medians over
 * them, and an eighth of Switchboard alone:
 * <ol>
 *   <li>echo: many connections, several small texts in flight each: messages/s;</li>
 *   <li>latency: one connection, one 32-byte text in flight: p50 round trip;</li>
 *   <li>large: a few connections, 64 KiB texts: MB/s of echoed payload;</li>
 *   <li>broadcast: one publisher, many subscribers: deliveries/s against Tyrus's own
 *       {@code TyrusSession.broadcast}, and a naive loop;</li>
 *   <li>memory: heap per idle connection after full GC, many connections held, minus the heap with none; and
 *       the growth of the server's resident set;</li>
 *   <li>connect: the time to open those connections;</li>
 *   <li>startup: a fresh server JVM's launch to its first 101;</li>
 *   <li>heartbeat: on a Switchboard server with a short heartbeat, whether as many connections opened together get
 *       their first ping spread out, not in one tick of its clock ({@link HeartbeatCase}).</li>
 * </ol>
 * Every echo and delivery is checked; the table gives absolute figures, the ratio Switchboard/Tyrus, the goal
 * beside it and whether it is met, and the CPU of generator and servers.
 *
 * <p>Run it with {@code mvn -q test-compile exec:exec@bench-vs-tyrus}; settings go on the same command line
 * (see {@link Settings}): {@code -Dcases=echo,latency} picks cases, {@code -Dquick=true} runs a quick smoke
 * test.
 */
public final class VersusTyrusBenchmark {

    /** The cases, by their {@code -Dcases} names, in the table's order. */
    static final List<String> CASES = List.of("echo", "latency", "large", "broadcast", "memory", "connect",
            "startup", "heartbeat");

    private VersusTyrusBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        BenchmarkRun.runAndExit("Switchboard standalone vs Tyrus" + tyrusVersion() + " stock Server", run -> {
            Set<String> cases = CaseChoice.fromProperty(CASES);
            System.out.println("Cases: " + cases);
            List<Target> targets = List.of(
                    Target.switchboard(run.startServer("switchboard", BenchServer.class,
                            List.of(BenchServer.EXAMPLES_ONLY))),
                    Target.baseline("tyrus", run.startServer("tyrus", TyrusBenchServer.class, List.of())));
            List<CaseResult<?>> results = new ArrayList<>();
            if (cases.contains("echo")) {
                results.add(EchoCases.echo("1 echo", Goal.ratioAtLeast(2.0), run, targets));
            }
            if (cases.contains("latency")) {
                results.add(EchoCases.latency("2 latency", Goal.ratioAtMost(0.7), run, targets));
            }
            if (cases.contains("large")) {
                results.add(EchoCases.large("3 large", Goal.ratioAtLeast(1.0), run, targets));
            }
            if (cases.contains("broadcast")) {
                // The goal is against Tyrus's own broadcast, the first compared; the naive loop's row informs.
                List<Target> withTyrusBroadcast = List.of(targets.get(0), Target.tyrusBroadcast(targets.get(1).host()),
                        targets.get(1));
                results.add(BroadcastCase.deliveries("4 broadcast", Goal.ratioAtLeast(1.0), run, withTyrusBroadcast));
            }
            if (cases.contains("memory") || cases.contains("connect")) {
                results.add(IdleCase.run(run, targets, cases.contains("memory"), cases.contains("connect")));
            }
            if (cases.contains("startup")) {
                results.add(StartupCase.run(run, targets));
            }
            if (cases.contains("heartbeat")) {
                ServerProcess heartbeat = run.startServer("switchboard-heartbeat", BenchServer.class, List.of(
                        BenchServer.EXAMPLES_ONLY, BenchServer.HEARTBEAT_MILLIS,
                        Long.toString(run.settings().heartbeatMillis())));
                results.add(HeartbeatCase.run("8 heartbeat", run, Target.switchboard(heartbeat)));
            }
            return results;
        });
    }

    private static String tyrusVersion() {
        String version = org.glassfish.tyrus.server.Server.class.getPackage().getImplementationVersion();
        return version == null ? "" : " " + version;
    }
}
