package dev.switchboard.bench.cases;

import dev.switchboard.bench.load.CpuMeter;
import dev.switchboard.bench.load.Upgrade;
import dev.switchboard.bench.report.CaseResult;
import dev.switchboard.bench.report.Goal;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.Round;
import dev.switchboard.bench.report.Rounds;
import dev.switchboard.bench.server.ServerCommand;
import dev.switchboard.bench.server.ServerProcess;
import dev.switchboard.bench.server.Target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The startup case: the time from launching a fresh server JVM (the same {@link ServerCommand} as the server
 * the other cases load, so the same options, pinning and class path) to the first successful upgrade on its
 * echo, polled every millisecond with a raw-socket handshake ({@link Upgrade#firstSuccess}). The server's CPU is
 * its CPU time over that span. The port is chosen free beforehand and given to the server.
 */
public final class StartupCase {

    private static final long DEADLINE_SECONDS = 60;

    /**
     * What a round measured.
     *
     * @param seconds from {@code ProcessBuilder.start()} to the first 101
     */
    record Figures(double seconds) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.3f s to the first 101", seconds);
        }
    }

    private StartupCase() {
    }

    /** Runs the rounds; the targets' servers must be child JVMs ({@link ServerProcess}). */
    public static CaseResult<Figures> run(BenchmarkRun run, List<Target> targets) {
        List<Round<Figures>> rounds = Rounds.alternate("7 startup", targets, run.settings().startupRounds(), false,
                StartupCase::round);
        return new CaseResult<>("7 startup", Target.names(targets), rounds, List.of(new Metric<>(
                "7 startup: JVM launch to first 101", "s", "%,.3f", Goal.atMost(0.8, "s"), Figures::seconds)));
    }

    private static Round<Figures> round(Target target) throws IOException {
        if (!(target.host() instanceof ServerProcess running)) {
            throw new IllegalArgumentException(target.name() + " is not a server this benchmark launches");
        }
        int port = freePort();
        URI uri = URI.create("ws://127.0.0.1:" + port + target.echoPath());
        CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.launch(running.command().onPort(port));
        try {
            long upgraded = Upgrade.firstSuccess(uri, start + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS));
            long elapsed = upgraded - start;
            CpuMeter.Usage generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
            // A fresh process: all its CPU time so far went into the start (and a little after).
            CpuMeter.Usage serverUse = new CpuMeter.Snapshot(0, Map.of(), Map.of()).until(server.cpu(), elapsed);
            return new Round<>(target.name(), new Figures(elapsed / 1e9), generator, serverUse, List.of());
        } finally {
            server.close();
            server.deleteLog();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
