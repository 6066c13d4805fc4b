package dev.switchboard.bench;

import dev.switchboard.Sessions;
import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatRoute;
import dev.switchboard.example.EchoRoute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server side of the benchmarks: one standalone Switchboard on 127.0.0.1 serving, with default
 * settings, the example {@link EchoRoute} at {@code /echo} and {@link RawEchoEndpoint} at {@code /raw-echo}
 * for {@link EchoBenchmark}, and the example {@link ChatRoute} at {@code /chat/{room}} and
 * {@link RawChatEndpoint} at {@code /raw-chat/{room}} for {@link BroadcastBenchmark}, so the compared
 * targets share one JVM, one transport and one JIT history.
 *
 * <p>Prints {@code PORT <n>} on stdout once it listens, then serves until its standard input closes (how
 * the benchmarks end it) or the process is terminated. A line {@code stats} on stdin is answered with
 * {@code STATS <dropped>}: the messages {@link ChatRoute}'s outbound queue limits dropped so far. By hand,
 * keep stdin open, e.g. {@code tail -f /dev/null | java -cp ... dev.switchboard.bench.BenchServer}; an
 * optional argument sets the port (default: any free one).
 */
public final class BenchServer {

    private BenchServer() {
    }

    /**
     * Starts the server and serves until stdin closes.
     *
     * @param args optionally the port
     * @throws IOException if stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1")
                .port(args.length > 0 ? Integer.parseInt(args[0]) : 0)
                .route(EchoRoute.class)
                .endpoint(RawEchoEndpoint.config())
                .route(ChatRoute.class)
                .endpoint(RawChatEndpoint.config())
                // The benchmark closes its connections before it stops the server: nothing to drain for long.
                .shutdownTimeout(Duration.ofSeconds(2))
                .build()
                .start();
        // Terminated by a signal rather than by closing stdin: still stop cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bench-server-shutdown"));
        System.out.println("PORT " + server.port());
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.trim().equals("stats")) {
                System.out.println("STATS " + Sessions.of(ChatRoute.class).droppedMessages());
                System.out.flush();
            }
        }
        server.stop();
        // Transport threads that outlive stop() must not keep the process, and so the benchmark, waiting.
        System.exit(0);
    }
}
