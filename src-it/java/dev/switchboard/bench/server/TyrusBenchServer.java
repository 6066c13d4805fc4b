package dev.switchboard.bench.server;

import dev.switchboard.bench.baseline.RawChatEndpoint;
import dev.switchboard.bench.baseline.RawEchoEndpoint;
import jakarta.websocket.DeploymentException;
import org.glassfish.tyrus.server.Server;

import java.io.IOException;
import java.util.Map;

/**
 * The raw side of the Tyrus comparison: Tyrus's stock standalone {@link Server} (its own Grizzly
 * container, default settings) serving on 127.0.0.1 the baseline endpoints every benchmark compares against,
 * {@link RawEchoEndpoint} at {@code /raw-echo} and {@link RawChatEndpoint} (a naive loop) at
 * {@code /raw-chat/{room}}, and {@link TyrusBroadcastEndpoint} (Tyrus's own broadcast) at
 * {@code /broadcast/{room}}.
 *
 * <p>Speaks to the benchmark as {@link BenchServer} does (see {@link ServerControl}); {@code stats} answers -1,
 * as nothing here counts drops. An optional argument sets the port (default: any free one).
 */
public final class TyrusBenchServer {

    private TyrusBenchServer() {
    }

    /**
     * Starts the server and serves until stdin closes.
     *
     * @param args optionally the port
     * @throws IOException         if stdin cannot be read
     * @throws DeploymentException if the server cannot start
     */
    public static void main(String[] args) throws IOException, DeploymentException {
        // Tyrus's Server reads port 0 as its default 8025, and -1 as "any free port".
        int port = args.length > 0 ? Integer.parseInt(args[0]) : -1;
        Server server = new Server("127.0.0.1", port == 0 ? -1 : port, "/", Map.of(),
                RawEchoEndpoint.class, RawChatEndpoint.class, TyrusBroadcastEndpoint.class);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bench-server-shutdown"));
        ServerControl.serve(server.getPort(), () -> -1);
        server.stop();
        System.exit(0);
    }
}
