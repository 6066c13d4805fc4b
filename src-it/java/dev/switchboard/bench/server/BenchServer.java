package dev.switchboard.bench.server;

import dev.switchboard.Sessions;
import dev.switchboard.Switchboard;
import dev.switchboard.bench.baseline.RawChatEndpoint;
import dev.switchboard.bench.baseline.RawEchoEndpoint;
import dev.switchboard.bench.baseline.RawJsonEchoEndpoint;
import dev.switchboard.bench.json.TradeEchoRoute;
import dev.switchboard.example.ChatRoute;
import dev.switchboard.example.EchoRoute;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Switchboard's side of the benchmarks: one standalone Switchboard on 127.0.0.1 serving, with default
 * settings, the example {@link EchoRoute} at {@code /echo} and {@link ChatRoute} at {@code /chat/{room}} and the
 * typed {@link TradeEchoRoute} at {@code /json-echo}, and beside them the baseline {@link RawEchoEndpoint} at
 * {@code /raw-echo}, {@link RawJsonEchoEndpoint} at {@code /raw-json-echo} and {@link RawChatEndpoint} at
 * {@code /raw-chat/{room}}, so that in the echo, JSON echo and broadcast benchmarks the compared targets share
 * one JVM, one transport and one JIT history.
 *
 * <p>With the argument {@value #EXAMPLES_ONLY} it serves only the two example routes, as the Switchboard
 * target of the Tyrus comparison, whose baseline runs on {@link TyrusBenchServer}; so its startup loads no JSON
 * library.
 *
 * <p>Prints {@code PORT <n>} on stdout once it listens, then serves until its standard input closes (how
 * the benchmarks end it) or the process is terminated, answering the commands of {@link ServerControl} on
 * stdin: {@code stats} with the messages {@link ChatRoute}'s outbound queue limits dropped so far, {@code heap}
 * with the heap in use after a full GC. By hand, keep stdin open, e.g.
 * {@code tail -f /dev/null | java -cp ... dev.switchboard.bench.server.BenchServer}; an optional argument sets the
 * port (default: any free one).
 */
public final class BenchServer {

    /** The argument that leaves out the raw endpoints. */
    public static final String EXAMPLES_ONLY = "--examples-only";

    private BenchServer() {
    }

    /**
     * Starts the server and serves until stdin closes.
     *
     * @param args optionally the port, and optionally {@value #EXAMPLES_ONLY}
     * @throws IOException if stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        boolean examplesOnly = options.contains(EXAMPLES_ONLY);
        List<String> port = options.stream().filter(option -> !option.equals(EXAMPLES_ONLY)).toList();
        Switchboard.Builder builder = Switchboard.builder()
                .host("127.0.0.1")
                .port(port.isEmpty() ? 0 : Integer.parseInt(port.get(0)))
                .route(EchoRoute.class)
                .route(ChatRoute.class)
                // The benchmark closes its connections before it stops the server: nothing to drain for long.
                .shutdownTimeout(Duration.ofSeconds(2));
        if (!examplesOnly) {
            builder.route(TradeEchoRoute.class);
            for (Class<?> baseline : List.of(RawEchoEndpoint.class, RawJsonEchoEndpoint.class,
                    RawChatEndpoint.class)) {
                String path = baseline.getAnnotation(ServerEndpoint.class).value();
                builder.endpoint(ServerEndpointConfig.Builder.create(baseline, path).build());
            }
        }
        Switchboard server = builder.build().start();
        // Terminated by a signal rather than by closing stdin: still stop cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bench-server-shutdown"));
        ServerControl.serve(server.port(), () -> Sessions.of(ChatRoute.class).droppedMessages());
        server.stop();
        // Transport threads that outlive stop() must not keep the process, and so the benchmark, waiting.
        System.exit(0);
    }
}
