package dev.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;

/** How the benchmarks open a connection: the JDK's WebSocket client or the lean {@link NioClient}. */
interface Transport {

    /**
     * Opens a WebSocket connection whose events go to the given connection.
     *
     * @return completes with the socket once the server answered 101, or fails
     */
    CompletableFuture<BenchSocket> open(URI uri, BenchConnection connection);

    /** The JDK's {@link java.net.http.WebSocket} on the given client. */
    static Transport jdk(HttpClient client) {
        return (uri, connection) -> client.newWebSocketBuilder()
                .connectTimeout(Connections.HANDSHAKE_TIMEOUT)
                .buildAsync(uri, connection)
                .thenApply(BenchSocket::of);
    }
}
