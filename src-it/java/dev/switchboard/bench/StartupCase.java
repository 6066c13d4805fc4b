package dev.switchboard.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The startup case of {@link VersusTyrusBenchmark}: the time from launching a fresh server JVM (with the same
 * options, prefix and class path as the others) to the first successful upgrade on its echo, polled
 * every millisecond with a raw-socket handshake ({@link Upgrade#firstSuccess}). The server's CPU is its CPU
 * time over that span. The port is chosen free beforehand and given to the server.
 */
final class StartupCase {

    private static final long DEADLINE_SECONDS = 60;

    private StartupCase() {
    }

    static CaseResult run(VersusSettings s, List<Target> targets, List<String> prefix, List<String> jvmOptions) {
        List<Sample> samples = Rounds.alternate("7 startup", "s", "%,.3f", targets, s.startupRounds(), false,
                target -> round(target, prefix, jvmOptions));
        return new CaseResult("7 startup: JVM launch to first 101", "s", "%,.3f", Goal.atMost(0.8, "s"),
                targets.stream().map(Target::name).toList(), samples);
    }

    private static Sample round(Target target, List<String> prefix, List<String> jvmOptions) throws IOException {
        int port = freePort();
        URI uri = URI.create("ws://127.0.0.1:" + port + target.echoPath());
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(port));
        args.addAll(target.args());
        CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.launch(prefix, jvmOptions, target.main(), args);
        try {
            long upgraded = Upgrade.firstSuccess(uri, start + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS));
            long elapsed = upgraded - start;
            CpuMeter.Usage generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
            // A fresh process: all its CPU time so far went into the start (and a little after).
            CpuMeter.Usage serverUse = new CpuMeter.Snapshot(0, Map.of(), Map.of())
                    .until(server.cpu(), elapsed);
            return new Sample(target.name(), elapsed / 1e9, generator, serverUse, List.of());
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
