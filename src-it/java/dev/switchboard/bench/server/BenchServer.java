package dev.switchboard.bench.server;

import dev.switchboard.Cluster;
import dev.switchboard.Heartbeat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * <p>With {@value #HEARTBEAT_MILLIS} {@code N} its sessions are pinged every {@code N} milliseconds (the server's
 * {@link Heartbeat}, pong within the same time) instead of the default 30 seconds, as the heartbeat case runs it.
 *
 * <p>With {@value #REDIS} {@code URI} and {@value #NODE_ID} {@code ID} it is a node of a cluster on that Redis
 * ({@link Cluster#redis(String)}), as the cluster benchmark runs it, and prints its port only once the cluster bus
 * is up.
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
    /** The option followed by the heartbeat interval in milliseconds. */
    public static final String HEARTBEAT_MILLIS = "--heartbeat-millis";
    /** The option followed by the URI of the Redis of a cluster this server is a node of. */
    public static final String REDIS = "--redis";
    /** The option followed by this node's id in the cluster. */
    public static final String NODE_ID = "--node-id";

    /** How long a node waits for its cluster bus to come up before it gives up. */
    private static final long BUS_UP_SECONDS = 30;

    private BenchServer() {
    }

    /**
     * Starts the server and serves until stdin closes.
     *
     * @param args optionally the port, optionally {@value #EXAMPLES_ONLY}, optionally {@value #HEARTBEAT_MILLIS}
     *             with an interval, and optionally {@value #REDIS} with a URI and {@value #NODE_ID} with an id
     * @throws IOException if stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        boolean examplesOnly = false;
        String redis = null;
        String nodeId = null;
        Heartbeat heartbeat = Heartbeat.DEFAULT;
        List<String> port = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case EXAMPLES_ONLY -> examplesOnly = true;
                case REDIS -> redis = args[++i];
                case NODE_ID -> nodeId = args[++i];
                case HEARTBEAT_MILLIS -> heartbeat = Heartbeat.every(Duration.ofMillis(Long.parseLong(args[++i])));
                default -> port.add(args[i]);
            }
        }
        Switchboard.Builder builder = Switchboard.builder()
                .host("127.0.0.1")
                .port(port.isEmpty() ? 0 : Integer.parseInt(port.get(0)))
                .route(EchoRoute.class)
                .route(ChatRoute.class)
                .heartbeat(heartbeat)
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
        Cluster cluster = null;
        CountDownLatch up = new CountDownLatch(1);
        if (redis != null) {
            cluster = Cluster.redis(redis);
            cluster = (nodeId == null ? cluster : cluster.nodeId(nodeId)).onStateChange(state -> {
                if (state == Cluster.State.UP) {
                    up.countDown();
                }
            });
            builder.cluster(cluster);
        }
        Switchboard server = builder.build().start();
        if (cluster != null) {
            awaitBusUp(cluster, up);
        }
        // Terminated by a signal rather than by closing stdin: still stop cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bench-server-shutdown"));
        ServerControl.serve(server.port(), () -> Sessions.of(ChatRoute.class).droppedMessages());
        server.stop();
        // Transport threads that outlive stop() must not keep the process, and so the benchmark, waiting.
        System.exit(0);
    }

    /** Waits until the bus is up, so the benchmark's first message is published; exits if it does not come up. */
    private static void awaitBusUp(Cluster cluster, CountDownLatch up) {
        try {
            if (up.await(BUS_UP_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("SEVERE: the cluster bus is " + cluster.state() + " after " + BUS_UP_SECONDS + " s");
        System.exit(3);
    }
}
