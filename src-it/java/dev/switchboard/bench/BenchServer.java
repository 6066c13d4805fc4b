package dev.switchboard.bench;

import dev.switchboard.Switchboard;
import dev.switchboard.example.EchoRoute;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The server side of the echo benchmark: one standalone Switchboard on 127.0.0.1 serving the example
 * {@link EchoRoute} at {@code /echo} and {@link RawEchoEndpoint} at {@code /raw-echo}, so both targets share
 * one JVM, one transport and one JIT history.
 *
 * <p>Prints {@code PORT <n>} on stdout once it listens, then serves until its standard input closes (how
 * {@link EchoBenchmark} ends it) or the process is terminated. By hand, keep stdin open, e.g.
 * {@code tail -f /dev/null | java -cp ... dev.switchboard.bench.BenchServer}.
 */
public final class BenchServer {

    private BenchServer() {
    }

    /**
     * Starts the server and serves until stdin closes.
     *
     * @param args none
     * @throws IOException if stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1")
                .port(0)
                .route(EchoRoute.class)
                .endpoint(RawEchoEndpoint.config())
                // The benchmark closes its connections before it stops the server: nothing to drain for long.
                .shutdownTimeout(Duration.ofSeconds(2))
                .build()
                .start();
        // Terminated by a signal rather than by closing stdin: still stop cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bench-server-shutdown"));
        System.out.println("PORT " + server.port());
        System.out.flush();

        InputStream in = System.in;
        byte[] discard = new byte[256];
        while (in.read(discard) != -1) {
            // Input carries no commands; only its end matters.
        }
        server.stop();
        // Transport threads that outlive stop() must not keep the process, and so the benchmark, waiting.
        System.exit(0);
    }
}
